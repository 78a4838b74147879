import { createReadStream } from 'node:fs';
import { Readable } from 'node:stream';
import type { ReadableStream as NodeReadableStream } from 'node:stream/web';
import { serialize } from 'node:v8';
import { createGunzip } from 'node:zlib';
import { Decrypter } from 'age-encryption';
import { readBatchEntries, type BatchVerdict } from '../src/main/core/exchange/format';
import { GUNZIP_CHUNK_BYTES, MAX_LINE_BYTES } from '../src/main/core/exchange/format/batch-reader';
import { splitLines } from '../src/main/core/exchange/format/payload';
import { ENTRIES_CHUNK } from '../src/main/core/features/exchange/import-entries';
import { prepareRecord, type PreparedRecord } from '../src/main/core/features/exchange/import-prepare';
import { recordProblem } from '../src/main/core/features/exchange/import-records';
import { measured } from './exchange-steps';

/**
 * Where the import's reader thread spends its time (docs/architecture.md, the federation's import, "Session 14"):
 * the same batch read again and again in this thread, each pass doing one stage more than the one before, so the
 * differences are each stage's cost (on a loaded machine, a few tenths of a second either way). (0) age alone, then
 * with gunzip in pieces of each size; (1) age, gunzip and the lines as strings; (2) + parsing each entry
 * (readBatchEntries); (3) + checking each record as if typed; (4) + preparing its row; (5) + the structured clone
 * of each chunk that postMessage makes. The origin check is given each record's own origin, so nothing is refused.
 */
type Verified = Extract<BatchVerdict, { ok: true }>;

/** The payload as batch-reader.ts streams it: decrypted, and gunzipped in pieces of `chunkSize` unless null. */
async function payloadStream(path: string, verdict: Verified, ageIdentity: string, chunkSize: number | null) {
  const decrypter = new Decrypter();
  decrypter.addIdentity(ageIdentity);
  const source = createReadStream(path, { start: verdict.payloadOffset, highWaterMark: 1 << 20 });
  const plaintext = await decrypter.decrypt(Readable.toWeb(source) as unknown as ReadableStream<Uint8Array>);
  const readable = Readable.fromWeb(plaintext as unknown as NodeReadableStream<Uint8Array>);
  return chunkSize === null ? readable : readable.pipe(createGunzip({ chunkSize }));
}

async function bytesOnly(path: string, verdict: Verified, ageIdentity: string, chunkSize: number | null): Promise<number> {
  let bytes = 0;
  for await (const piece of await payloadStream(path, verdict, ageIdentity, chunkSize)) bytes += (piece as Buffer).length;
  return bytes;
}

async function linesOnly(path: string, verdict: Verified, ageIdentity: string): Promise<number> {
  let lines = 0;
  const pieces = await payloadStream(path, verdict, ageIdentity, GUNZIP_CHUNK_BYTES);
  for await (const line of splitLines(pieces, MAX_LINE_BYTES)) lines += line.length > 0 ? 1 : 0;
  return lines;
}

async function entriesUpTo(stage: 2 | 3 | 4 | 5, path: string, verdict: Verified, ageIdentity: string, today: string) {
  const centreCode = verdict.header.sender.code;
  const opened = await readBatchEntries(path, verdict, { ageIdentity });
  let entries = 0;
  let chunk: PreparedRecord[] = [];
  for await (const entry of opened.entries) {
    entries++;
    if (stage < 3 || entry.kind !== 'record') continue;
    const { record } = entry;
    if (recordProblem(record, { origin: record.origin, senderCode: centreCode, today }) !== null || stage < 4) continue;
    chunk.push(prepareRecord(record, centreCode, verdict.header.sequence));
    if (chunk.length === ENTRIES_CHUNK) {
      if (stage === 5) serialize(chunk);
      chunk = [];
    }
  }
  return entries;
}

export async function readerStages(path: string, verdict: Verified, ageIdentity: string, today: string) {
  const stages: [string, () => Promise<number>][] = [
    // The gunzip's piece size (batch-reader.ts GUNZIP_CHUNK_BYTES), zlib's default 16 KiB first and last.
    ['0 age alone', () => bytesOnly(path, verdict, ageIdentity, null)],
    ['0 + gunzip, 16 KiB pieces', () => bytesOnly(path, verdict, ageIdentity, 16 * 1024)],
    ['0 + gunzip, 64 KiB pieces', () => bytesOnly(path, verdict, ageIdentity, 64 * 1024)],
    ['0 + gunzip, 256 KiB pieces', () => bytesOnly(path, verdict, ageIdentity, 256 * 1024)],
    ['0 + gunzip, 1 MiB pieces', () => bytesOnly(path, verdict, ageIdentity, 1024 * 1024)],
    ['0 + gunzip, 16 KiB again', () => bytesOnly(path, verdict, ageIdentity, 16 * 1024)],
    ['1 age + gunzip + lines', () => linesOnly(path, verdict, ageIdentity)],
    ['2 + parse', () => entriesUpTo(2, path, verdict, ageIdentity, today)],
    ['3 + check as typed', () => entriesUpTo(3, path, verdict, ageIdentity, today)],
    ['4 + prepare the row', () => entriesUpTo(4, path, verdict, ageIdentity, today)],
    ['5 + structured clone', () => entriesUpTo(5, path, verdict, ageIdentity, today)],
  ];
  const rows: Record<string, Record<string, string>> = {};
  let before = 0;
  for (const [name, run] of stages) {
    const r = await measured(run);
    rows[name] = { seconds: r.seconds.toFixed(2), 'CPU s': r.cpuSeconds.toFixed(2) };
    // The stages 1 to 5 count entries: their cost a record, and what each adds to the one before.
    if (name.startsWith('0')) continue;
    const microseconds = (seconds: number) => ((seconds / r.value) * 1e6).toFixed(2);
    rows[name]!['CPU µs/entry'] = microseconds(r.cpuSeconds);
    rows[name]!['stage µs/entry'] = before === 0 ? '' : microseconds(r.cpuSeconds - before);
    before = r.cpuSeconds;
  }
  return rows;
}
