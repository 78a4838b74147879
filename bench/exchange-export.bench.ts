import { generateKeyPairSync } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { buffer } from 'node:stream/consumers';
import type { ReadableStream as NodeReadableStream } from 'node:stream/web';
import { gunzipSync, gzipSync } from 'node:zlib';
import { Decrypter, Encrypter, generateX25519Identity, identityToRecipient } from 'age-encryption';
import { v7 as uuidv7 } from 'uuid';
import { afterAll, expect, test } from 'vitest';
import { localDate } from '../src/main/core/clock';
import { BATCH_GZIP_LEVEL, verifyBatchFile } from '../src/main/core/exchange/format';
import { ageEncryptStream } from '../src/main/core/exchange/format/age-encrypt';
import { publicOfPrivate } from '../src/main/core/exchange/format/keys';
import { exportEntries } from '../src/main/core/features/exchange/export-records';
import { createExportSet, dropExportSet } from '../src/main/core/features/exchange/export-set';
import { orgSigningKeyForBatch } from '../src/main/core/keys/org-signing';
import { writeDemoFilesFor } from '../src/main/tools/demo-hardship-files';
import { writeDemoCsv } from '../src/main/tools/demo-roster-file';
import { seedPayments } from './seed-office';
import { cores, newCore, timedImport, type BenchCore } from './support';

/**
 * 上报批次 at scale (issue 12's bench, the centre's half alone): the first batch of a centre of BENCH_MEMBERS members
 * (default 1,000,000), BENCH_FILES files (100,000) and BENCH_PAYMENTS payments (1,000,000), at a tenth and then the
 * whole (peak RSS flat when streamed). Per scale: wall and CPU seconds, peak RSS growth, the batch's size, and the
 * baseline measured in the same run on the very bytes the batch carried (decrypted back): gzip at the batch's level
 * plus age. The batch is written four times, alternately sealed in the core's thread and in a sealer thread
 * (exportBothWays), with the CPU of the core's thread apart from the others'. Then the export's parts timed one by one
 * (set, SQLite pages, gzip, age, read-back) for the share of each. Nothing here fails on time.
 */
const MEMBERS = Number(process.env.BENCH_MEMBERS ?? 1_000_000);
const FILES = Number(process.env.BENCH_FILES ?? 100_000);
const PAYMENTS = Number(process.env.BENCH_PAYMENTS ?? 1_000_000);
afterAll(() => cores.forEach((c) => c.close()));

async function centreAt(members: number, files: number, payments: number) {
  const env = await newCore();
  await timedImport(env, (p) => writeDemoCsv(p, members), 'roster.csv');
  expect(writeDemoFilesFor(env.core, files)).toBe(files);
  const sqlite = env.core.state.conn!.sqlite;
  sqlite.exec(`UPDATE hardship_files SET status = 'active', category = coalesce(category, 'relative')`);
  if (payments > 0) seedPayments(sqlite, Number(localDate(env.core.state.clock).slice(0, 4)), payments);
  // A trusted federation, as if its card had been imported and confirmed (features/exchange/peers.*); its age
  // identity kept here to decrypt the batch back.
  const identity = await generateX25519Identity();
  const raw = generateKeyPairSync('ed25519').publicKey.export({ format: 'der', type: 'spki' }).subarray(12);
  const userId = sqlite.prepare('SELECT id FROM users LIMIT 1').pluck().get() as string;
  const at = new Date(0).toISOString();
  sqlite
    .prepare(
      `INSERT INTO exchange_peers (id, code, name, region, mode, ed25519, x25519, fingerprint, card, card_created_at, status, change,
         imported_at, imported_by, confirmed_at, confirmed_by)
       VALUES (?, '81350100MC00000099', '基准测试市总工会', '350100', 'federation', ?, ?, ?, '{}', ?, 'trusted', 'new', ?, ?, ?, ?)`,
    )
    .run(uuidv7(), raw, await identityToRecipient(identity), '0'.repeat(40), at, at, userId, at, userId);
  return { env, identity, recipient: await identityToRecipient(identity) };
}

async function timed<T>(work: () => Promise<T> | T): Promise<{ value: T; seconds: number }> {
  const started = performance.now();
  const value = await work();
  return { value, seconds: (performance.now() - started) / 1000 };
}

async function drain(stream: ReadableStream<Uint8Array>): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const c of Readable.fromWeb(stream as unknown as NodeReadableStream<Uint8Array>)) chunks.push(Buffer.from(c as Uint8Array));
  return Buffer.concat(chunks);
}

