import { createHash, randomBytes } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { rename, rm } from 'node:fs/promises';
import { dirname } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { fsyncFile } from '../../fs-atomic';
import { BATCH_FORMAT, BATCH_VERSION, type BatchHeader } from './batch-header';
import { verifyBatchFile } from './batch-reader';
import { keyFingerprint, publicOfPrivate, type Ed25519Private, type Ed25519Public } from './keys';
import { entryLine, manifestLine, type BatchManifest, type BatchWriteEntry } from './payload';
import { hashing, sealPayload, type PayloadSealed } from './payload-seal';
import { sealPayloadInThread } from './payload-thread';
import { envelopePrefix } from './signed-envelope';

/**
 * Writes a `.bfb` batch (docs/exchange-format.md) as a stream: records are turned into NDJSON, gzip'd and
 * encrypted with age chunk by chunk, so memory stays flat however many records there are. The payload goes to a
 * temporary file first (the signed header names its hash, which is known only at the end), then the header and
 * the payload go to a second temporary file that is fsync'd and renamed over `path`; the result is read back and
 * checked (signature, length, hash) before the caller is told it is done. The sender cannot decrypt what it wrote
 * (it is encrypted to the recipient only), so the read-back checks everything short of decryption.
 */

/**
 * zlib level 3: measured on a batch of members, files and payments it spends half the time of level 6 (the zlib
 * default) for 8–15 % more bytes; gzip is the largest single cost of an export, and a USB stick has the room.
 */
export const BATCH_GZIP_LEVEL = 3;

export interface BatchWriteOptions {
  path: string;
  sender: { code: string; signingKey: Ed25519Private };
  recipient: { code: string; signingKey: Ed25519Public; ageRecipient: string };
  sequence: number;
  createdAt: string;
  manifest: BatchManifest;
  entries: AsyncIterable<BatchWriteEntry> | Iterable<BatchWriteEntry>;
  /** Cancels the write: temporary files are removed and the promise rejects with the signal's reason. */
  signal?: AbortSignal;
  /** Called every `progressEvery` entries with how many were written so far. */
  onProgress?: (entriesWritten: number) => void;
  progressEvery?: number;
  /** zlib level; BATCH_GZIP_LEVEL unless given. */
  gzipLevel?: number;
  /**
   * The built payload-seal.worker.ts: gzip, age and the hash then run in a thread of their own, overlapping the
   * reads that produce the entries (payload-thread.ts). Without it they run in this thread; the file is the same.
   */
  sealerPath?: string;
}

export interface BatchWritten {
  header: BatchHeader;
  /** The whole file's size and SHA-256 (lowercase hex). */
  bytes: number;
  sha256: string;
}

export async function writeBatch(options: BatchWriteOptions): Promise<BatchWritten> {
  const { path, signal } = options;
  const tag = `${process.pid}.${randomBytes(4).toString('hex')}`;
  const payloadTmp = `${path}.${tag}.payload.tmp`;
  const fileTmp = `${path}.${tag}.tmp`;
  try {
    const payload = await writePayload(options, payloadTmp);
    const header: BatchHeader = {
      format: BATCH_FORMAT,
      version: BATCH_VERSION,
      sender: { code: options.sender.code, key: keyFingerprint(publicOfPrivate(options.sender.signingKey)) },
      recipient: { code: options.recipient.code, key: keyFingerprint(options.recipient.signingKey) },
      sequence: options.sequence,
      createdAt: options.createdAt,
      payload,
    };
    const prefix = envelopePrefix('BATCH', BATCH_VERSION, header, options.sender.signingKey);
    const whole = createHash('sha256').update(prefix);
    const out = createWriteStream(fileTmp, { mode: 0o600 });
    out.write(prefix);
    await pipeline(createReadStream(payloadTmp), hashing(whole), out, { signal });
    await rm(payloadTmp, { force: true });
    fsyncFile(fileTmp);
    await rename(fileTmp, path);
    fsyncFile(dirname(path));

    const check = await verifyBatchFile(path, {
      lookupSender: () => publicOfPrivate(options.sender.signingKey),
      isRecipient: (to) => to.code === header.recipient.code && to.key === header.recipient.key,
    });
    if (!check.ok) throw new Error(`the batch written to disk does not read back (${check.reason})`);
    return { header, bytes: prefix.length + payload.bytes, sha256: whole.digest('hex') };
  } finally {
    await rm(payloadTmp, { force: true });
    await rm(fileTmp, { force: true });
  }
}

async function writePayload(options: BatchWriteOptions, tmp: string): Promise<PayloadSealed> {
  const { manifest, signal } = options;
  const every = options.progressEvery ?? 10_000;
  const seen = new Map<string, number>();
  let attachments = 0;
  let written = 0;

  async function* lines(): AsyncGenerator<Buffer> {
    yield Buffer.from(manifestLine(manifest), 'utf8');
    // Lines are gathered into ~64 KiB chunks: one stream chunk per record would spend more time in the streams
    // than in gzip.
    let batch: string[] = [];
    let batchChars = 0;
    for await (const entry of options.entries) {
      signal?.throwIfAborted();
      const n = entry.kind === 'lines' ? entry.lines.count : 1;
      if (entry.kind === 'attachment') attachments++;
      else {
        const table = entry.kind === 'record' ? entry.record.table : entry.lines.table;
        seen.set(table, (seen.get(table) ?? 0) + n);
      }
      if (entry.kind === 'lines') {
        // Already UTF-8: what is gathered goes first, then the page as it is.
        if (batch.length > 0) yield Buffer.from(batch.join(''), 'utf8');
        batch = [];
        batchChars = 0;
        yield entry.lines.utf8;
      } else {
        const line = entryLine(entry);
        batch.push(line);
        batchChars += line.length;
      }
      if (batchChars >= 65_536) {
        yield Buffer.from(batch.join(''), 'utf8');
        batch = [];
        batchChars = 0;
      }
      // Progress every `every` entries, a page of lines counting as its records.
      if (Math.floor((written + n) / every) > Math.floor(written / every)) options.onProgress?.(written + n);
      written += n;
    }
    if (batch.length > 0) yield Buffer.from(batch.join(''), 'utf8');
    checkCounts(manifest, seen, attachments);
    options.onProgress?.(written);
  }

  const target = { tmp, ageRecipient: options.recipient.ageRecipient, gzipLevel: options.gzipLevel ?? BATCH_GZIP_LEVEL };
  return options.sealerPath ? sealPayloadInThread(lines(), target, options.sealerPath, signal) : sealPayload(lines(), target, signal);
}

function checkCounts(manifest: BatchManifest, seen: Map<string, number>, attachments: number): void {
  const tables = new Set([...Object.keys(manifest.counts), ...seen.keys()]);
  for (const table of tables) {
    if ((manifest.counts[table] ?? 0) !== (seen.get(table) ?? 0)) {
      throw new Error(`the manifest counts ${manifest.counts[table] ?? 0} ${table} records, the entries held ${seen.get(table) ?? 0}`);
    }
  }
  if (manifest.attachments !== attachments) {
    throw new Error(`the manifest counts ${manifest.attachments} attachments, the entries held ${attachments}`);
  }
}
