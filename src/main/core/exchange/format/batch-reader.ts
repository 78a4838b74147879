import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { open } from 'node:fs/promises';
import { Readable, Transform, pipeline } from 'node:stream';
import type { ReadableStream as NodeReadableStream } from 'node:stream/web';
import { createGunzip } from 'node:zlib';
import { Decrypter } from 'age-encryption';
import { BATCH_VERSION, checkBatchHeader, type BatchHeader, type OrgKeyRef } from './batch-header';
import { keyFingerprint, type Ed25519Public } from './keys';
import { parseEntry, parseManifest, splitLines, type BatchEntry, type BatchManifest } from './payload';
import { BatchFormatError, type RefusalReason } from './reasons';
import { MAX_HEADER_BYTES, envelopeSigned, parseEnvelope } from './signed-envelope';

/**
 * Reads a `.bfb` batch in two steps. `verifyBatchFile` checks everything that needs no decryption, in an order
 * that makes each refusal precise: the magic line and version, the header's shape, the sender (a lookup the caller
 * passes in: its trusted key cards), the signature, the recipient, then the payload's length and SHA-256 against
 * the signed header. Only a batch that passes all of them is decrypted: `readBatchEntries` streams age → gunzip →
 * NDJSON and yields one entry at a time, so a 100 MB payload is never held whole.
 */

export interface BatchCheck {
  /** The sender's raw Ed25519 public key if `from` is a trusted key card here, else null. */
  lookupSender: (from: OrgKeyRef) => Ed25519Public | null | Promise<Ed25519Public | null>;
  /** Whether `to` names this organisation's own key. */
  isRecipient: (to: OrgKeyRef) => boolean | Promise<boolean>;
}

export type BatchVerdict =
  { ok: true; header: BatchHeader; payloadOffset: number; fileBytes: number } | { ok: false; reason: RefusalReason; header?: BatchHeader };

const READ_AHEAD = MAX_HEADER_BYTES + 128;

export async function verifyBatchFile(path: string, check: BatchCheck): Promise<BatchVerdict> {
  const file = await open(path, 'r');
  let start: Buffer;
  let fileBytes: number;
  try {
    fileBytes = (await file.stat()).size;
    const buffer = Buffer.alloc(Math.min(fileBytes, READ_AHEAD));
    const { bytesRead } = await file.read(buffer, 0, buffer.length, 0);
    start = buffer.subarray(0, bytesRead);
  } finally {
    await file.close();
  }

  const parsed = parseEnvelope('BATCH', BATCH_VERSION, start, fileBytes);
  if (!parsed.ok) return parsed;
  const { envelope } = parsed;
  const header = checkBatchHeader(envelope.header, envelope.version);
  if (!header) return { ok: false, reason: 'bad-header' };

  const senderKey = await check.lookupSender(header.sender);
  // The lookup answers for a code and fingerprint; the key it returns must be the one the fingerprint names.
  if (!senderKey || keyFingerprint(senderKey) !== header.sender.key) return { ok: false, reason: 'unknown-sender', header };
  if (!envelopeSigned(envelope, senderKey)) return { ok: false, reason: 'bad-signature', header };
  if (!(await check.isRecipient(header.recipient))) return { ok: false, reason: 'wrong-recipient', header };

  const payloadBytes = fileBytes - envelope.bodyOffset;
  if (payloadBytes < header.payload.bytes) return { ok: false, reason: 'truncated', header };
  if (payloadBytes > header.payload.bytes) return { ok: false, reason: 'payload-length', header };
  const sha256 = await hashRange(path, envelope.bodyOffset);
  if (sha256 !== header.payload.sha256) return { ok: false, reason: 'payload-hash', header };
  return { ok: true, header, payloadOffset: envelope.bodyOffset, fileBytes };
}

async function hashRange(path: string, start: number): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(path, { start, highWaterMark: 1 << 20 })) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

export interface BatchReadOptions {
  /** The recipient's age identity (`AGE-SECRET-KEY-1…`). */
  ageIdentity: string;
  /** A line longer than this is refused (an attachment's base64 is the longest line). Default 64 MiB. */
  maxLineBytes?: number;
}

