import { createWriteStream, existsSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { afterAll, expect, test } from 'vitest';
import { openOutboxFile } from '../src/main/core/files';
import { bulkJournal } from '../src/main/core/db/bulk-journal';
import { FEDERATION_PAGE_SIZE, type Sqlite } from '../src/main/core/db/client';
import type { BatchRecord } from '../src/main/core/exchange/format';
import { parseEntry } from '../src/main/core/exchange/format/payload';
import { recordWriter } from '../src/main/core/features/exchange/import-store';
import { duplicateAidKeys } from '../src/main/core/features/federation/duplicates.repo';
import { baselineDuplicateAidCount, baselineRecordWriter } from './exchange-apply-baseline';
import { perKindTables, perKindWriter } from './exchange-apply-layout';
import {
  centreAt,
  finished,
  paymentIndexesBefore0040,
  paymentOrderBefore0042,
  paymentOrderBefore0043,
  plaintextOf,
  trustEachOther,
} from './exchange-steps';
import { cores, newCore } from './support';

/**
 * The import's store alone (import-store.ts recordWriter): a centre's snapshot, decrypted and parsed once, written
 * into fresh federations in one transaction each, variant after variant in the same process, so the ratios hold on
 * a loaded machine. BENCH_APPLY_MEMBERS/FILES/PAYMENTS set the size; BENCH_APPLY_ROUNDS how many times each runs;
 * BENCH_APPLY_ONLY a comma-separated list of variants; BENCH_APPLY_DBSTAT prints each b-tree's size; BENCH_APPLY_WAIT
 * a path prefix: the bench writes its pid to <prefix>.pid and waits for <prefix>.go (to attach `perf record -p`).
 * The baselines: 'before 0035' the store and schema before migration 0035, 'before 0040' the payments' indexes before
 * migration 0040, 'before 0042' and 'before 0043' the order index before migrations 0042 and 0043, run on the same
 * records; '… KiB' the federation's page size (client.ts FEDERATION_PAGE_SIZE as is).
 */
const MEMBERS = Number(process.env.BENCH_APPLY_MEMBERS ?? 50_000);
const FILES = Number(process.env.BENCH_APPLY_FILES ?? 25_000);
const PAYMENTS = Number(process.env.BENCH_APPLY_PAYMENTS ?? 50_000);
const ROUNDS = Number(process.env.BENCH_APPLY_ROUNDS ?? 2);
afterAll(() => cores.forEach((c) => c.close()));

async function snapshotRecords(): Promise<{ records: BatchRecord[]; code: string }> {
  const centre = await centreAt(MEMBERS, FILES, PAYMENTS);
  const federation = await newCore('federation');
  await trustEachOther(centre, federation);
  const { jobId } = await centre.call<{ jobId: string }>('exchange.exportBatch', {});
  const exported = (await finished(centre, jobId)) as { file: { fileId: string } };
  const sealed = await openOutboxFile(centre.core.state.files, exported.file.fileId);
  const stick = join(centre.dataDir, 'stick.bfb');
  await pipeline(sealed.file.stream(), createWriteStream(stick));
  await sealed.file.close();
  const { ndjson } = await plaintextOf(stick, federation);
  // Line by line from the bytes (the whole text of a big batch is longer than a string may be); the manifest first.
  const records: BatchRecord[] = [];
  for (let at = ndjson.indexOf(0x0a) + 1, end = ndjson.indexOf(0x0a, at); end > 0; at = end + 1, end = ndjson.indexOf(0x0a, at)) {
    const entry = parseEntry(ndjson.toString('utf8', at, end));
    if (entry.kind === 'record') records.push(entry.record);
  }
  const org = records.find((r) => r.table === 'org')!;
  for (const office of [centre, federation]) {
    office.core.close();
    rmSync(office.dataDir, { recursive: true, force: true });
  }
  return { records, code: org.fields.credit_code as string };
}

type Variant = {
  name: string;
  prepare?: (sqlite: Sqlite) => void;
  /** The federation's database created with pages of this size (client.ts FEDERATION_PAGE_SIZE otherwise). */
  pageSize?: number;
  writer?: (sqlite: Sqlite, centreCode: string, sequence: number) => Pick<ReturnType<typeof recordWriter>, 'record'>;
  /** Written in the WAL, not the rollback journal (db/bulk-journal.ts). */
  wal?: boolean;
  /** The duplicate-aid list's count over all years, as this variant's schema reads it. */
  duplicateAid?: (sqlite: Sqlite) => number;
};

async function run(variant: Variant, records: BatchRecord[], code: string) {
  const federation = await newCore('federation', { pageSize: variant.pageSize });
  const sqlite = federation.core.state.conn!.sqlite;
  expect(sqlite.pragma('page_size', { simple: true })).toBe(variant.pageSize ?? FEDERATION_PAGE_SIZE);
  variant.prepare?.(sqlite);
  sqlite.pragma('wal_checkpoint(TRUNCATE)');
  // The journal the import writes in (db/bulk-journal.ts): the rollback journal as the program does, or the WAL (and
  // its checkpoint, timed below) as before session 13 and whenever another connection holds the database.
  const journal = variant.wal ? null : bulkJournal(sqlite, federation.core.state.logger);
  if (variant.wal) sqlite.pragma('wal_autocheckpoint = 0');
  const walPath = join(federation.dataDir, 'bangfu.db-wal');
  const cpuBefore = process.cpuUsage();
  const started = performance.now();
  sqlite.exec('BEGIN IMMEDIATE');
  const writer = (variant.writer ?? recordWriter)(sqlite, code, 1);
  for (const r of records) writer.record(r);
  sqlite.exec('COMMIT');
  journal?.end();
  const cpu = process.cpuUsage(cpuBefore);
  const seconds = (performance.now() - started) / 1000;
  const walMiB = existsSync(walPath) ? statSync(walPath).size / 2 ** 20 : 0;
  const readStarted = performance.now();
  (variant.duplicateAid ?? ((db: Sqlite) => duplicateAidKeys(db, undefined, 50, 0).total))(sqlite);
  const duplicateAidMs = performance.now() - readStarted;
  const dbBefore = statSync(join(federation.dataDir, 'bangfu.db')).size;
  const checkpointBefore = process.cpuUsage();
  sqlite.pragma('wal_checkpoint(TRUNCATE)');
  const checkpoint = process.cpuUsage(checkpointBefore);
  const grownMiB = (statSync(join(federation.dataDir, 'bangfu.db')).size - dbBefore) / 2 ** 20;
  if (process.env.BENCH_APPLY_DBSTAT) {
    try {
      console.table(
        sqlite
          .prepare('SELECT name, sum(pgsize) / 1048576.0 AS mib, count(*) AS pages FROM dbstat GROUP BY name ORDER BY 2 DESC LIMIT 16')
          .all(),
      );
    } catch (e) {
      console.log(String(e));
    }
  }
  federation.core.close();
  // Each run's federation is a fresh folder of up to a few GiB: removed once measured (the machine's disk is shared).
  rmSync(federation.dataDir, { recursive: true, force: true });
  return {
    cpu: (cpu.user + cpu.system) / 1e6,
    seconds,
    walMiB,
    grownMiB,
    checkpointCpu: (checkpoint.user + checkpoint.system) / 1e6,
    duplicateAidMs,
  };
}

const MEMBER_INDEXES = ['exchange_records_member_name', 'exchange_records_member_tail'];
const PAYMENT_INDEXES = ['exchange_records_payment_order', 'exchange_records_payments', 'exchange_records_active_aid'];
const PEOPLE_INDEXES = ['exchange_people_active_files', 'exchange_people_id_number', 'exchange_people_record'];
const FILE_INDEXES = [
  'exchange_records_live',
  'exchange_records_file_status',
  'exchange_records_file_category',
  'exchange_records_file_no',
  'exchange_records_file_head',
  'exchange_records_file_head_tail',
  'exchange_records_file_in_force',
];
const dropAll = (names: string[]) => (sqlite: Sqlite) => names.forEach((n) => sqlite.exec(`DROP INDEX ${n}`));

/** The schema before migration 0035: payments' recipients in exchange_people, grouped by its index of 0024. */
function schemaBefore0035(sqlite: Sqlite) {
  sqlite.exec(`DROP INDEX exchange_records_active_aid;
    CREATE INDEX exchange_people_active_aid ON exchange_people (year, id_number, centre_code, amount_fen, record_table, active)
      WHERE record_table = 'aid_payments' AND active = 1`);
}

const VARIANTS: Variant[] = [
  {
    name: 'before 0035',
    pageSize: 4096,
    prepare: (sqlite) => (paymentIndexesBefore0040(sqlite), schemaBefore0035(sqlite)),
    writer: baselineRecordWriter,
    duplicateAid: baselineDuplicateAidCount,
  },
  // The store before this step: 4 KiB pages, the payments' status and type indexes of their own.
  { name: 'before 0040 at 4 KiB', pageSize: 4096, prepare: paymentIndexesBefore0040 },
  { name: 'pages 4 KiB', pageSize: 4096 },
  { name: 'before 0040 at 16 KiB', pageSize: 16384, prepare: paymentIndexesBefore0040 },
  // The order index before migration 0042 (no amount_fen, program_id at its end); the rows' program_id column stays.
  { name: 'before 0042', prepare: paymentOrderBefore0042 },
  // The order index before migration 0043 (no paid_on at its end); the rows' paid_on column stays.
  { name: 'before 0043', prepare: paymentOrderBefore0043 },
  { name: 'as is' },
  // The WAL and its checkpoint, as the store wrote before session 13 (the checkpoint's CPU in its own column).
  { name: 'in the WAL', wal: true },
  // Without the payments' totals index (0025; what dropping it would save: session 13 measured it and kept it).
  { name: 'no totals index', prepare: dropAll(['exchange_records_payments']) },
  { name: 'pages 8 KiB', pageSize: 8192 },
  { name: 'pages 32 KiB', pageSize: 32768 },
  { name: 'pages 64 KiB', pageSize: 65536 },
  { name: 'cache 1 GiB', prepare: (sqlite) => sqlite.pragma('cache_size = -1048576') },
  // Measured and left out (docs/architecture.md): the wall time it saves costs the import's flat memory.
  { name: 'cache 512 MiB', prepare: (sqlite) => sqlite.pragma('cache_size = -524288') },
  { name: 'no member indexes', prepare: dropAll(MEMBER_INDEXES) },
  { name: 'no payment indexes', prepare: dropAll(['exchange_records_payment_order', 'exchange_records_payments']) },
  { name: 'no active aid', prepare: dropAll(['exchange_records_active_aid']), duplicateAid: () => 0 },
  { name: 'no file indexes', prepare: dropAll(FILE_INDEXES) },
  { name: 'no in-force index', prepare: dropAll(['exchange_records_file_in_force']) },
  // The store's floor: the table and its primary key alone, every other index dropped.
  {
    name: 'table only',
    prepare: dropAll([...FILE_INDEXES, ...MEMBER_INDEXES, ...PAYMENT_INDEXES, ...PEOPLE_INDEXES, 'exchange_records_centre']),
    duplicateAid: () => 0,
  },
  // The centre's 18-character code in every index key written as one character: what a small integer per centre
  // in the keys would save (docs/architecture.md, the federation's import, "Session 14").
  { name: 'short centre', writer: (sqlite, _code, sequence) => recordWriter(sqlite, 'C', sequence) },
  // Members and payments in tables of their own, keyed by a centre number and the id (exchange-apply-layout.ts).
  { name: 'per-kind tables', prepare: perKindTables, writer: perKindWriter, duplicateAid: () => 0 },
  {
    name: 'no people indexes',
    prepare: dropAll(PEOPLE_INDEXES),
  },
];

test(`the import's store at ${MEMBERS} members, ${FILES} files, ${PAYMENTS} payments`, async () => {
  const { records, code } = await snapshotRecords();
  console.log(`${records.length} records`);
  // For a native profile (perf record -p): the pid, then wait for the go file.
  if (process.env.BENCH_APPLY_WAIT) {
    writeFileSync(process.env.BENCH_APPLY_WAIT + '.pid', String(process.pid));
    while (!existsSync(process.env.BENCH_APPLY_WAIT + '.go')) await new Promise((r) => setTimeout(r, 100));
  }
  const only = process.env.BENCH_APPLY_ONLY;
  const rows: Record<string, Record<string, string>> = {};
  for (let round = 0; round < ROUNDS; round++)
    for (const variant of VARIANTS.filter((v) => !only || only.split(',').includes(v.name))) {
      const r = await run(variant, records, code);
      rows[`${variant.name} #${round + 1}`] = {
        'CPU s': r.cpu.toFixed(2),
        'CPU µs/record': ((r.cpu / records.length) * 1e6).toFixed(1),
        'wall s': r.seconds.toFixed(2),
        'WAL MiB': r.walMiB.toFixed(0),
        'db grew MiB': r.grownMiB.toFixed(0),
        'checkpoint CPU s': r.checkpointCpu.toFixed(2),
        'duplicate aid ms': r.duplicateAidMs.toFixed(0),
      };
      // As it goes: a run at a million records takes minutes a variant.
      console.log(`${variant.name} #${round + 1}`, JSON.stringify(rows[`${variant.name} #${round + 1}`]));
    }
  console.table(rows);
  expect(records.length).toBeGreaterThan(0);
});
