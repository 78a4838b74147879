import { readFileSync } from 'node:fs';
import { afterAll, expect, test } from 'vitest';
import type { Sqlite } from '../src/main/core/db/client';
import { paymentRows, paymentTotals, type PaymentFilter } from '../src/main/core/features/federation/records.repo';
import { addCentrePeer } from '../src/main/tools/federation-mirror-rows';
import { paymentIndexesBefore0040, paymentsIndexBefore0043 } from './exchange-steps';
import { cores, newCore, timedRuns } from './support';

/**
 * A centre's payments list at the federation (records.repo.ts paymentRows and paymentTotals, as
 * federation.centrePayments reads them) over BENCH_PAYMENTS payments of one centre (1,000,000 by default), in the same
 * process on the same rows: 'before 0043' with the payments' totals index (0025) that migration 0043 dropped, the
 * totals read through it as they were (the same SQL with its INDEXED BY), then 'as is' (0043's statement run: the
 * count and the totals from the order index). BENCH_PAYMENTS_BEFORE_0040=1 first measures the indexes before
 * migration 0040 (status and type each an index of their own). The rows are written straight into exchange_records
 * with the view columns the importer fills: five years, types, statuses and 20 programs skewed as a centre's are (most
 * paid, few voided or accident aid). The query plans of 'before 0043' and 'as is' are printed.
 */
const PAYMENTS = Number(process.env.BENCH_PAYMENTS ?? 1_000_000);
const RUNS = Number(process.env.BENCH_RUNS ?? 5);
const BEFORE_0040 = process.env.BENCH_PAYMENTS_BEFORE_0040 === '1';
const CENTRE = '91350100M000100Y43';
afterAll(() => cores.forEach((c) => c.close()));

function seed(sqlite: Sqlite) {
  addCentrePeer(sqlite, {
    code: CENTRE,
    name: '基准中心',
    status: 'trusted',
    importedAt: '2026-01-01T00:00:00.000Z',
    confirmedAt: '2026-01-01T00:00:00.000Z',
  });
  sqlite.exec(`INSERT INTO exchange_records (origin, table_name, id, centre_code, rev, updated_at, fields, sequence)
    VALUES ('0190aaaa-0000-7000-8000-000000000000', 'org', '0190aaaa-0000-7000-8000-000000000000', '${CENTRE}', 1, '2026-01-01T00:00:00.000Z', '{}', 1)`);
  // i in entry order: year from it (five years), a status and a type from a hash of it, skewed.
  sqlite.exec(`WITH RECURSIVE n(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM n WHERE i + 1 < ${PAYMENTS}),
    p AS (SELECT i, 2022 + i * 5 / ${PAYMENTS} AS year, (i * 2654435761) % 1000 AS h, (i * 40503) % 1000 AS g FROM n)
    INSERT INTO exchange_records (origin, table_name, id, centre_code, rev, updated_at, fields, sequence,
      status, year, entered_at, type, amount_fen, program_id)
    SELECT '0190aaaa-0000-7000-8000-000000000000', 'aid_payments', printf('0190%012x-7000-8000-000000000000', i), '${CENTRE}', 1,
      '2026-01-01T00:00:00.000Z', json_object('program_id', printf('p%d', g % 20)), 1,
      CASE WHEN h < 850 THEN 'paid' WHEN h < 930 THEN 'approved' WHEN h < 980 THEN 'pending' ELSE 'voided' END,
      year, printf('%d-%02d-%02dT%02d:00:00.000Z', year, 1 + i % 12, 1 + i % 28, i % 24),
      CASE WHEN g < 500 THEN 'living' WHEN g < 700 THEN 'medical' WHEN g < 850 THEN 'education' WHEN g < 950 THEN 'festival'
        WHEN g < 980 THEN 'emergency' WHEN g < 990 THEN 'employment' ELSE 'accident' END,
      10000 + h * 100, printf('p%d', g % 20)
    FROM p`);
}

/** Migration 0040's statements again (the bench made the indexes before it first), then the order index as it is now. */
function foldStatusAndType(sqlite: Sqlite, orderIndex: string) {
  sqlite.exec(`DROP INDEX exchange_records_payment_status; DROP INDEX exchange_records_payment_type;
    DROP INDEX exchange_records_payment_order; ${orderIndex}`);
}

const FILTERS: Record<string, Omit<PaymentFilter, 'centre'>> = {
  all: {},
  'year 2026': { year: 2026 },
  'status voided (2 %)': { status: 'voided' },
  'status pending (5 %)': { status: 'pending' },
  'status paid (85 %)': { status: 'paid' },
  'type accident (1 %)': { type: 'accident' },
  'year 2026, voided': { year: 2026, status: 'voided' },
  'year 2026, accident, voided': { year: 2026, type: 'accident', status: 'voided' },
  // Not in the totals index before 0043 (its rows were read); in the order index.
  'program p3 (5 %)': { programId: 'p3' },
  'year 2025, program p3': { year: 2025, programId: 'p3' },
  'entered 2026 H1 (10 %)': { from: '2026-01-01T00:00:00.000Z', to: '2026-07-01T00:00:00.000Z' },
  'year 2026, entered in March': { year: 2026, from: '2026-03-01T00:00:00.000Z', to: '2026-04-01T00:00:00.000Z' },
};