async function exportOnce(env: BenchCore) {
  const base = process.memoryUsage().rss;
  let peak = base;
  const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 50);
  const cpu = process.cpuUsage();
  // This thread alone (the core's, where the job runs): with gzip, age and the hash in a sealer thread, the wall
  // time on two free cores is bounded by this thread's CPU, not the process's.
  const own = process.threadCpuUsage();
  const started = performance.now();
  const { jobId } = await env.call<{ jobId: string }>('exchange.exportBatch', {});
  while (!env.finished.has(jobId)) await new Promise((r) => setTimeout(r, 20));
  const seconds = (performance.now() - started) / 1000;
  const used = process.cpuUsage(cpu);
  const ownNow = process.threadCpuUsage();
  const ownCpu = (ownNow.user - own.user + ownNow.system - own.system) / 1e6;
  clearInterval(sampler);
  const result = env.finished.get(jobId)!.result;
  if (!result.ok) throw new Error(JSON.stringify(result.error));
  const data = result.data as { batch: { sequence: number } };
  // The growth alone reads 0 when the seeding left a larger RSS than the export needs: the peak itself is printed too.
  return {
    seconds,
    cpu: (used.user + used.system) / 1e6,
    ownCpu,
    peakMiB: (peak - base) / 2 ** 20,
    peakRssMiB: peak / 2 ** 20,
    sequence: data.batch.sequence,
  };
}

/**
 * The first batch written twice each way, alternately, in this one process: sealed in the core's thread (as before
 * payload-thread.ts) and in a sealer thread (as the program runs). The sent rows are forgotten between runs, so each
 * is the same first batch. The last sealer-thread run is the one measured below.
 */
async function exportBothWays(env: BenchCore) {
  const sealer = env.core.state.batchSealerPath;
  const sqlite = env.core.state.conn!.sqlite;
  const runs: { way: string; run: Awaited<ReturnType<typeof exportOnce>> }[] = [];
  // This throwaway database only: the program never deletes a sent batch's row.
  sqlite.exec('DROP TRIGGER exchange_sent_no_delete; DROP TRIGGER exchange_sent_attachments_no_delete');
  for (const way of ['in the core’s thread', 'sealer thread', 'in the core’s thread', 'sealer thread']) {
    sqlite.exec('DELETE FROM exchange_sent_attachments; DELETE FROM exchange_sent');
    env.core.state.batchSealerPath = way === 'sealer thread' ? sealer : undefined;
    runs.push({ way, run: await exportOnce(env) });
  }
  env.core.state.batchSealerPath = sealer;
  return runs;
}

