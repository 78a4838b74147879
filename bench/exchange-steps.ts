import { createReadStream } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { Decrypter } from 'age-encryption';
import { expect } from 'vitest';
import { localDate } from '../src/main/core/clock';
import type { Sqlite } from '../src/main/core/db/client';
import { putInboxFile, readOutboxFile } from '../src/main/core/files';
import { exchangeIdentities } from '../src/main/core/keys/org-exchange';
import { writeDemoFilesFor } from '../src/main/tools/demo-hardship-files';
import { writeDemoCsv } from '../src/main/tools/demo-roster-file';
import { seedPayments } from './seed-office';
import { newCore, timedImport, type BenchCore } from './support';

/**
 * Steps of the exchange benches (exchange.bench.ts, exchange-apply.bench.ts, restore-snapshot.bench.ts): offices, trust,
 * a job's result, a timing, a batch's bytes.
 */

export async function finished(env: BenchCore, jobId: string) {
  while (!env.finished.has(jobId)) await new Promise((r) => setTimeout(r, 20));
  const result = env.finished.get(jobId)!.result;
  if (!result.ok) throw new Error(JSON.stringify(result.error));
  return result.data;
}

/**
 * Runs `work`, sampling RSS every 50 ms: seconds and the peak growth over the RSS at the start, in MiB. A full
 * collection first (the bench config exposes gc): the start's RSS then holds only live objects, where otherwise it
 * held whatever garbage building the centre left, which the work's own heap reuses (a growth of 0 to 130 MiB for the
 * same import, depending on when V8 last collected; session 13).
 */
export async function measured<T>(work: () => Promise<T>) {
  (globalThis as { gc?: () => void }).gc?.();
  const base = process.memoryUsage().rss;
  let peak = base;
  const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 50);
  const started = performance.now();
  // The process's CPU (all its threads): the machine is shared, so wall time alone says little.
  const cpuBefore = process.cpuUsage();
  try {
    const value = await work();
    const cpu = process.cpuUsage(cpuBefore);
    const cpuSeconds = (cpu.user + cpu.system) / 1e6;
    return { value, seconds: (performance.now() - started) / 1000, cpuSeconds, peakMiB: (peak - base) / 2 ** 20 };
  } finally {
    clearInterval(sampler);
  }
}

/** A centre at a scale: its roster, files (在档) and payments, each made as the other benches make them. */
export async function centreAt(members: number, files: number, payments: number, pageSize?: number): Promise<BenchCore> {
  const centre = await newCore('centre', { pageSize });
  await timedImport(centre, (path) => writeDemoCsv(path, members), 'roster.csv');
  expect(writeDemoFilesFor(centre.core, files)).toBe(files);
  const sqlite = centre.core.state.conn!.sqlite;
  sqlite.exec(`UPDATE hardship_files SET status = 'active', category = coalesce(category, 'relative')`);
  if (payments > 0) seedPayments(sqlite, Number(localDate(centre.core.state.clock).slice(0, 4)), payments);
  await centre.call('auth.signIn', { username: 'bench', password: 'Measure#2026' });
  return centre;
}

/** Each office takes the other's key card in and confirms it, as two administrators do over the phone. */
export async function trustEachOther(centre: BenchCore, federation: BenchCore) {
  for (const [from, to] of [
    [centre, federation],
    [federation, centre],
  ] as const) {
    const { jobId } = await from.call<{ jobId: string }>('org.exportKeyCard', { as: 'card' });
    const card = (await finished(from, jobId)) as { fileId: string };
    const { bytes } = await readOutboxFile(from.core.state.files, card.fileId);
    const upload = putInboxFile(to.core.state.files, 'card.bfkey', bytes);
    const { peer } = await to.call<{ peer: { id: string } }>('exchange.importCard', { uploadId: upload.uploadId, fileName: 'card.bfkey' });
    await to.call('exchange.confirmPeer', { id: peer.id, fingerprintChecked: true });
  }
}

/** The centre's outbox file put in the federation's inbox (the stick), then imported there; the import's result. */
export async function importAtFederation(centre: BenchCore, federation: BenchCore, fileId: string) {
  const { bytes } = await readOutboxFile(centre.core.state.files, fileId);
  const upload = putInboxFile(federation.core.state.files, 'batch.bfb', bytes);
  const { jobId } = await federation.call<{ jobId: string }>('exchangeImport.importBatch', {
    uploadId: upload.uploadId,
    fileName: 'batch.bfb',
  });
  return (await finished(federation, jobId)) as { outcome: string; sequence: number; withdrawn: number; applied: Record<string, number> };
}

/** The centre's next batch through the job; the outbox file. */
export async function exportNext(centre: BenchCore) {
  const { jobId } = await centre.call<{ jobId: string }>('exchange.exportBatch', {});
  return (await finished(centre, jobId)) as { batch: { sequence: number; snapshot: boolean }; file: { fileId: string; bytes: number } };
}

/** The batch's age part (after the three header lines) and the federation's identities, to decrypt it back. */
export async function plaintextOf(path: string, federation: BenchCore): Promise<{ ciphertext: Buffer; gzipped: Buffer; ndjson: Buffer }> {
  const whole = await new Promise<Buffer>((resolve, reject) => {
    const chunks: Buffer[] = [];
    createReadStream(path)
      .on('data', (c) => chunks.push(c as Buffer))
      .on('end', () => resolve(Buffer.concat(chunks)))
      .on('error', reject);
  });
  let at = 0;
  for (let line = 0; line < 3; line++) at = whole.indexOf(0x0a, at) + 1;
  const ciphertext = whole.subarray(at);
  const decrypter = new Decrypter();
  for (const identity of exchangeIdentities(federation.core.state.conn!.sqlite)) decrypter.addIdentity(identity);
  const gzipped = Buffer.from(await decrypter.decrypt(ciphertext));
  return { ciphertext, gzipped, ndjson: gunzipSync(gzipped) };
}

/** The payments' indexes before migration 0040: status and type filters each in an index of their own (0025). */
export function paymentIndexesBefore0040(sqlite: Sqlite) {
  sqlite.exec(`DROP INDEX exchange_records_payment_order;
    CREATE INDEX exchange_records_payment_order ON exchange_records (centre_code, year, entered_at, id)
      WHERE table_name = 'aid_payments' AND deleted_at IS NULL;
    CREATE INDEX exchange_records_payment_status ON exchange_records (centre_code, status, year, entered_at, id)
      WHERE table_name = 'aid_payments' AND deleted_at IS NULL;
    CREATE INDEX exchange_records_payment_type ON exchange_records (centre_code, type, year, entered_at, id)
      WHERE table_name = 'aid_payments' AND deleted_at IS NULL`);
}

/** The payments' order index before migration 0042: without the amount and program the federation's home sums. */
export function paymentOrderBefore0042(sqlite: Sqlite) {
  paymentOrderOf(sqlite, 'centre_code, year, entered_at, id, status, type');
}

/** The payments' order index as migration 0042 left it, before 0043 ended it with paid_on. */
export function paymentOrderBefore0043(sqlite: Sqlite) {
  paymentOrderOf(sqlite, 'centre_code, year, entered_at, id, status, type, amount_fen, program_id');
}

function paymentOrderOf(sqlite: Sqlite, columns: string) {
  sqlite.exec(`DROP INDEX exchange_records_payment_order;
    CREATE INDEX exchange_records_payment_order ON exchange_records (${columns})
      WHERE table_name = 'aid_payments' AND deleted_at IS NULL`);
}
