import { afterAll, expect, test } from 'vitest';
import type { Sqlite } from '../src/main/core/db/client';
import { paymentPage, paymentTotals, type PaymentFilter } from '../src/main/core/features/federation/records.repo';
import { addCentrePeer } from '../src/main/tools/federation-mirror-rows';
import { paymentIndexesBefore0040 } from './exchange-steps';
import { cores, newCore, timedRuns } from './support';

/**
 * A centre's payments list at the federation (records.repo.ts paymentPage and paymentTotals, as
 * federation.centrePayments reads them) over BENCH_PAYMENTS payments of one centre (1,000,000 by default), in the same
 * process on the same rows: 'before' as session 13 found it (the page counted on its own, through the index SQLite
 * chose, then the totals always from the totals index of 0025), 'as is' (the count is the totals', read from the
 * totals index or, for a program or days of entry, the order index), and 'no totals index' (migration 0043 as it was
 * weighed: the index dropped, every total from the order index). BENCH_PAYMENTS_BEFORE_0040=1 first measures the
 * indexes before migration 0040 (status and type each an index of their own). The rows are written straight into
 * exchange_records with the view columns the importer fills: five years, types, statuses and 20 programs skewed as a
 * centre's are (most paid, few voided or accident aid). The query plans of each stage are printed.
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
      '2026-01-01T00:00:00.000Z', json_object('program_id', printf('0193e000-0000-7000-8000-%012d', g % 20)), 1,
      CASE WHEN h < 850 THEN 'paid' WHEN h < 930 THEN 'approved' WHEN h < 980 THEN 'pending' ELSE 'voided' END,
      year, printf('%d-%02d-%02dT%02d:00:00.000Z', year, 1 + i % 12, 1 + i % 28, i % 24),
      CASE WHEN g < 500 THEN 'living' WHEN g < 700 THEN 'medical' WHEN g < 850 THEN 'education' WHEN g < 950 THEN 'festival'
        WHEN g < 980 THEN 'emergency' WHEN g < 990 THEN 'employment' ELSE 'accident' END,
      10000 + h * 100, printf('0193e000-0000-7000-8000-%012d', g % 20)
    FROM p`);
}

/** Migration 0040's statements again (the bench made the indexes before it first), then the order index as it is now. */
function foldStatusAndType(sqlite: Sqlite, orderIndex: string) {
  sqlite.exec(`DROP INDEX exchange_records_payment_status; DROP INDEX exchange_records_payment_type;
    DROP INDEX exchange_records_payment_order; ${orderIndex}`);
}

const PROGRAM_3 = '0193e000-0000-7000-8000-000000000003';

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
  'program 3 (5 %)': { programId: PROGRAM_3 },
  'year 2025, program 3': { year: 2025, programId: PROGRAM_3 },
  'entered 2026 H1 (10 %)': { from: '2026-01-01T00:00:00.000Z', to: '2026-07-01T00:00:00.000Z' },
  'year 2026, entered in March': { year: 2026, from: '2026-03-01T00:00:00.000Z', to: '2026-04-01T00:00:00.000Z' },
};

/** Runs `run` with each statement it prepares rewritten first: how a query read before, the SQL otherwise the same. */
function rewritten<T>(sqlite: Sqlite, rewrite: (source: string) => string, run: () => T): T {
  const prepare = sqlite.prepare;
  sqlite.prepare = ((source: string) => prepare.call(sqlite, rewrite(source))) as typeof sqlite.prepare;
  try {
    return run();
  } finally {
    sqlite.prepare = prepare;
  }
}

const INDEXED = /INDEXED BY exchange_records_payment(s|_order)\b/;

