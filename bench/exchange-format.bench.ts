import { generateKeyPairSync } from 'node:crypto';
import { createReadStream, createWriteStream, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { ReadableStream as NodeReadableStream } from 'node:stream/web';
import { createGunzip, createGzip } from 'node:zlib';
import { Decrypter, Encrypter, generateX25519Identity, identityToRecipient } from 'age-encryption';
import { afterAll, test } from 'vitest';
import { readBatchEntries, verifyBatchFile, writeBatch, type BatchEntry } from '../src/main/core/exchange/format';
import { entryLine } from '../src/main/core/exchange/format/payload';

/**
 * The batch format's throughput on its own (issue 12's bench measures whole exports and imports): BENCH_BATCH_MB
 * of NDJSON records (default 50) written as a `.bfb`, verified and streamed back, against the same run's baseline
 * of gzip alone and gzip plus age on the same bytes. Peak RSS is sampled to show memory stays flat. Not a test.
 */
const TARGET_BYTES = Number(process.env.BENCH_BATCH_MB ?? 50) * 1024 * 1024;
const dir = mkdtempSync(join(tmpdir(), 'bfb-bench-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const SURNAMES = '赵钱孙李周吴郑王冯陈褚卫蒋沈韩杨朱秦尤许何吕施张';
const GIVEN = '建国秀英桂兰志强海燕德胜丽华文斌淑珍国庆';
/** A fixed-seed xorshift: records as varied as real ones (random ids, phones, amounts) so gzip does not flatter. */
let seed = 0x9e3779b9;
function rand(): number {
  seed ^= seed << 13;
  seed ^= seed >>> 17;
  seed ^= seed << 5;
  return (seed >>> 0) / 2 ** 32;
}
const hex = (n: number) => Array.from({ length: n }, () => Math.floor(rand() * 16).toString(16)).join('');
const digits = (n: number) => Array.from({ length: n }, () => Math.floor(rand() * 10)).join('');
function record(i: number): BatchEntry {
  return {
    kind: 'record',
    record: {
      table: i % 10 === 0 ? 'hardship_files' : 'members',
      id: `019${hex(5)}-${hex(4)}-7${hex(3)}-8${hex(3)}-${hex(12)}`,
      origin: 'C001',
      rev: 1 + (i % 3),
      updated_at: `2026-0${1 + (i % 9)}-1${i % 10}T0${i % 10}:${10 + (i % 50)}:${10 + (i % 49)}.${digits(3)}Z`,
      deleted_at: null,
      fields: {
        name: `${SURNAMES[Math.floor(rand() * SURNAMES.length)]}${GIVEN.slice(Math.floor(rand() * 14), 2 + Math.floor(rand() * 14))}`,
        id_number: `4401${digits(2)}19${digits(2)}${digits(4)}${digits(3)}X`,
        phone: `13${digits(9)}`,
        unit_ref: Math.floor(rand() * 500),
        category: ['worker', 'retired', 'migrant'][i % 3],
        income_fen: Math.floor(rand() * 1_000_000),
        bank_account: `6222${digits(15)}`,
      },
    },
  };
}
/**
 * Making random records costs more than writing them: the bench draws from a pool of 8,192 made once (1.6 MB,
 * far past gzip's 32 KiB window, so the compression stays what real records give) with a fresh id each time.
 */
const POOL = Array.from({ length: 8192 }, (_, i) => record(i));
function pooled(i: number): BatchEntry {
  const entry = POOL[i % POOL.length]!;
  if (entry.kind !== 'record') return entry;
  return { kind: 'record', record: { ...entry.record, id: `${entry.record.id.slice(0, 24)}${i.toString(16).padStart(12, '0')}` } };
}
const LINE_BYTES = Buffer.byteLength(entryLine(record(123_456)));
const COUNT = Math.ceil(TARGET_BYTES / LINE_BYTES);

const MANIFEST_COUNTS: Record<string, number> = {};
for (let i = 0; i < COUNT; i++) {
  const entry = POOL[i % POOL.length]!;
  if (entry.kind === 'record') MANIFEST_COUNTS[entry.record.table] = (MANIFEST_COUNTS[entry.record.table] ?? 0) + 1;
}
function* records(): Generator<BatchEntry> {
  for (let i = 0; i < COUNT; i++) yield pooled(i);
}
function* ndjson(): Generator<Buffer> {
  let lines: string[] = [];
  for (const entry of records()) {
    lines.push(entryLine(entry));
    if (lines.length === 256) {
      yield Buffer.from(lines.join(''));
      lines = [];
    }
  }
  if (lines.length) yield Buffer.from(lines.join(''));
}

let peak = 0;
const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 20);
async function timed<T>(run: () => Promise<T>): Promise<[number, T, number]> {
  peak = process.memoryUsage().rss;
  const t0 = performance.now();
  const value = await run();
  return [(performance.now() - t0) / 1000, value, peak / 2 ** 20];
}

test('batch format throughput', async () => {
  const { privateKey, publicKey } = generateKeyPairSync('ed25519');
  const identity = await generateX25519Identity();
  const recipient = await identityToRecipient(identity);
  const path = join(dir, 'bench.bfb');

  const plain = join(dir, 'plain.ndjson');
  const [serialise] = await timed(() => pipeline(Readable.from(ndjson()), createWriteStream(plain)));
  const mb = statSync(plain).size / 2 ** 20;
  const [gzipOnly] = await timed(() => pipeline(createReadStream(plain), createGzip(), createWriteStream(join(dir, 'gz'))));
  const [gzipAge] = await timed(async () => {
    const encrypter = new Encrypter();
    encrypter.addRecipient(recipient);
    const gz = createReadStream(plain).pipe(createGzip());
    const out = await encrypter.encrypt(Readable.toWeb(gz) as unknown as ReadableStream<Uint8Array>);
    await pipeline(Readable.fromWeb(out as unknown as NodeReadableStream<Uint8Array>), createWriteStream(join(dir, 'age')));
  });
  const [ageDecryptGunzip] = await timed(async () => {
    const decrypter = new Decrypter();
    decrypter.addIdentity(identity);
    const out = await decrypter.decrypt(Readable.toWeb(createReadStream(join(dir, 'age'))) as unknown as ReadableStream<Uint8Array>);
    for await (const chunk of Readable.fromWeb(out as unknown as NodeReadableStream<Uint8Array>).pipe(createGunzip())) void chunk;
  });
  const [write, , writePeak] = await timed(() =>
    writeBatch({
      path,
      sender: { code: 'C001', signingKey: privateKey },
      recipient: { code: 'F310', signingKey: publicKey, ageRecipient: recipient },
      sequence: 1,
      createdAt: '2026-03-10T02:00:00.000Z',
      manifest: { snapshot: true, changes: { after: 0, through: COUNT }, counts: MANIFEST_COUNTS, attachments: 0 },
      entries: records(),
    }),
  );
  const check = { lookupSender: () => publicKey, isRecipient: () => true };
  const [verify, verdict] = await timed(() => verifyBatchFile(path, check));
  if (!verdict.ok) throw new Error(verdict.reason);
  const [read, n, readPeak] = await timed(async () => {
    const opened = await readBatchEntries(path, verdict, { ageIdentity: identity });
    let count = 0;
    for await (const entry of opened.entries) if (entry.kind === 'record') count++;
    return count;
  });
  const [hashOnly] = await timed(async () => {
    for await (const chunk of createReadStream(path, { highWaterMark: 1 << 20 })) void chunk;
  });
  clearInterval(sampler);
  const size = statSync(path).size / 2 ** 20;
  console.log(
    [
      `batch format: ${COUNT.toLocaleString('en')} records, ${mb.toFixed(1)} MB NDJSON → ${size.toFixed(1)} MB .bfb (${((size / mb) * 100).toFixed(1)} %)`,
      `  same bytes, same run: serialise to NDJSON ${serialise.toFixed(2)} s; gzip ${gzipOnly.toFixed(2)} s; gzip + age ${gzipAge.toFixed(2)} s; age -d + gunzip ${ageDecryptGunzip.toFixed(2)} s`,
      `  writeBatch ${write.toFixed(2)} s = ${(write / (serialise + gzipAge)).toFixed(2)} × (serialise + gzip + age), ${(mb / write).toFixed(0)} MB/s of NDJSON, peak RSS ${writePeak.toFixed(0)} MB`,
      `  verifyBatchFile ${verify.toFixed(2)} s (reading the file alone ${hashOnly.toFixed(2)} s)`,
      `  readBatchEntries ${read.toFixed(2)} s for ${n.toLocaleString('en')} records = ${(read / ageDecryptGunzip).toFixed(2)} × (age -d + gunzip), ${(mb / read).toFixed(0)} MB/s, peak RSS ${readPeak.toFixed(0)} MB`,
    ].join('\n'),
  );
});
