import { createHash } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fingerprintGroups, formatFingerprint, parseFingerprint } from '@shared/domain/key-fingerprint';

const sha256 = (bytes: Uint8Array) => new Uint8Array(createHash('sha256').update(bytes).digest());

describe('key fingerprint digits', () => {
  it('cuts the digest into eight big-endian 32-bit numbers, each mod 100000 in five digits', () => {
    const digest = Uint8Array.from({ length: 32 }, (_, i) => i);
    // 0x00010203 = 66051, 0x04050607 = 67438087 → 38087, 0xfcfdfeff = 4244504319 → 4319
    expect(fingerprintGroups(digest).slice(0, 2)).toEqual(['66051', '38087']);
    expect(fingerprintGroups(new Uint8Array(32).fill(0xff))).toEqual(Array(8).fill('67295'));
    expect(fingerprintGroups(new Uint8Array(32))).toEqual(Array(8).fill('00000'));
  });

  it('gives the same digits for the same key and different digits for a key one bit apart', () => {
    const key = Uint8Array.from({ length: 32 }, (_, i) => i * 7);
    const other = key.slice();
    other[31] = other[31]! ^ 1;
    expect(fingerprintGroups(sha256(key))).toEqual(fingerprintGroups(sha256(key)));
    expect(fingerprintGroups(sha256(key))).not.toEqual(fingerprintGroups(sha256(other)));
  });

  it('is always 8 groups of 5 digits, and reads back from how it is written or typed (property)', () => {
    fc.assert(
      fc.property(fc.uint8Array({ minLength: 32, maxLength: 32 }), (digest) => {
        const groups = fingerprintGroups(digest);
        expect(groups).toHaveLength(8);
        for (const group of groups) expect(group).toMatch(/^\d{5}$/);
        expect(parseFingerprint(formatFingerprint(groups))).toEqual(groups);
        expect(parseFingerprint(formatFingerprint(groups, true))).toEqual(groups);
        expect(parseFingerprint(groups.join('-'))).toEqual(groups);
      }),
    );
  });

  it('writes four groups to a line for a card', () => {
    const groups = ['11111', '22222', '33333', '44444', '55555', '66666', '77777', '88888'];
    expect(formatFingerprint(groups, true)).toBe('11111 22222 33333 44444\n55555 66666 77777 88888');
  });

  it('refuses a digest of the wrong length and a fingerprint with a digit missing', () => {
    expect(() => fingerprintGroups(new Uint8Array(31))).toThrow();
    expect(parseFingerprint('1234')).toBeNull();
    expect(parseFingerprint('1'.repeat(39))).toBeNull();
    expect(parseFingerprint(`${'1'.repeat(39)}a`)).toBeNull();
  });
});
