import { afterAll, expect, test } from 'vitest';
import type { Sqlite } from '../src/main/core/db/client';
import { paymentRows, paymentTotals, type PaymentFilter } from '../src/main/core/features/federation/records.repo';
import { addCentrePeer } from '../src/main/tools/federation-mirror-rows';
import { paymentIndexesBefore0040 } from './exchange-steps';
import { cores, newCore, timedRuns } from './support';

/**
 * A centre's payments list at the federation (records.repo.ts paymentRows and paymentTotals, as
 * federation.centrePayments reads them) over BENCH_PAYMENTS payments of one centre (1,000,000 by default), with the
 * payments' indexes before migration 0040 (status and type each an index of their own, 0025) and then as 0040 made
 * them (folded into the order index as its last columns: two index entries fewer per imported payment,
 * bench/exchange-apply.bench.ts), in the same process on the same rows. The rows are written straight into exchange_records with the view columns the
 * importer fills: five years, types and statuses skewed as a centre's are (most paid, few voided or accident aid).
 */
const PAYMENTS = Number(process.env.BENCH_PAYMENTS ?? 1_000_000);
const RUNS = Number(process.env.BENCH_RUNS ?? 5);
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
      status, year, entered_at, type, amount_fen)
    SELECT '0190aaaa-0000-7000-8000-000000000000', 'aid_payments', printf('0190%012x-7000-8000-000000000000', i), '${CENTRE}', 1,
      '2026-01-01T00:00:00.000Z', json_object('program_id', printf('p%d', g % 20)), 1,
      CASE WHEN h < 850 THEN 'paid' WHEN h < 930 THEN 'approved' WHEN h < 980 THEN 'pending' ELSE 'voided' END,
      year, printf('%d-%02d-%02dT%02d:00:00.000Z', year, 1 + i % 12, 1 + i % 28, i % 24),
      CASE WHEN g < 500 THEN 'living' WHEN g < 700 THEN 'medical' WHEN g < 850 THEN 'education' WHEN g < 950 THEN 'festival'
        WHEN g < 980 THEN 'emergency' WHEN g < 990 THEN 'employment' ELSE 'accident' END,
      10000 + h * 100
    FROM p`);
}

/** Migration 0040's statements again (the bench made the indexes before it first). */
function foldStatusAndType(sqlite: Sqlite) {
  sqlite.exec(`DROP INDEX exchange_records_payment_status; DROP INDEX exchange_records_payment_type;
    DROP INDEX exchange_records_payment_order;
    CREATE INDEX exchange_records_payment_order ON exchange_records (centre_code, year, entered_at, id, status, type)
      WHERE table_name = 'aid_payments' AND deleted_at IS NULL`);
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
};

async function measure(sqlite: Sqlite, label: string, rows: Record<string, Record<string, string>>) {
  for (const [name, f] of Object.entries(FILTERS)) {
    const filter = { centre: CENTRE, ...f };
    const first = await timedRuns(RUNS, () => paymentRows(sqlite, { ...filter, limit: 20, offset: 0 }));
    const later = await timedRuns(RUNS, () => paymentRows(sqlite, { ...filter, limit: 20, offset: 2000 }));
    const totals = await timedRuns(RUNS, () => paymentTotals(sqlite, filter));
    const row = (rows[name] ??= {});
    row[`${label} page 1 ms`] = first.p50.toFixed(1);
    row[`${label} page 101 ms`] = later.p50.toFixed(1);
    row[`${label} totals ms`] = totals.p50.toFixed(1);
  }
}

test(`a centre's payments list at the federation over ${PAYMENTS} payments, before/after folding two indexes`, async () => {
  const federation = await newCore('federation');
  const sqlite = federation.core.state.conn!.sqlite;
  seed(sqlite);
  const expected = paymentRows(sqlite, { centre: CENTRE, status: 'voided', limit: 20, offset: 2000 });
  const rows: Record<string, Record<string, string>> = {};
  paymentIndexesBefore0040(sqlite);
  await measure(sqlite, 'before 0040', rows);
  foldStatusAndType(sqlite);
  await measure(sqlite, 'as is', rows);
  console.table(rows);
  // The same page either way (only the way it is read changes).
  expect(paymentRows(sqlite, { centre: CENTRE, status: 'voided', limit: 20, offset: 2000 })).toEqual(expected);
});
