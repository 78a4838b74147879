import { generateKeyPairSync, sign, verify } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  base32Decode,
  base32Encode,
  formatSignedCode,
  parseSignedCode,
  signedMessage,
  type CertificateCode,
  type VoucherCode,
} from '@shared/domain/signed-code';

const voucher: VoucherCode = {
  kind: 'voucher',
  orgCode: '81110105MC1234567X',
  serial: '2027-000123',
  paymentId: '01936b2e-7c4d-7a3b-9f10-2b3c4d5e6f70',
  amountFen: 50000,
  issuedOn: '2027-01-18',
};
const certificate: CertificateCode = {
  kind: 'certificate',
  orgCode: '81110105MC1234567X',
  serial: 'Z2027-000007',
  fileId: '01936b2e-7c4d-7a3b-9f10-2b3c4d5e6f71',
  validUntil: '2028-02-29',
};
const signature = Uint8Array.from({ length: 64 }, (_, i) => (i * 37 + 11) & 0xff);

describe('the signed QR text of vouchers and certificates', () => {
  it('writes a voucher as compact upper-case ASCII with its fields in order', () => {
    const text = formatSignedCode(voucher, signature);
    expect(text).toMatch(/^[0-9A-Z.-]+$/);
    expect(text.startsWith('BF1.V.81110105MC1234567X.2027-000123.01936B2E7C4D7A3B9F102B3C4D5E6F70.50000.20270118.')).toBe(true);
    // 103 base32 characters for 64 bytes: the whole code stays under 200 characters for the QR.
    expect(text.split('.').at(-1)).toHaveLength(103);
    expect(text.length).toBeLessThan(200);
  });

  it('reads back what it wrote, for both kinds, with the signed message being the text before the signature', () => {
    for (const payload of [voucher, certificate]) {
      const text = formatSignedCode(payload, signature);
      const parsed = parseSignedCode(text);
      expect(parsed).toEqual({ ok: true, payload, signature, message: signedMessage(payload) });
      expect(new TextDecoder().decode(signedMessage(payload))).toBe(text.slice(0, text.lastIndexOf('.')));
    }
  });

  it('round-trips any voucher (property)', () => {
    const hex = fc.string({ unit: fc.constantFrom(...'0123456789abcdef'), minLength: 32, maxLength: 32 });
    fc.assert(
      fc.property(
        hex,
        fc.integer({ min: 0, max: Number.MAX_SAFE_INTEGER }),
        fc.integer({ min: 2000, max: 2099 }),
        fc.integer({ min: 1, max: 9999 }),
        fc.uint8Array({ minLength: 64, maxLength: 64 }),
        (id, amountFen, year, n, sig) => {
          const paymentId = `${id.slice(0, 8)}-${id.slice(8, 12)}-${id.slice(12, 16)}-${id.slice(16, 20)}-${id.slice(20)}`;
          const payload: VoucherCode = {
            ...voucher,
            serial: `${year}-${String(n).padStart(6, '0')}`,
            paymentId,
            amountFen,
          };
          const parsed = parseSignedCode(formatSignedCode(payload, sig));
          expect(parsed.ok && parsed.payload).toEqual(payload);
          expect(parsed.ok && parsed.signature).toEqual(sig);
        },
      ),
    );
  });

  it('signs and verifies with a real Ed25519 key through the text', () => {
    const { publicKey, privateKey } = generateKeyPairSync('ed25519');
    const text = formatSignedCode(voucher, sign(null, signedMessage(voucher), privateKey));
    const parsed = parseSignedCode(text);
    expect(parsed.ok && verify(null, parsed.message, publicKey, parsed.signature)).toBe(true);
    // The same fields as a certificate-looking body do not verify: the kind letter is signed.
    const amountChanged = parseSignedCode(text.replace('.50000.', '.90000.'));
    expect(amountChanged.ok && verify(null, amountChanged.message, publicKey, amountChanged.signature)).toBe(false);
  });

  it('ignores what a scanner or a paste adds around the text, and letter case (Caps Lock)', () => {
    const text = formatSignedCode(voucher, signature);
    for (const typed of [`${text}\n`, `${text}\r\n`, `${text}\r`, `  ${text}\t`, text.toLowerCase()]) {
      expect(parseSignedCode(typed)).toMatchObject({ ok: true, payload: voucher });
    }
  });

  it('names what is wrong with malformed text', () => {
    const text = formatSignedCode(voucher, signature);
    const fields = text.split('.');
    const withField = (i: number, value: string) => fields.map((f, j) => (j === i ? value : f)).join('.');
    const cases: [string, string][] = [
      ['', 'empty'],
      ['  \r\n', 'empty'],
      [text.replace('2027-000123', '2027－000123'), 'bad-characters'],
      [`${text} 张三`, 'bad-characters'],
      [text.replace('BF1', 'XX1'), 'wrong-prefix'],
      ['2027-000123', 'wrong-prefix'],
      [text.replace('BF1', 'BF2'), 'newer-version'],
      [text.replace('BF1.V', 'BF1.Q'), 'unknown-kind'],
      ['BF1', 'field-count'],
      [fields.slice(0, -2).concat(fields.at(-1)!).join('.'), 'field-count'],
      [`${text}.AAAA`, 'field-count'],
      [withField(2, '81110105MC123456'), 'bad-org-code'],
      [withField(3, ''), 'bad-serial'],
      [withField(3, '-2027'), 'bad-serial'],
      [withField(4, '01936B2E7C4D7A3B9F102B3C4D5E6F7'), 'bad-id'],
      [withField(4, '01936B2E7C4D7A3B9F102B3C4D5E6F7G'), 'bad-id'],
      [withField(5, '050000'), 'bad-amount'],
      [withField(5, '500.00'), 'field-count'],
      [withField(5, '99999999999999999'), 'bad-amount'],
      [withField(6, '20270230'), 'bad-date'],
      [withField(6, '2027-01-18'), 'bad-date'],
      [withField(7, fields[7]!.slice(0, -1)), 'bad-signature'],
      [withField(7, `${fields[7]!.slice(0, -1)}1`), 'bad-signature'],
      [withField(7, ''), 'bad-signature'],
    ];
    for (const [input, problem] of cases)
      expect({ input, result: parseSignedCode(input) }).toEqual({ input, result: { ok: false, problem } });
  });

  it('refuses to write a code it could not read back', () => {
    expect(() => formatSignedCode({ ...voucher, serial: '2027.1' }, signature)).toThrow();
    expect(() => formatSignedCode({ ...voucher, amountFen: 1.5 }, signature)).toThrow();
    expect(() => formatSignedCode(voucher, signature.slice(1))).toThrow();
  });
});

describe('base32 (RFC 4648, no padding)', () => {
  it('matches the RFC test vectors', () => {
    const vectors: [string, string][] = [
      ['', ''],
      ['f', 'MY'],
      ['fo', 'MZXQ'],
      ['foo', 'MZXW6'],
      ['foob', 'MZXW6YQ'],
      ['fooba', 'MZXW6YTB'],
      ['foobar', 'MZXW6YTBOI'],
    ];
    for (const [plain, encoded] of vectors) {
      const bytes = new TextEncoder().encode(plain);
      expect(base32Encode(bytes)).toBe(encoded);
      expect(base32Decode(encoded)).toEqual(bytes);
    }
  });

  it('has one spelling per byte string: non-zero leftover bits and foreign characters are refused', () => {
    expect(base32Decode('MZ')).toBeNull();
    expect(base32Decode('MY=')).toBeNull();
    expect(base32Decode('my')).toBeNull();
  });
});
