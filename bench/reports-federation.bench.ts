import { readFileSync } from 'node:fs';
import { afterAll, expect, test } from 'vitest';
import { localDate } from '../src/main/core/clock';
import { REPORT_TABLES } from '../src/shared/contract/reports';
import type { ReportSheet } from '../src/shared/domain/report-sheet';
import type { Sqlite } from '../src/main/core/db/client';
import { withCentreRecords } from '../src/main/core/features/reports/federation-source';
import { stepDays } from '../src/main/core/features/reports/file-states';
import { copyIntoExchange } from './seed-federation';
import { officeWithFiles, seedPayments } from './seed-office';
import { profileRows, statementProfile } from './statement-profile';
import { cores, timedRuns } from './support';

/**
 * A federation's reports (features/reports federation-source.ts) against the same centre's own: one office's files
 * (with a timeline: its submission, visit and notice steps, approval in the last three years, two annual reviews, some
 * exits and closings) and payments are copied into
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
    INSERT INTO file_events (file_id, at, action, from_status, to_status)
      SELECT f.id, date('${today}', '-1100 days') || 'T0' || s.n || ':00:00.000Z', s.action, 'draft', 'draft'
      FROM hardship_files f, (SELECT 1 AS n, 'submit' AS action UNION ALL SELECT 2, 'beginVisit' UNION ALL SELECT 3, 'sendToCommittee'
        UNION ALL SELECT 4, 'startNotice' UNION ALL SELECT 5, 'endNotice') s;
    INSERT INTO file_events (file_id, at, action, from_status, to_status)
      SELECT id, date('${today}', '-' || (y.n * 365) || ' days') || 'T0' || (y.n + 1) || ':00:00.000Z', a.action, 'active', 'active'
      FROM hardship_files, (SELECT 0 AS n UNION ALL SELECT 1) y, (SELECT 'startAnnualReview' AS action UNION ALL SELECT 'keep') a;
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
  // What migration 0043 costs an upgrade: its backfill of paid_on from every payment's fields (each payment's row
  // written again), run on these records with the column emptied first.
  sqlite.exec(`UPDATE exchange_records SET paid_on = NULL WHERE table_name = 'aid_payments'`);
  const upgrading = performance.now();
  for (const statement of readFileSync('resources/migrations/0043_report_paid_on.sql', 'utf8').split('--> statement-breakpoint')) {
    if (!/ALTER TABLE/.test(statement)) sqlite.exec(statement);
  }
  console.log(`Migration 0043's backfill over ${PAYMENTS.toLocaleString()} payments in ${(performance.now() - upgrading).toFixed(0)} ms`);
  expect(numbers(await run(CODE))).toEqual(numbers(own));

  const RUNS = Number(process.env.BENCH_REPORT_RUNS ?? 8);
  const timed = (fn: () => Promise<unknown>) => timedRuns(RUNS, fn);
  const federation = { one: await timed(() => run(CODE)), all: await timed(() => run('all')) };
  // Where one call's time goes, statement by statement (the shadows' fills, their indexes, the builders' reads).
  const profile = await statementProfile(sqlite, () => run(CODE), Number(process.env.BENCH_REPORT_PROFILE_TOP ?? 16));
  const added = Array.from({ length: 3 }, () => withCentreRecords(sqlite, [CODE], () => shadowWorkOf0039(sqlite)));
  sqlite.exec(`UPDATE org SET mode = 'centre'`);
  const baseline = await timed(() => run());
  const ownProfile = await statementProfile(sqlite, () => run(), 6);
  console.log(`\nOne call at the federation, ${profile.totalMs.toFixed(0)} ms, its costliest statements:`);
  console.table(profileRows(profile));
  console.log("What migration 0039 added to each call's shadows (the kept states written by an UPDATE, its indexes), 3 calls, ms:");
  console.table(added.map((a) => Object.fromEntries(Object.entries(a).map(([k, v]) => [k, v.toFixed(1)]))));
  console.log(`The same call in centre mode, ${ownProfile.totalMs.toFixed(0)} ms:`);
  console.table(profileRows(ownProfile));
  console.table({
    'centre mode, own tables (baseline)': { 'p50 ms': baseline.p50.toFixed(0), ratio: '1.0×' },
    'federation, the centre': { 'p50 ms': federation.one.p50.toFixed(0), ratio: `${(federation.one.mean / baseline.mean).toFixed(1)}×` },
    'federation, 各中心合计': { 'p50 ms': federation.all.p50.toFixed(0), ratio: `${(federation.all.mean / baseline.mean).toFixed(1)}×` },
  });
}, 1_800_000);

/**
 * Inside one call's shadows: the work migration 0039 added to them, timed against the same work as migration 0036 left
 * it. The kept states as federation-source.ts wrote them until session 15 (an UPDATE of every file's row, from NULL:
 * five columns before 0039, seven since; now derived as the file is copied), and hardship_files_report and _states as 0036 and 0039 shape them (0039's with the prior
 * columns, and its prior_since index). Each in ms.
 */
function shadowWorkOf0039(sqlite: Sqlite) {
  const indexes = (shape: '0036' | '0039') => {
    const kept = shape === '0036' ? '`last_step_at`' : '`kept_since`,`prior_entered_on`,`prior_left_on`,`prior_left_by`,`prior_since`';
    return [
      `CREATE INDEX temp.b_report_${shape} ON hardship_files (id, category, worker_type, entry_kind, main_cause, deleted_at,
        entered_on, left_on, left_by, ${kept})`,
      `CREATE INDEX temp.b_states_${shape} ON hardship_files (category, worker_type, entry_kind, main_cause, entered_on, left_on,
        left_by, id, deleted_at, ${kept}) WHERE deleted_at IS NULL AND entered_on IS NOT NULL`,
      ...(shape === '0039' ? ['CREATE INDEX temp.b_prior_0039 ON hardship_files (prior_since) WHERE prior_since IS NOT NULL'] : []),
    ];
  };
  const update = (shape: '0036' | '0039') => `UPDATE temp.hardship_files AS f SET main_cause = json_extract(f.draft, '$.mainCause'),
      entered_on = s.entered_on, left_on = s.left_on, left_by = s.left_by, last_step_at = s.last_step_at
      ${shape === '0039' ? ', kept_since = s.last_step_at, prior_since = s.last_step_at' : ''}
    FROM (SELECT file_id, ${stepDays("'localtime'")}, max(at) AS last_step_at
          FROM temp.file_events WHERE action IN ('approve', 'confirmImport', 'exit', 'close') GROUP BY file_id) AS s
    WHERE s.file_id = f.id`;
  const time = (statements: string[]) => {
    const at = performance.now();
    for (const statement of statements) sqlite.exec(statement);
    return performance.now() - at;
  };
  const clear = () =>
    sqlite.exec(`UPDATE temp.hardship_files SET main_cause = NULL, entered_on = NULL, left_on = NULL, left_by = NULL,
      last_step_at = NULL, kept_since = NULL, prior_since = NULL`);
  clear();
  const parts = { 'states 0036': time([update('0036')]) };
  clear();
  Object.assign(parts, {
    'states 0039': time([update('0039')]),
    'indexes 0036': time(indexes('0036')),
    'indexes 0039': time(indexes('0039')),
  });
  for (const name of ['b_report_0036', 'b_states_0036', 'b_report_0039', 'b_states_0039', 'b_prior_0039']) {
    sqlite.exec(`DROP INDEX IF EXISTS temp.${name}`);
  }
  return parts as Record<'states 0036' | 'states 0039' | 'indexes 0036' | 'indexes 0039', number>;
}
