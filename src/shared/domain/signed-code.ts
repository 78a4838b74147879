import { isRealDate } from './calendar';

/**
 * The signed text in the QR code of an aid voucher (领取凭证) and a hardship certificate (困难职工证明):
 *
 *   BF1.V.<org code>.<serial>.<payment id>.<amount in fen>.<YYYYMMDD issued>.<signature>
 *   BF1.C.<org code>.<serial>.<file id>.<YYYYMMDD valid until>.<signature>
 *
 * - ASCII only: a USB scanner types the code as keystrokes, and a Chinese character does not survive that.
 * - Upper case only (ids in hex, the signature in RFC 4648 base32 without padding): pdfmake then encodes the QR in
 *   its alphanumeric mode (5.5 bits a character against 8 in byte mode), so the code is smaller than with base64,
 *   and parsing can ignore case, so a scanner typing with Caps Lock on still gives a valid code.
 * - The signature (Ed25519 by the organisation's key) covers exactly the text before the last dot, as ASCII bytes:
 *   the prefix and kind are signed too, so a voucher's signature cannot pass for a certificate's.
 * - The org code is the organisation's 统一社会信用代码 (org.credit_code), which names the issuer across offices.
 * - No name and no ID number: the code carries nothing personal.
 */

export const SIGNED_CODE_PREFIX = 'BF1';

export interface VoucherCode {
  kind: 'voucher';
  orgCode: string;
  serial: string;
  /** UUID text (8-4-4-4-12, lower case), as the payments table keeps it. */
  paymentId: string;
  amountFen: number;
  /** YYYY-MM-DD: the day the voucher was issued (the payment approved). */
  issuedOn: string;
}

export interface CertificateCode {
  kind: 'certificate';
  orgCode: string;
  serial: string;
  /** UUID text of the hardship file the certificate is about. */
  fileId: string;
  /** YYYY-MM-DD: the next review date, after which the certificate no longer holds. */
  validUntil: string;
}

export type SignedCodePayload = VoucherCode | CertificateCode;

export type SignedCodeProblem =
  | 'empty'
  | 'bad-characters'
  | 'wrong-prefix'
  | 'newer-version'
  | 'unknown-kind'
  | 'field-count'
  | 'bad-org-code'
  | 'bad-serial'
  | 'bad-id'
  | 'bad-amount'
  | 'bad-date'
  | 'bad-signature';

export type ParsedSignedCode =
  { ok: true; payload: SignedCodePayload; signature: Uint8Array; message: Uint8Array } | { ok: false; problem: SignedCodeProblem };

const KIND_LETTER = { voucher: 'V', certificate: 'C' } as const;
const FIELD_COUNT = { V: 8, C: 7 } as const;
/** 18 characters of the credit code's alphabet family; the check character is not judged here (early codes fail it). */
const ORG_CODE = /^[0-9A-Z]{18}$/;
/** A yearly serial such as 2027-000123 (vouchers) or a certificate's; no dot, which separates the fields. */
const SERIAL = /^[0-9A-Z][0-9A-Z-]{0,23}$/;
const HEX_ID = /^[0-9A-F]{32}$/;
const AMOUNT = /^(0|[1-9]\d{0,15})$/;
const COMPACT_DATE = /^(\d{4})(\d{2})(\d{2})$/;
/** Ed25519 signatures are 64 bytes: 103 base32 characters without padding. */
const SIGNATURE_BYTES = 64;
const ASCII_PRINTABLE = /^[\x21-\x7e]*$/;

/** The bytes the organisation signs: the code's text before the signature, in ASCII. */
export function signedMessage(payload: SignedCodePayload): Uint8Array {
  return asciiBytes(codeBody(payload));
}

/** The complete QR text for a payload and its 64-byte signature over `signedMessage(payload)`. */
export function formatSignedCode(payload: SignedCodePayload, signature: Uint8Array): string {
  if (signature.length !== SIGNATURE_BYTES) throw new Error('an Ed25519 signature has 64 bytes');
  return `${codeBody(payload)}.${base32Encode(signature)}`;
}

function codeBody(payload: SignedCodePayload): string {
  const head = [SIGNED_CODE_PREFIX, KIND_LETTER[payload.kind], payload.orgCode, payload.serial];
  const fields =
    payload.kind === 'voucher'
      ? [...head, uuidToHex(payload.paymentId), String(payload.amountFen), compactDate(payload.issuedOn)]
      : [...head, uuidToHex(payload.fileId), compactDate(payload.validUntil)];
  const body = fields.join('.');
  // Refuse to sign what parse would refuse: a code that cannot be read back is worse than none.
  const check = parseBody(body.split('.'));
  if (!check.ok) throw new Error(`cannot sign this ${payload.kind}: ${check.problem}`);
  return body;
}

