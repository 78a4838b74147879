/**
 * Why a batch or a receipt file is refused. Codes, not sentences: the importer maps each to a Chinese message that
 * tells the clerk what to do (ask the centre to export again, confirm the sender's key card, …), and the receipt
 * carries them back. Each code says what was found, so a refusal can be told apart without reading the file.
 */
export const REFUSAL_REASONS = [
  /** The first line is not a Bangfu batch (or receipt) magic line: another kind of file. */
  'not-a-batch',
  /** The magic line names a format version newer than this program reads: update the program. */
  'newer-version',
  /** The file ends before the end its header announces (a copy cut short, a stick pulled out too early). */
  'truncated',
  /** The header line is not the JSON object the format describes (altered, or written by something else). */
  'bad-header',
  /** The sender's organisation code and key fingerprint are not a trusted key card here. */
  'unknown-sender',
  /** The header's Ed25519 signature does not verify with the sender's key: the header was altered. */
  'bad-signature',
  /** Addressed (and encrypted) to another organisation's key. */
  'wrong-recipient',
  /** More bytes follow the payload than the signed header announces. */
  'payload-length',
  /** The payload's SHA-256 is not the one the signed header announces: the payload was altered. */
  'payload-hash',
  /** The payload is not encrypted to this organisation's age identity. */
  'cannot-decrypt',
  /** The decrypted payload is not gzip'd NDJSON of the shape the format describes. */
  'bad-payload',
  /** The records are not the ones the manifest counts. */
  'manifest-mismatch',
] as const;

export type RefusalReason = (typeof REFUSAL_REASONS)[number];

/** A refusal found while streaming a payload whose header already passed (see batch-reader.ts). */
export class BatchFormatError extends Error {
  constructor(
    readonly reason: RefusalReason,
    detail?: string,
  ) {
    super(detail ? `${reason}: ${detail}` : reason);
    this.name = 'BatchFormatError';
  }
}
