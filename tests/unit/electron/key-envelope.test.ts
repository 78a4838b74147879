import { describe, expect, it } from 'vitest';
import { decodeEnvelope, encodeEnvelope, keyPlan, keyProtection, type KeyEnvelope } from '../../../src/main/electron/key-envelope';

const HEX = 'ab'.repeat(32);

describe('key file envelope', () => {
  it('round-trips both forms', () => {
    const forms: KeyEnvelope[] = [
      { v: 1, protection: 'os', wrapped: Buffer.from('ciphertext').toString('base64') },
      { v: 1, protection: 'none', keyHex: HEX },
    ];
    for (const envelope of forms) expect(decodeEnvelope(encodeEnvelope(envelope))).toEqual(envelope);
  });

  it('treats damaged or foreign files as missing', () => {
    for (const text of [
      '',
      'not json',
      'null',
      '[]',
      '{"v":2,"protection":"os","wrapped":"x"}',
      '{"v":1,"protection":"os","wrapped":""}',
      '{"v":1,"protection":"none","keyHex":"abc"}',
      `{"v":1,"protection":"plain","keyHex":"${HEX}"}`,
      HEX,
    ]) {
      expect(decodeEnvelope(text), text).toBeNull();
    }
  });
});

describe('keyPlan', () => {
  it('creates a key only when there is neither a key file nor a database', () => {
    expect(keyPlan({ keyFileExists: false, databaseExists: false })).toBe('create');
    expect(keyPlan({ keyFileExists: true, databaseExists: false })).toBe('load');
    expect(keyPlan({ keyFileExists: true, databaseExists: true })).toBe('load');
    // A database whose key is gone (another Windows profile): never a new key, the recovery code opens it.
    expect(keyPlan({ keyFileExists: false, databaseExists: true })).toBe('recover');
  });
});

describe('keyProtection', () => {
  it('calls Linux without a keyring weak even when safeStorage claims to work', () => {
    expect(keyProtection('linux', 'basic_text', true)).toBe('weak');
    expect(keyProtection('linux', 'basic_text', false)).toBe('weak');
    expect(keyProtection('linux', 'gnome_libsecret', true)).toBe('os');
    expect(keyProtection('linux', 'kwallet6', false)).toBe('unavailable');
    expect(keyProtection('win32', null, true)).toBe('os');
    expect(keyProtection('win32', null, false)).toBe('unavailable');
  });
});
