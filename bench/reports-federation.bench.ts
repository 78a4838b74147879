import { afterAll, expect, test } from 'vitest';
import { localDate } from '../src/main/core/clock';
import { REPORT_TABLES } from '../src/shared/contract/reports';
import type { ReportSheet } from '../src/shared/domain/report-sheet';
import { copyIntoExchange } from './seed-federation';
import { officeWithFiles, seedPayments } from './seed-office';
import { cores, timedRuns } from './support';

/**
 * A federation's reports (features/reports federation-source.ts) against the same centre's own: one office's files
 * (with a timeline: approval in the last three years, some exits and closings) and payments are copied into
 * exchange_records as a batch carries them (the file's events and household inside its record), the office is then
 * switched to federation mode, and the seven tables are asked for in one call, as the page does. The baseline is the
 * same call in centre mode on the same data in the same process, so the ratio is what the per-call TEMP tables cost.
 * BENCH_REPORT_FILES (default 20,000) and BENCH_REPORT_PAYMENTS (default 50,000). Nothing fails on time.
 */
const FILES = Number(process.env.BENCH_REPORT_FILES ?? 20_000);
const PAYMENTS = Number(process.env.BENCH_REPORT_PAYMENTS ?? 50_000);
const CODE = '81110101MA0000001A';
afterAll(() => cores.forEach((c) => c.close()));

test(`the seven tables at a federation, one centre of ${FILES.toLocaleString()} files`, async () => {
  const env = await officeWithFiles(FILES);
  const sqlite = env.core.state.conn!.sqlite;
  const today = localDate(env.core.state.clock);
  const year = Number(today.slice(0, 4));
  seedPayments(sqlite, year, PAYMENTS);
  sqlite.exec(`
    INSERT INTO file_events (file_id, at, action, from_status, to_status)
      SELECT id, date('${today}', '-' || (abs(random()) % 1095) || ' days') || 'T06:00:00.000Z', 'approve', 'approval', 'active' FROM hardship_files;
    INSERT INTO file_events (file_id, at, action, from_status, to_status, on_date)
      SELECT id, '${today}T01:00:00.000Z', 'exit', 'active', 'exited', date('${today}', '-' || (rowid % 300) || ' days')
      FROM hardship_files WHERE rowid % 10 = 5;
    INSERT INTO file_events (file_id, at, action, from_status, to_status)
      SELECT id, '${today}T01:00:00.000Z', 'close', 'active', 'closed' FROM hardship_files WHERE rowid % 30 = 7;`);
  const run = async (centre?: string) => {
    const r = await env.core.dispatch('b', 'reports.tables', {
      tables: [...REPORT_TABLES],
      period: { kind: 'year', year },
      asOf: today,
      ...(centre ? { centre } : {}),
    });
    if (!r.ok) throw new Error(JSON.stringify(r.error));
    return (r.data as { sheets: ReportSheet[] }).sheets;
  };
  const numbers = (sheets: ReportSheet[]) =>
    sheets.map((s) => [...s.body, ...(s.totals ? [s.totals] : [])].flat().map((c) => c.count ?? c.fen));
  const own = await run();

  // The records as the importer leaves them (seed-federation.ts).
  const started = performance.now();
  copyIntoExchange(sqlite, { code: CODE, name: '基准中心' });
  sqlite.exec(`UPDATE org SET mode = 'federation'`);
  console.log(`\nRecords copied into exchange_records in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  expect(numbers(await run(CODE))).toEqual(numbers(own));

  const RUNS = Number(process.env.BENCH_REPORT_RUNS ?? 8);
  const timed = (fn: () => Promise<unknown>) => timedRuns(RUNS, fn);
  const federation = { one: await timed(() => run(CODE)), all: await timed(() => run('all')) };
  sqlite.exec(`UPDATE org SET mode = 'centre'`);
  const baseline = await timed(() => run());
  console.table({
    'centre mode, own tables (baseline)': { 'p50 ms': baseline.p50.toFixed(0), ratio: '1.0×' },
    'federation, the centre': { 'p50 ms': federation.one.p50.toFixed(0), ratio: `${(federation.one.mean / baseline.mean).toFixed(1)}×` },
    'federation, 各中心合计': { 'p50 ms': federation.all.p50.toFixed(0), ratio: `${(federation.all.mean / baseline.mean).toFixed(1)}×` },
  });
}, 1_800_000);