/**
 * The statements `run` prepares, with the order index's name in them swapped for the totals index (0025): how the
 * totals were read before migration 0043, the SQL otherwise the same.
 */
function asBefore0043<T>(sqlite: Sqlite, run: () => T): T {
  const prepare = sqlite.prepare;
  sqlite.prepare = ((source: string) =>
    prepare.call(
      sqlite,
      source.replace('INDEXED BY exchange_records_payment_order', 'INDEXED BY exchange_records_payments'),
    )) as typeof sqlite.prepare;
  try {
    return run();
  } finally {
    sqlite.prepare = prepare;
  }
}

/** EXPLAIN QUERY PLAN of each statement `run` prepares, one line each. */
function plansOf(sqlite: Sqlite, run: () => unknown): string[] {
  const seen: string[] = [];
  const prepare = sqlite.prepare;
  sqlite.prepare = ((source: string) => (seen.push(source), prepare.call(sqlite, source))) as typeof sqlite.prepare;
  try {
    run();
  } finally {
    sqlite.prepare = prepare;
  }
  return seen.map((source) => {
    const named = Object.fromEntries([...source.matchAll(/@(\w+)/g)].map(([, name]) => [name!, '']));
    const plan = sqlite.prepare(`EXPLAIN QUERY PLAN ${source}`).all(named) as { detail: string }[];
    return `${source.trim().slice(0, 16).padEnd(16)} ${plan.map((p) => p.detail).join('; ')}`;
  });
}

async function measure(
  sqlite: Sqlite,
  label: string,
  rows: Record<string, Record<string, string>>,
  totalsOf: (filter: PaymentFilter) => unknown = (filter) => paymentTotals(sqlite, filter),
) {
  for (const [name, f] of Object.entries(FILTERS)) {
    const filter = { centre: CENTRE, ...f };
    const first = await timedRuns(RUNS, () => paymentRows(sqlite, { ...filter, limit: 20, offset: 0 }));
    const later = await timedRuns(RUNS, () => paymentRows(sqlite, { ...filter, limit: 20, offset: 2000 }));
    const totals = await timedRuns(RUNS, () => totalsOf(filter));
    const row = (rows[name] ??= {});
    row[`${label} page 1 ms`] = first.p50.toFixed(1);
    row[`${label} page 101 ms`] = later.p50.toFixed(1);
    row[`${label} totals ms`] = totals.p50.toFixed(1);
  }
}

test(`a centre's payments list at the federation over ${PAYMENTS} payments, before/after migration 0043`, async () => {
  const federation = await newCore('federation');
  const sqlite = federation.core.state.conn!.sqlite;
  seed(sqlite);
  const expected = paymentRows(sqlite, { centre: CENTRE, status: 'voided', limit: 20, offset: 2000 });
  const totalsBefore = Object.values(FILTERS).map((f) => paymentTotals(sqlite, { centre: CENTRE, ...f }));
  const rows: Record<string, Record<string, string>> = {};
  if (BEFORE_0040) {
    const orderIndex = sqlite.prepare("SELECT sql FROM sqlite_schema WHERE name = 'exchange_records_payment_order'").pluck().get();
    paymentIndexesBefore0040(sqlite);
    await measure(sqlite, 'before 0040', rows, (filter) => asBefore0043(sqlite, () => paymentTotals(sqlite, filter)));
    foldStatusAndType(sqlite, orderIndex as string);
  } else paymentsIndexBefore0043(sqlite);
  const before0043 = (filter: PaymentFilter) => asBefore0043(sqlite, () => paymentTotals(sqlite, filter));
  const plans: Record<string, string[]> = {};
  for (const [name, f] of Object.entries(FILTERS)) {
    const filter = { centre: CENTRE, ...f };
    plans[name] = plansOf(sqlite, () => (paymentRows(sqlite, { ...filter, limit: 20, offset: 0 }), before0043(filter)));
  }
  await measure(sqlite, 'before 0043', rows, before0043);
  expect(Object.values(FILTERS).map((f) => before0043({ centre: CENTRE, ...f }))).toEqual(totalsBefore);
  for (const statement of readFileSync('resources/migrations/0043_payments_index_dropped.sql', 'utf8').split('--> statement-breakpoint'))
    sqlite.exec(statement);
  for (const [name, f] of Object.entries(FILTERS)) {
    const filter = { centre: CENTRE, ...f };
    plans[name]!.push(...plansOf(sqlite, () => (paymentRows(sqlite, { ...filter, limit: 20, offset: 0 }), paymentTotals(sqlite, filter))));
  }
  await measure(sqlite, 'as is', rows);
  for (const [name, lines] of Object.entries(plans)) console.log(`${name}: before 0043, then as is\n  ${lines.join('\n  ')}`);
  console.table(rows);
  // The same page and totals either way (only the way they are read changes).
  expect(paymentRows(sqlite, { centre: CENTRE, status: 'voided', limit: 20, offset: 2000 })).toEqual(expected);
  expect(Object.values(FILTERS).map((f) => paymentTotals(sqlite, { centre: CENTRE, ...f }))).toEqual(totalsBefore);
}, 1_800_000);