/**
 * Reads pasted or scanned text. Whitespace around it (the Enter a scanner sends, a CR from a pasted Windows line)
 * is ignored, and so is letter case (Caps Lock). Anything else that is wrong is named, never guessed at.
 */
export function parseSignedCode(text: string): ParsedSignedCode {
  const trimmed = text.trim().toUpperCase();
  if (trimmed === '') return { ok: false, problem: 'empty' };
  if (!ASCII_PRINTABLE.test(trimmed)) return { ok: false, problem: 'bad-characters' };
  const fields = trimmed.split('.');
  if (fields[0] !== SIGNED_CODE_PREFIX) {
    const version = /^BF(\d{1,3})$/.exec(fields[0]!);
    return { ok: false, problem: version && Number(version[1]) > 1 ? 'newer-version' : 'wrong-prefix' };
  }
  const signature = base32Decode(fields[fields.length - 1]!);
  const body = parseBody(fields.slice(0, -1));
  if (!body.ok) return body;
  if (!signature || signature.length !== SIGNATURE_BYTES) return { ok: false, problem: 'bad-signature' };
  return { ok: true, payload: body.payload, signature, message: asciiBytes(fields.slice(0, -1).join('.')) };
}

function parseBody(fields: string[]): { ok: true; payload: SignedCodePayload } | { ok: false; problem: SignedCodeProblem } {
  const kind = fields[1];
  if (kind !== 'V' && kind !== 'C') return { ok: false, problem: fields.length < 2 ? 'field-count' : 'unknown-kind' };
  if (fields.length + 1 !== FIELD_COUNT[kind]) return { ok: false, problem: 'field-count' };
  const [, , orgCode, serial, id] = fields as [string, string, string, string, string];
  if (!ORG_CODE.test(orgCode)) return { ok: false, problem: 'bad-org-code' };
  if (!SERIAL.test(serial)) return { ok: false, problem: 'bad-serial' };
  if (!HEX_ID.test(id)) return { ok: false, problem: 'bad-id' };
  if (kind === 'V') {
    const amount = fields[5]!;
    const issuedOn = isoDate(fields[6]!);
    if (!AMOUNT.test(amount) || !Number.isSafeInteger(Number(amount))) return { ok: false, problem: 'bad-amount' };
    if (!issuedOn) return { ok: false, problem: 'bad-date' };
    return {
      ok: true,
      payload: { kind: 'voucher', orgCode, serial, paymentId: hexToUuid(id), amountFen: Number(amount), issuedOn },
    };
  }
  const validUntil = isoDate(fields[5]!);
  if (!validUntil) return { ok: false, problem: 'bad-date' };
  return { ok: true, payload: { kind: 'certificate', orgCode, serial, fileId: hexToUuid(id), validUntil } };
}

function compactDate(iso: string): string {
  return iso.replaceAll('-', '');
}

function isoDate(compact: string): string | null {
  const m = COMPACT_DATE.exec(compact);
  if (!m || !isRealDate(Number(m[1]), Number(m[2]), Number(m[3]))) return null;
  return `${m[1]}-${m[2]}-${m[3]}`;
}

function uuidToHex(uuid: string): string {
  return uuid.replaceAll('-', '').toUpperCase();
}

function hexToUuid(hex: string): string {
  const h = hex.toLowerCase();
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

function asciiBytes(text: string): Uint8Array {
  const bytes = new Uint8Array(text.length);
  for (let i = 0; i < text.length; i++) bytes[i] = text.charCodeAt(i);
  return bytes;
}

const BASE32 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';

/** RFC 4648 base32 without padding. */
export function base32Encode(bytes: Uint8Array): string {
  let out = '';
  let buffer = 0;
  let bits = 0;
  for (const byte of bytes) {
    buffer = (buffer << 8) | byte;
    bits += 8;
    while (bits >= 5) {
      bits -= 5;
      out += BASE32[(buffer >> bits) & 31];
    }
    buffer &= (1 << bits) - 1;
  }
  if (bits > 0) out += BASE32[(buffer << (5 - bits)) & 31];
  return out;
}

/** RFC 4648 base32 without padding; null for a character outside the alphabet or non-zero leftover bits. */
export function base32Decode(text: string): Uint8Array | null {
  const out: number[] = [];
  let buffer = 0;
  let bits = 0;
  for (const char of text) {
    const value = BASE32.indexOf(char);
    if (value < 0) return null;
    buffer = (buffer << 5) | value;
    bits += 5;
    if (bits >= 8) {
      bits -= 8;
      out.push((buffer >> bits) & 0xff);
    }
    buffer &= (1 << bits) - 1;
  }
  // Leftover bits must be zero, so each byte string has exactly one spelling (no two texts share a signature).
  if (bits >= 5 || buffer !== 0) return null;
  return Uint8Array.from(out);
}
