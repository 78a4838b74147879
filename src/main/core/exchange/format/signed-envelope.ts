import { canonicalJson } from './canonical-json';
import { signBytes, verifyBytes, type Ed25519Private, type Ed25519Public } from './keys';
import type { RefusalReason } from './reasons';

/**
 * The signed prefix that batches and receipts share (docs/exchange-format.md):
 *
 *   line 1  `BANGFU-<KIND> <version>\n`            the magic line, ASCII
 *   line 2  `<canonical JSON header>\n`            UTF-8, one line
 *   line 3  `<base64 of the 64-byte signature>\n`  88 characters, standard base64 with padding
 *   then    the body (a batch's age ciphertext; nothing for a receipt)
 *
 * The signature is Ed25519 over lines 1 and 2 exactly, newlines included: one contiguous range from byte 0, so
 * `head -n 2` cuts it out for `openssl pkeyutl -verify -rawin`. Signing the magic line too keeps a signature over
 * one kind of file from passing as another (a batch header is never a receipt, whatever its JSON says).
 */
export type EnvelopeKind = 'BATCH' | 'RECEIPT' | 'POLICY';

export const SIGNATURE_BYTES = 64;
const SIGNATURE_LINE_CHARS = 88;
/** A header line is a few hundred bytes (a receipt's refusals list can be longer); past this it is not ours. */
export const MAX_HEADER_BYTES = 4 * 1024 * 1024;
const NEWLINE = 0x0a;

export function magicLine(kind: EnvelopeKind, version: number): string {
  return `BANGFU-${kind} ${version}\n`;
}

/** Lines 1–3 for a header object: what a writer puts before the body. */
export function envelopePrefix(kind: EnvelopeKind, version: number, header: object, key: Ed25519Private): Buffer {
  return envelopePrefixSignedBy(kind, version, header, (signed) => signBytes(key, signed));
}

/**
 * Lines 1–3 signed by a function rather than a key in hand: the core signs through `signAsOrg`, the one reader of
 * the office's private key (receipts and policy files), while tests and the format's own writer hold a key.
 */
export function envelopePrefixSignedBy(kind: EnvelopeKind, version: number, header: object, sign: (signed: Buffer) => Buffer): Buffer {
  const signed = Buffer.from(magicLine(kind, version) + canonicalJson(header) + '\n', 'utf8');
  return Buffer.concat([signed, Buffer.from(sign(signed).toString('base64') + '\n', 'ascii')]);
}

export interface ParsedEnvelope {
  version: number;
  /** The header line's JSON, not yet checked against any shape. */
  header: unknown;
  /** Lines 1 and 2: the bytes the signature covers. */
  signed: Buffer;
  signature: Buffer;
  /** Where the body starts (the byte after line 3's newline). */
  bodyOffset: number;
}

export type EnvelopeResult = { ok: true; envelope: ParsedEnvelope } | { ok: false; reason: RefusalReason };

/**
 * Reads lines 1–3 from the start of a file. `start` holds the file's first bytes (up to MAX_HEADER_BYTES + a
 * little, or all of a shorter file); `fileSize` tells a file cut short from a line too long to be ours. Checks the
 * shape only: the signature is checked by the caller once it knows the sender's key.
 */
export function parseEnvelope(kind: EnvelopeKind, maxVersion: number, start: Buffer, fileSize: number): EnvelopeResult {
  const wholeFile = start.length >= fileSize;
  const magicPrefix = Buffer.from(`BANGFU-${kind} `, 'ascii');
  const end1 = start.indexOf(NEWLINE);
  const line1 = start.subarray(0, end1 < 0 ? Math.min(start.length, 32) : end1);
  if (end1 < 0) {
    // A file cut inside its magic line is a batch cut short; anything else is another kind of file.
    const isPrefix = line1.length < magicPrefix.length + 8 && wholeFile && startsLike(line1, magicPrefix);
    return { ok: false, reason: isPrefix ? 'truncated' : 'not-a-batch' };
  }
  const match = /^BANGFU-([A-Z]+) ([1-9][0-9]{0,5})$/.exec(line1.toString('latin1'));
  if (!match || match[1] !== kind) return { ok: false, reason: 'not-a-batch' };
  const version = Number(match[2]);
  if (version > maxVersion) return { ok: false, reason: 'newer-version' };

  const end2 = start.indexOf(NEWLINE, end1 + 1);
  if (end2 < 0) return { ok: false, reason: wholeFile ? 'truncated' : 'bad-header' };
  let header: unknown;
  try {
    header = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(start.subarray(end1 + 1, end2)));
  } catch {
    return { ok: false, reason: 'bad-header' };
  }

  const end3 = start.indexOf(NEWLINE, end2 + 1);
  if (end3 < 0) return { ok: false, reason: wholeFile ? 'truncated' : 'bad-signature' };
  const signatureText = start.subarray(end2 + 1, end3).toString('latin1');
  if (signatureText.length !== SIGNATURE_LINE_CHARS || !/^[A-Za-z0-9+/]{86}==$/.test(signatureText)) {
    return { ok: false, reason: 'bad-signature' };
  }
  return {
    ok: true,
    envelope: {
      version,
      header,
      signed: start.subarray(0, end2 + 1),
      signature: Buffer.from(signatureText, 'base64'),
      bodyOffset: end3 + 1,
    },
  };
}

function startsLike(bytes: Buffer, prefix: Buffer): boolean {
  const n = Math.min(bytes.length, prefix.length);
  return bytes.subarray(0, n).equals(prefix.subarray(0, n));
}

export function envelopeSigned(envelope: ParsedEnvelope, key: Ed25519Public): boolean {
  return envelope.signature.length === SIGNATURE_BYTES && verifyBytes(key, envelope.signed, envelope.signature);
}
