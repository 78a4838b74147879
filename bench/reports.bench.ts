import { afterAll, expect, test } from 'vitest';
import { localDate } from '../src/main/core/clock';
import type { ReportTableId } from '../src/shared/contract/reports';
import { compare } from './compare';
import { officeWithFiles } from './seed-office';
import { cores } from './support';

/**
 * The three file tables at scale (issue 13's target: every table for a year at 100,000 files, p95 ≤ 200 ms), through
 * the router as the reports page calls them, one table per call. The demo files are given the timeline the lifecycle
 * leaves (the steps to approval, an approval spread over three years, annual reviews, some exits and closings): about
 * ten events a file, a million in all. BENCH_REPORT_FILES lowers the 100,000. Nothing fails on time.
 */
const FILES = Number(process.env.BENCH_REPORT_FILES ?? 100_000);
afterAll(() => cores.forEach((c) => c.close()));

test(`the file tables for a year at ${FILES.toLocaleString()} files`, async () => {
  const env = await officeWithFiles(FILES);
  const sqlite = env.core.state.conn!.sqlite;
  const today = localDate(env.core.state.clock);
  const year = Number(today.slice(0, 4));
  const started = performance.now();
  sqlite.transaction(() => {
    // Every file: the steps to approval (recorded on its approval day, an hour apart), approval on a day of the last
    // three years, a review started and kept; one in ten left hardship, one in thirty closed, a day after approval
    // plus up to a year; some files relapsed, some old ones.
    sqlite.exec(`
      CREATE TEMP TABLE bench_life AS
        SELECT id, rowid AS n, date(${`'${today}'`}, '-' || (abs(random()) % 1095) || ' days') AS approved FROM hardship_files;
      UPDATE hardship_files SET entry_kind = CASE rowid % 10 WHEN 0 THEN 'relapsed' WHEN 1 THEN 'existing' WHEN 2 THEN 'existing' ELSE 'new' END,
        worker_type = CASE WHEN rowid % 4 = 0 THEN 'migrant' ELSE 'urban' END,
        draft = json_set(draft, '$.mainCause', CAST(1 + rowid % 10 AS TEXT));
      INSERT INTO file_events (file_id, at, action, from_status, to_status)
        SELECT l.id, l.approved || 'T0' || s.k || ':00:00.000Z', s.action, NULL, 'draft'
        FROM bench_life l, (SELECT 1 AS k, 'submit' AS action UNION ALL SELECT 2, 'beginVisit' UNION ALL SELECT 3, 'sendToCommittee'
          UNION ALL SELECT 4, 'startNotice' UNION ALL SELECT 5, 'endNotice') s;
      INSERT INTO file_events (file_id, at, action, from_status, to_status)
        SELECT id, approved || 'T06:00:00.000Z', 'approve', 'approval', 'active' FROM bench_life;
      INSERT INTO file_events (file_id, at, action, from_status, to_status)
        SELECT id, date(approved, '+200 days') || 'T03:00:00.000Z', 'startAnnualReview', 'active', 'annualReview' FROM bench_life;
      INSERT INTO file_events (file_id, at, action, from_status, to_status)
        SELECT id, date(approved, '+210 days') || 'T03:00:00.000Z', 'keep', 'annualReview', 'active' FROM bench_life;
      INSERT INTO file_events (file_id, at, action, from_status, to_status, on_date)
        SELECT id, date(approved, '+' || (1 + n % 365) || ' days') || 'T05:00:00.000Z', 'exit', 'active', 'exited', date(approved, '+' || (n % 365) || ' days')
        FROM bench_life WHERE n % 10 = 5;
      INSERT INTO file_events (file_id, at, action, from_status, to_status)
        SELECT id, date(approved, '+' || (1 + n % 365) || ' days') || 'T05:00:00.000Z', 'close', 'active', 'closed'
        FROM bench_life WHERE n % 30 = 7;
    `);
  })();
  const events = sqlite.prepare('SELECT count(*) FROM file_events').pluck().get() as number;
  console.log(`\nTimelines written: ${events.toLocaleString()} events in ${((performance.now() - started) / 1000).toFixed(1)} s`);

  const tablesOf = async (table: ReportTableId) => {
    const r = await env.core.dispatch('b', 'reports.tables', { tables: [table], period: { kind: 'year', year }, asOf: today });
    if (!r.ok) throw new Error(JSON.stringify(r.error));
    return r.data as { sheets: { totals?: { count?: number }[] }[] };
  };
  // A sanity check before measuring: the year's closing count is the files on record (none left before approval).
  const households = await tablesOf('households');
  const onRecord = households.sheets[0]!.totals![1]!.count!;
  expect(onRecord).toBeGreaterThan(FILES / 2);
  const plan = sqlite
    .prepare(
      "EXPLAIN QUERY PLAN SELECT file_id FROM file_events WHERE action IN ('approve', 'confirmImport', 'exit', 'close') AND at < '9999' GROUP BY file_id",
    )
    .all() as { detail: string }[];
  console.log('steps read from:', plan.map((p) => p.detail).join(' | '));

  const count = sqlite.prepare('SELECT count(*) FROM hardship_files WHERE deleted_at IS NULL').pluck();
  const rows = await compare(
    `File tables for ${year} as of ${today} at ${FILES.toLocaleString()} files, ${events.toLocaleString()} events (reports.tables, one table per call)`,
    { name: 'count(*) of the files (baseline, raw SQL)', fn: () => count.get() },
    (['households', 'causes', 'movements'] as const).map((table) => ({ name: table, fn: () => tablesOf(table) })),
    { time: 3000 },
  );
  console.table(Object.fromEntries(rows.slice(1).map((r) => [r.name, { p95: `${r.p95Ms.toFixed(1)} ms`, target: '≤ 200 ms' }])));
});
