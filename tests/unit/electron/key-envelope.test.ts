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
  it('creates a key only for a first run: no key file, no database, a folder never set up', () => {
    expect(keyPlan({ keyFileExists: false, mayCreateKey: true })).toBe('create');
    expect(keyPlan({ keyFileExists: true, mayCreateKey: true })).toBe('load');
    expect(keyPlan({ keyFileExists: true, mayCreateKey: false })).toBe('load');
    // A database whose key is gone (another Windows profile), or a set-up folder that lost both: never a new key, the
    // recovery code brings the old one back.
    expect(keyPlan({ keyFileExists: false, mayCreateKey: false })).toBe('recover');
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