/** A list view as federation.centrePayments reads it (the page, its count and the totals), and the totals alone. */
interface Reader {
  view: (filter: PaymentFilter, offset: number) => unknown;
  totals: (filter: PaymentFilter) => unknown;
}
/** Before: the totals always from the totals index; the page's count a statement of its own, SQLite's choice of index. */
function readerBefore(sqlite: Sqlite): Reader {
  const totals = (filter: PaymentFilter) =>
    rewritten(
      sqlite,
      (s) => s.replace(INDEXED, 'INDEXED BY exchange_records_payments'),
      () => paymentTotals(sqlite, filter),
    );
  const count = (filter: PaymentFilter) =>
    rewritten(
      sqlite,
      (s) => s.replace(/^\s*SELECT[\s\S]*?FROM exchange_records r INDEXED BY \w+/, 'SELECT count(*) AS count FROM exchange_records r'),
      () => paymentTotals(sqlite, filter),
    );
  return { view: (filter, offset) => [count(filter), paymentPage(sqlite, { ...filter, limit: 20, offset }), totals(filter)], totals };
}
/** As is, or (`orderOnly`) with every total from the order index (the totals index dropped). */
function readerAsIs(sqlite: Sqlite, orderOnly = false): Reader {
  const totals = (filter: PaymentFilter) =>
    orderOnly
      ? rewritten(
          sqlite,
          (s) => s.replace(INDEXED, 'INDEXED BY exchange_records_payment_order'),
          () => paymentTotals(sqlite, filter),
        )
      : paymentTotals(sqlite, filter);
  return { view: (filter, offset) => [totals(filter), paymentPage(sqlite, { ...filter, limit: 20, offset })], totals };
}

/** EXPLAIN QUERY PLAN of each statement `run` prepares, one line each. */
function plansOf(sqlite: Sqlite, run: () => unknown): string[] {
  const seen: string[] = [];
  rewritten(sqlite, (source) => (seen.push(source), source), run);
  return seen.map((source) => {
    const named = Object.fromEntries([...source.matchAll(/@(\w+)/g)].map(([, name]) => [name!, '']));
    const plan = sqlite.prepare(`EXPLAIN QUERY PLAN ${source}`).all(named) as { detail: string }[];
    return `${source.trim().slice(0, 16).padEnd(16)} ${plan.map((p) => p.detail).join('; ')}`;
  });
}

async function measure(sqlite: Sqlite, label: string, rows: Record<string, Record<string, string>>, reader: Reader) {
  for (const [name, f] of Object.entries(FILTERS)) {
    const filter = { centre: CENTRE, ...f };
    const first = await timedRuns(RUNS, () => reader.view(filter, 0));
    const later = await timedRuns(RUNS, () => reader.view(filter, 2000));
    const totals = await timedRuns(RUNS, () => reader.totals(filter));
    const row = (rows[name] ??= {});
    row[`${label} view p1 ms`] = first.p50.toFixed(1);
    row[`${label} view p101 ms`] = later.p50.toFixed(1);
    row[`${label} totals ms`] = totals.p50.toFixed(1);
  }
}

test(`a centre's payments list at the federation over ${PAYMENTS} payments, before/as is/without the totals index`, async () => {
  const federation = await newCore('federation');
  const sqlite = federation.core.state.conn!.sqlite;
  seed(sqlite);
  const viewOf = (reader: Reader) => Object.values(FILTERS).map((f) => reader.view({ centre: CENTRE, ...f }, 2000) as unknown[]);
  const expected = viewOf(readerAsIs(sqlite));
  const rows: Record<string, Record<string, string>> = {};
  if (BEFORE_0040) {
    const orderIndex = sqlite.prepare("SELECT sql FROM sqlite_schema WHERE name = 'exchange_records_payment_order'").pluck().get();
    paymentIndexesBefore0040(sqlite);
    await measure(sqlite, 'before 0040', rows, readerBefore(sqlite));
    foldStatusAndType(sqlite, orderIndex as string);
  }
  const stages: [string, Reader, (() => void)?][] = [
    ['before', readerBefore(sqlite)],
    ['as is', readerAsIs(sqlite)],
    ['no totals index', readerAsIs(sqlite, true), () => sqlite.exec('DROP INDEX exchange_records_payments')],
  ];
  const plans: Record<string, string[]> = {};
  for (const [label, reader, prepare] of stages) {
    prepare?.();
    for (const [name, f] of Object.entries(FILTERS))
      (plans[name] ??= []).push(`${label}:`, ...plansOf(sqlite, () => reader.view({ centre: CENTRE, ...f }, 0)));
    await measure(sqlite, label, rows, reader);
    // The same pages, counts and totals each way (only the way they are read changes).
    const views = viewOf(reader).map((v) => (v.length === 3 ? [v[2], v[1], (v[0] as { count: number }).count] : [...v, null]));
    expect(views.map(([totals, page, count]) => [totals, page, count ?? (totals as { count: number }).count])).toEqual(
      expected.map(([totals, page]) => [totals, page, (totals as { count: number }).count]),
    );
  }
  for (const [name, lines] of Object.entries(plans)) console.log(`${name}\n  ${lines.join('\n  ')}`);
  console.table(rows);
}, 1_800_000);
