/**
 * The file `<dataDir>/bangfu.key.safe` that keeps the 32-byte database key for the Electron build. Pure (no
 * 'electron' import) so the format and the decisions are unit-tested; keychain.ts does the safeStorage calls.
 *
 *   { v: 1, protection: 'os',   wrapped: <base64 of safeStorage's ciphertext of the key's hex> }
 *   { v: 1, protection: 'none', keyHex: <hex> }    Linux without a keyring only, after the administrator agreed
 */
export const KEY_FILE_NAME = 'bangfu.key.safe';

export type KeyEnvelope = { v: 1; protection: 'os'; wrapped: string } | { v: 1; protection: 'none'; keyHex: string };

export function encodeEnvelope(envelope: KeyEnvelope): string {
  return `${JSON.stringify(envelope)}\n`;
}

/** Null for anything that is not a well-formed envelope (a damaged or foreign file is treated as missing). */
export function decodeEnvelope(text: string): KeyEnvelope | null {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return null;
  }
  if (typeof value !== 'object' || value === null) return null;
  const v = value as Record<string, unknown>;
  if (v.v !== 1) return null;
  if (v.protection === 'os' && typeof v.wrapped === 'string' && v.wrapped.length > 0) return { v: 1, protection: 'os', wrapped: v.wrapped };
  if (v.protection === 'none' && typeof v.keyHex === 'string' && isKeyHex(v.keyHex)) return { v: 1, protection: 'none', keyHex: v.keyHex };
  return null;
}

export function isKeyHex(text: string): boolean {
  return /^[0-9a-f]{64}$/i.test(text);
}

/**
 * What to do at start:
 * - the key file is there → load it (a database may or may not exist yet);
 * - no key file but a database, or a folder that was set up once (its database may be gone too) → the key is lost
 *   on this profile: start without it, the first screen asks for the recovery code (system.recover), and the
 *   worker's store-key hook wraps the recovered key again;
 * - neither → first run: make a key.
 */
export function keyPlan(state: { keyFileExists: boolean; mayCreateKey: boolean }): 'load' | 'recover' | 'create' {
  if (state.keyFileExists) return 'load';
  return state.mayCreateKey ? 'create' : 'recover';
}

/**
 * How well this machine can protect the key:
 * - 'os': safeStorage has an OS key store (DPAPI on Windows, the Keychain, a Linux keyring);
 * - 'weak': Linux with no keyring — Electron reports 'basic_text', meaning safeStorage would "encrypt" with a
 *   password hard-coded in Chromium, which is no protection at all;
 * - 'unavailable': safeStorage says no (e.g. a locked or refused keyring).
 */
export type KeyProtection = 'os' | 'weak' | 'unavailable';

export function keyProtection(platform: string, backend: string | null, available: boolean): KeyProtection {
  if (platform === 'linux' && backend === 'basic_text') return 'weak';
  return available ? 'os' : 'unavailable';
}
