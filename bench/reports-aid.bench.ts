import { afterAll, expect, test } from 'vitest';
import { periodDays, type ReportPeriod } from '@shared/domain/report-period';
import { reportQuery } from '../src/main/core/features/reports/report-frame';
import { localDate } from '../src/main/core/clock';
import { CallContext } from '../src/main/core/context';
import { drillPayments } from '../src/main/core/features/reports/aid-drill';
import { aidSheet, educationSheet, festivalSheet } from '../src/main/core/features/reports/aid-sheets';
import { peopleSheet } from '../src/main/core/features/reports/people-sheet';
import { compare } from './compare';
import { officeWithFiles, seedHouseholds, seedPayments } from './seed-office';
import { PREVIOUS_PEOPLE_INDEX, previousCountPeople } from './people-tally-baseline';
import { cores } from './support';

/**
 * The aid tables of the reports at scale (issue 13: every table for a year at 100,000 files and 1,000,000 payments,
 * p95 ≤ 200 ms each). The baseline, in the same process: the year's payments counted and summed from the same
 * index with nothing grouped. BENCH_REPORTS_FILES and BENCH_REPORTS_PAYMENTS lower the counts. Prints; never fails on time.
 */
const FILES = Number(process.env.BENCH_REPORTS_FILES ?? 100_000);
const PAYMENTS = Number(process.env.BENCH_REPORTS_PAYMENTS ?? 1_000_000);
const TARGET_MS = 200;
afterAll(() => cores.forEach((c) => c.close()));

test(`the aid tables for a year at ${FILES.toLocaleString()} files and ${PAYMENTS.toLocaleString()} payments`, async () => {
  const env = await officeWithFiles(FILES);
  const sqlite = env.core.state.conn!.sqlite;
  const year = Number(localDate(env.core.state.clock).slice(0, 4));
  const seeded = seedPayments(sqlite, year, PAYMENTS);
  // The people table reads every household member: lists of about 2.5 people a file, as a centre's are.
  seedHouseholds(sqlite);
  // The index the people count before migration 0041 read, for its baseline (people-tally-baseline.ts).
  sqlite.exec(PREVIOUS_PEOPLE_INDEX);
  console.log(`\nSeeded ${PAYMENTS.toLocaleString()} payments in ${seeded.seconds.toFixed(1)} s`);
  // The seed's programs are all 工会经费 and its 助学 payments have no stage: spread both, as a centre's data has them.
  const started = performance.now();
  sqlite.exec(
    `UPDATE aid_programs SET fund_source = CASE rowid % 4 WHEN 0 THEN 'central' WHEN 1 THEN 'local' WHEN 2 THEN 'union' ELSE 'donation' END`,
  );
  sqlite.exec(`UPDATE aid_payments SET school_stage = CASE rowid % 4 WHEN 0 THEN 'primary' WHEN 1 THEN 'junior' WHEN 2 THEN 'senior' ELSE 'college' END
    WHERE type = 'education'`);
  // The demo files are set 在档 without a timeline: give each its approval, a year before, as the lifecycle records it.
  sqlite.exec(`INSERT INTO file_events (file_id, at, action, from_status, to_status)
    SELECT id, '${year - 2}-06-01T02:00:00.000Z', 'approve', 'approval', 'active' FROM hardship_files`);
  console.log(`fund sources and school stages spread in ${((performance.now() - started) / 1000).toFixed(1)} s`);

  const ctx = new CallContext(env.core.state, 'b', 'aid.payments', null);
  const last = { kind: 'year', year: year - 1 } as const satisfies ReportPeriod;
  const input = (period: ReportPeriod) => reportQuery(period, `${year - 1}-12-31`);
  const days = periodDays(last);
  const yearPaid = sqlite.prepare(
    `SELECT count(*), sum(amount_fen) FROM aid_payments INDEXED BY aid_payments_paid
     WHERE paid_on IS NOT NULL AND deleted_at IS NULL AND paid_on BETWEEN ? AND ?`,
  );
  const counted = yearPaid.raw().get(days.from, days.to) as [number, number];
  expect(counted[0]).toBeGreaterThan(0);
  const sheet = aidSheet(ctx, input(last));
  const totalKey = sheet.totals!.at(-1)!.drill!;
  const rows = await compare(
    `Reports: aid tables for ${year - 1} (${counted[0].toLocaleString()} payments paid that year) at ${PAYMENTS.toLocaleString()} payments`,
    { name: `the year's paid payments counted and summed (baseline)`, fn: () => yearPaid.get(days.from, days.to) },
    [
      { name: '帮扶救助 type × fund source, year', fn: () => aidSheet(ctx, input(last)) },
      { name: '金秋助学 by stage, year', fn: () => educationSheet(ctx, input(last)) },
      { name: '送温暖 by program, year', fn: () => festivalSheet(ctx, input(last)) },
      { name: '帮扶救助, a quarter', fn: () => aidSheet(ctx, input({ kind: 'quarter', year: year - 1, quarter: 4 })) },
      { name: '人员情况 (people by sex, age band, stage), year end', fn: () => peopleSheet(ctx, input(last)) },
      { name: '  人员情况, the count before 0041 (packed sums), year end', fn: () => previousCountPeople(sqlite, `${year - 1}-12-31`) },
      { name: 'drill: the year total, first page', fn: () => drillPayments(sqlite, totalKey, 50, 0) },
    ],
    { time: 3000 },
  );
  for (const r of rows.slice(1)) {
    console.log(
      `${r.name}: p95 ${r.p95Ms.toFixed(1)} ms, target ≤ ${TARGET_MS} ms (${((TARGET_MS / r.p95Ms - 1) * 100).toFixed(0)}% margin)`,
    );
  }
  // Before and after migration 0039 in this process: every file keeps its state, the one before and when each became
  // the timeline's, so that as of last year-end a file with one change recorded since is read from its prior state.
  // Before it, every file with a step since (last_step_at) was grouped from its timeline: kept_since and prior_since
  // set to last_step_at give exactly that split (the same SQL otherwise), and the same numbers.
  const people = () => peopleSheet(ctx, input(last));
  const baseline = { name: `the year's paid payments counted and summed (baseline)`, fn: () => yearPaid.get(days.from, days.to) };
  const split = sqlite
    .prepare(
      `SELECT sum(coalesce(kept_since, '') < @r) AS kept, sum(kept_since >= @r AND coalesce(prior_since, '') < @r) AS prior,
         sum(prior_since >= @r AND entered_on < date(@r, '+480 minutes')) AS timeline
       FROM hardship_files WHERE deleted_at IS NULL AND entered_on IS NOT NULL`,
    )
    .get({ r: input(last).recordedBefore });
  console.log('as of last year-end, files read from their kept state, their prior state, their timeline:', split);
  // The same numbers (the cells: computedAt names the minute).
  const after = people().body;
  await compare('人员情况 as of last year-end, after 0039', baseline, [{ name: 'people, year end (0039)', fn: people }], { time: 3000 });
  sqlite.exec('UPDATE hardship_files SET kept_since = last_step_at, prior_since = last_step_at WHERE last_step_at IS NOT NULL');
  expect(people().body).toEqual(after);
  await compare('人员情况 as of last year-end, as before 0039', baseline, [{ name: 'people, year end (before 0039)', fn: people }], {
    time: 3000,
  });
}, 3_600_000);
