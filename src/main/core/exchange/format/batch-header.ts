/**
 * The cleartext header of a batch (line 2 of a `.bfb`, docs/exchange-format.md). It names who sent the batch to
 * whom and pins the payload by length and SHA-256, so the sender's signature over it covers the whole file. It
 * holds no personal data: codes, fingerprints, a number, an instant, a size and a hash.
 */
export const BATCH_VERSION = 1;
export const BATCH_FORMAT = 'bangfu-batch';

export interface OrgKeyRef {
  /** The organisation's code (the `origin` its records carry). */
  code: string;
  /** SHA-256 of its raw Ed25519 public key, lowercase hex (keys.ts `keyFingerprint`). */
  key: string;
}

export interface BatchHeader {
  format: typeof BATCH_FORMAT;
  version: number;
  sender: OrgKeyRef;
  recipient: OrgKeyRef;
  /** 1 for a centre's first batch (a snapshot), then one more for each batch. */
  sequence: number;
  /** ISO-8601 UTC instant the batch was written. */
  createdAt: string;
  /** The age ciphertext after line 3: its length in bytes and SHA-256 in lowercase hex. */
  payload: { bytes: number; sha256: string };
}

export const HEX64 = /^[0-9a-f]{64}$/;
const CODE = /^[\x21-\x7e]{1,64}$/;
export const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,3})?Z$/;

export function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function isKeyRef(value: unknown): value is OrgKeyRef {
  return (
    isObject(value) && typeof value.code === 'string' && CODE.test(value.code) && typeof value.key === 'string' && HEX64.test(value.key)
  );
}

export function isCount(value: unknown): value is number {
  return typeof value === 'number' && Number.isSafeInteger(value) && value >= 0;
}

/** The header's shape, field by field; null when any field is missing, of the wrong type or out of range. */
export function checkBatchHeader(value: unknown, version: number): BatchHeader | null {
  if (!isObject(value)) return null;
  const { format, sender, recipient, sequence, createdAt, payload } = value;
  if (format !== BATCH_FORMAT || value.version !== version) return null;
  if (!isKeyRef(sender) || !isKeyRef(recipient)) return null;
  if (!isCount(sequence) || sequence < 1) return null;
  if (typeof createdAt !== 'string' || !INSTANT.test(createdAt) || Number.isNaN(Date.parse(createdAt))) return null;
  if (!isObject(payload) || !isCount(payload.bytes) || typeof payload.sha256 !== 'string' || !HEX64.test(payload.sha256)) return null;
  const known = new Set(['format', 'version', 'sender', 'recipient', 'sequence', 'createdAt', 'payload']);
  if (Object.keys(value).some((k) => !known.has(k))) return null;
  return value as unknown as BatchHeader;
}