async function measureAt(scale: string, members: number, files: number, payments: number) {
  const { env, identity, recipient } = await centreAt(members, files, payments);
  const runs = await exportBothWays(env);
  const exported = runs.at(-1)!.run;
  const path = join(env.dataDir, 'exchange', 'sent', `91350100M000100Y43-${String(exported.sequence).padStart(6, '0')}.bfb`);
  const whole = readFileSync(path);
  let at = 0;
  for (let line = 0; line < 3; line++) at = whole.indexOf(0x0a, at) + 1;
  const decrypter = new Decrypter();
  decrypter.addIdentity(identity);
  const gzipped = Buffer.from(await decrypter.decrypt(whole.subarray(at)));
  const ndjson = gunzipSync(gzipped);

  // The floor: gzip at the batch's level and age, on the same bytes.
  const gzip = await timed(() => gzipSync(ndjson, { level: BATCH_GZIP_LEVEL }));
  const age = await timed(async () => {
    const encrypter = new Encrypter();
    encrypter.addRecipient(recipient);
    return drain(await encrypter.encrypt(Readable.toWeb(Readable.from([gzip.value])) as unknown as ReadableStream<Uint8Array>));
  });
  const floor = gzip.seconds + age.seconds;
  // The writer's own age (Node's crypto) on the same bytes: the export's crypto.
  const nodeAge = await timed(() => buffer(Readable.from([gzip.value]).pipe(ageEncryptStream(recipient))));
  expect(nodeAge.value.length).toBe(age.value.length);

  // The export's other parts, one by one: the set, the SQLite pages (lines built there), the read-back.
  const sqlite = env.core.state.conn!.sqlite;
  const set = await timed(() => createExportSet(sqlite, null));
  // Each stretch between two entries is charged to the table of the entry it produced.
  const byTable = new Map<string, number>();
  const pages = await timed(async () => {
    let bytes = 0;
    let last = performance.now();
    for await (const entry of exportEntries(sqlite, async () => undefined)) {
      const table = entry.kind === 'lines' ? entry.lines.table : entry.kind === 'record' ? entry.record.table : 'attachments';
      const now = performance.now();
      byTable.set(table, (byTable.get(table) ?? 0) + (now - last) / 1000);
      last = now;
      if (entry.kind === 'lines') bytes += entry.lines.utf8.length;
    }
    return bytes;
  });
  dropExportSet(sqlite);
  const sender = publicOfPrivate(orgSigningKeyForBatch(sqlite).privateKey);
  const check = await timed(() => verifyBatchFile(path, { lookupSender: () => sender, isRecipient: () => true }));
  expect(check.value.ok).toBe(true);

  const pct = (part: number) => `${((part / exported.seconds) * 100).toFixed(1)} %`;
  console.log(
    `\nExport at ${scale}: ${members.toLocaleString()} members, ${files.toLocaleString()} files, ${payments.toLocaleString()} payments → ` +
      `batch ${(whole.length / 2 ** 20).toFixed(1)} MiB (plaintext ${(ndjson.length / 2 ** 20).toFixed(1)} MiB)`,
  );
  console.table({
    'gzip + age, same bytes (floor)': { seconds: floor.toFixed(2), ratio: '1.00×', share: '' },
    'exchange.exportBatch (wall)': {
      seconds: exported.seconds.toFixed(2),
      ratio: `${(exported.seconds / floor).toFixed(2)}×`,
      share: '100 %',
    },
    'exchange.exportBatch (CPU, all threads)': {
      seconds: exported.cpu.toFixed(2),
      ratio: `${(exported.cpu / floor).toFixed(2)}×`,
      share: '',
    },
    '  set (temp tables)': { seconds: set.seconds.toFixed(2), ratio: '', share: pct(set.seconds) },
    '  SQLite pages (lines, files, records)': { seconds: pages.seconds.toFixed(2), ratio: '', share: pct(pages.seconds) },
    ...Object.fromEntries(
      [...byTable].map(([table, seconds]) => [`    ${table}`, { seconds: seconds.toFixed(2), ratio: '', share: pct(seconds) }]),
    ),
    '  gzip alone': { seconds: gzip.seconds.toFixed(2), ratio: '', share: pct(gzip.seconds) },
    '  age, the package (floor)': { seconds: age.seconds.toFixed(2), ratio: '', share: pct(age.seconds) },
    '  age, Node’s crypto (the writer’s)': { seconds: nodeAge.seconds.toFixed(2), ratio: '', share: pct(nodeAge.seconds) },
    '  read-back (verifyBatchFile: hash)': { seconds: check.seconds.toFixed(2), ratio: '', share: pct(check.seconds) },
  });
  console.table(
    Object.fromEntries(
      runs.map(({ way, run }, i) => [
        `${i + 1}. ${way}`,
        {
          wall: run.seconds.toFixed(2),
          'CPU, all threads': run.cpu.toFixed(2),
          'CPU, core thread': run.ownCpu.toFixed(2),
          'CPU, other threads': (run.cpu - run.ownCpu).toFixed(2),
          'wall / floor': `${(run.seconds / floor).toFixed(2)}×`,
          'CPU / floor': `${(run.cpu / floor).toFixed(2)}×`,
          'peak RSS MiB': run.peakRssMiB.toFixed(0),
          'growth MiB': run.peakMiB.toFixed(0),
        },
      ]),
    ),
  );
  console.log(
    `peak RSS ${exported.peakRssMiB.toFixed(0)} MiB (growth ${exported.peakMiB.toFixed(0)} MiB); ${Math.round((members + files + payments) / exported.seconds)} records/s`,
  );
  expect(pages.value).toBeGreaterThan(0);
  return exported;
}

test(`export the first batch of ${MEMBERS.toLocaleString()} members, ${FILES.toLocaleString()} files, ${PAYMENTS.toLocaleString()} payments`, async () => {
  const tenth = await measureAt('a tenth', Math.round(MEMBERS / 10), Math.round(FILES / 10), Math.round(PAYMENTS / 10));
  const whole = await measureAt('the whole', MEMBERS, FILES, PAYMENTS);
  console.log(
    `Export, a tenth → the whole: ${tenth.seconds.toFixed(2)} → ${whole.seconds.toFixed(2)} s (×${(whole.seconds / tenth.seconds).toFixed(1)}), ` +
      `peak RSS growth ${tenth.peakMiB.toFixed(0)} → ${whole.peakMiB.toFixed(0)} MiB, peak RSS ${tenth.peakRssMiB.toFixed(0)} → ${whole.peakRssMiB.toFixed(0)} MiB`,
  );
});