export interface OpenedBatch {
  manifest: BatchManifest;
  /**
   * The entries after the manifest. The iterator throws a BatchFormatError if the payload turns out bad; it checks
   * the counts against the manifest and the payload's hash against the header once more at the end (the file
   * could have been swapped since `verifyBatchFile`: age does not authenticate the sender), so a caller applies a
   * batch in one transaction and commits only when the iteration has finished.
   */
  entries: AsyncGenerator<BatchEntry>;
}

/** Decrypts a batch that `verifyBatchFile` passed (its verdict is the argument) and opens its NDJSON. */
/**
 * The decompressed payload's pieces. zlib's default (16 KiB) is a trip to libuv's thread pool and back per piece, about
 * 10,000 for 168 MiB of records: 1 MiB pieces took the stream's gunzip from 1.17–1.29 s to 0.56 s at 210,000
 * records (bench/exchange-reader-stages.ts), a third of the import's reader thread. Lines are split out of them as
 * before, so memory stays one piece and one line.
 */
export const GUNZIP_CHUNK_BYTES = 1 << 20;

/** The longest line a batch may hold unless the caller says otherwise: an attachment's base64 of up to 64 MiB. */
export const MAX_LINE_BYTES = 64 * 1024 * 1024;

export async function readBatchEntries(
  path: string,
  verdict: Extract<BatchVerdict, { ok: true }>,
  options: BatchReadOptions,
): Promise<OpenedBatch> {
  const { header, payloadOffset } = verdict;
  const hash = createHash('sha256');
  let bytes = 0;
  const tap = new Transform({
    transform(chunk: Buffer, _encoding, done) {
      hash.update(chunk);
      bytes += chunk.length;
      done(null, chunk);
    },
  });
  // pipeline, not pipe: an error anywhere destroys every stream with it, so the reader below sees it and ends.
  const source = pipeline(createReadStream(path, { start: payloadOffset, highWaterMark: 1 << 20 }), tap, ignore);
  const decrypter = new Decrypter();
  decrypter.addIdentity(options.ageIdentity);
  let plaintext: ReadableStream<Uint8Array>;
  try {
    plaintext = await decrypter.decrypt(Readable.toWeb(source) as unknown as ReadableStream<Uint8Array>);
  } catch {
    source.destroy();
    throw new BatchFormatError('cannot-decrypt');
  }
  const gunzip = pipeline(
    Readable.fromWeb(plaintext as unknown as NodeReadableStream<Uint8Array>),
    createGunzip({ chunkSize: GUNZIP_CHUNK_BYTES }),
    ignore,
  );
  const lines = splitLines(guarded(gunzip), options.maxLineBytes ?? MAX_LINE_BYTES);

  let manifest: BatchManifest;
  try {
    const first = await lines.next();
    if (first.done) throw new BatchFormatError('bad-payload', 'no manifest');
    manifest = parseManifest(first.value);
  } catch (error) {
    source.destroy();
    throw error;
  }

  async function* entries(): AsyncGenerator<BatchEntry> {
    const seen = new Map<string, number>();
    let attachments = 0;
    try {
      for await (const line of lines) {
        const entry = parseEntry(line);
        if (entry.kind === 'record') seen.set(entry.record.table, (seen.get(entry.record.table) ?? 0) + 1);
        else attachments++;
        yield entry;
      }
    } finally {
      source.destroy();
    }
    if (bytes !== header.payload.bytes || hash.digest('hex') !== header.payload.sha256) {
      throw new BatchFormatError('payload-hash', 'the file changed while it was read');
    }
    const tables = new Set([...Object.keys(manifest.counts), ...seen.keys()]);
    for (const table of tables) {
      if ((manifest.counts[table] ?? 0) !== (seen.get(table) ?? 0)) throw new BatchFormatError('manifest-mismatch', table);
    }
    if (attachments !== manifest.attachments) throw new BatchFormatError('manifest-mismatch', 'attachments');
  }
  return { manifest, entries: entries() };
}

/** Turns a stream error (age's authentication, gunzip's checks) into a refusal of the payload. */
async function* guarded(stream: Readable): AsyncGenerator<Buffer> {
  try {
    for await (const chunk of stream) yield chunk as Buffer;
  } catch (error) {
    if (error instanceof BatchFormatError) throw error;
    throw new BatchFormatError('bad-payload', error instanceof Error ? error.message : String(error));
  }
}

/** The errors a pipeline reports through its callback reach the last stream's reader too. */
function ignore(): void {}
