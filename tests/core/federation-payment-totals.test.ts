import { describe, expect, it } from 'vitest';
import { openDatabase, type Sqlite } from '../../src/main/core/db/client';
import { applyMigrations, loadMigrations } from '../../src/main/core/db/migrate';
import { paymentPage, paymentRows, paymentTotals, type PaymentFilter } from '../../src/main/core/features/federation/records.repo';
import { newDatabaseKey } from '../../src/main/core/keys/key-file';
import { RESOURCES_DIR, tempDir } from './support/core';

/**
 * A centre's payments list at the federation (records.repo.ts): the totals read one index or the other by filter
 * (the totals index of 0025 for year, type and status; the order index when a program or days of entry are asked),
 * and the list's count is the totals'. Checked against a plain count over the rows on a real encrypted database.
 */

const STATUSES = ['paid', 'voided', 'pending', 'approved'];
const TYPES = ['living', 'medical', 'education'];
const PROGRAMS = ['0193e000-0000-7000-8000-000000000001', '0193e000-0000-7000-8000-000000000002'];

function federationWithPayments(): Sqlite {
  const { sqlite } = openDatabase(`${tempDir()}/x.db`, newDatabaseKey());
  applyMigrations(sqlite, loadMigrations(`${RESOURCES_DIR}/migrations`));
  const insert = sqlite.prepare(
    `INSERT INTO exchange_records (origin, table_name, id, centre_code, rev, updated_at, deleted_at, fields, sequence, status, year,
       entered_at, type, amount_fen, program_id)
     VALUES (?, 'aid_payments', ?, ?, 1, '2026-01-01T00:00:00.000Z', ?, '{}', 1, ?, ?, ?, ?, ?, ?)`,
  );
  for (let i = 0; i < 90; i++) {
    const centre = i % 5 === 0 ? 'B' : 'A';
    // Every ninth a tombstone (left out of lists and totals); another centre's payments are never counted.
    insert.run(
      `o${centre}`,
      `p${String(i).padStart(3, '0')}`,
      centre,
      i % 9 === 4 ? '2026-02-01T00:00:00.000Z' : null,
      STATUSES[i % 4],
      2025 + (i % 2),
      `${2025 + (i % 2)}-${String(1 + (i % 12)).padStart(2, '0')}-0${1 + (i % 7)}T0${i % 10}:00:00.000Z`,
      TYPES[i % 3],
      100 * (1 + (i % 13)),
      PROGRAMS[i % 2],
    );
  }
  return sqlite;
}

const FILTERS: Omit<PaymentFilter, 'centre'>[] = [
  {},
  { year: 2026 },
  { status: 'voided' },
  { year: 2025, type: 'medical', status: 'paid' },
  { programId: PROGRAMS[0] },
  { year: 2026, programId: PROGRAMS[1], status: 'voided' },
  { from: '2025-03-01T00:00:00.000Z', to: '2025-09-01T00:00:00.000Z' },
  { from: '2026-05-01T00:00:00.000Z' },
  { to: '2025-06-01T00:00:00.000Z', type: 'living' },
];

/** What the filter selects, counted and summed over the rows themselves (no index). */
function plainTotals(sqlite: Sqlite, f: PaymentFilter) {
  const rows = sqlite
    .prepare(
      `SELECT status, year, type, program_id AS programId, entered_at AS enteredAt, amount_fen AS fen FROM exchange_records NOT INDEXED
       WHERE centre_code = ? AND table_name = 'aid_payments' AND deleted_at IS NULL`,
    )
    .all(f.centre) as { status: string; year: number; type: string; programId: string; enteredAt: string; fen: number }[];
  const picked = rows.filter(
    (r) =>
      (f.year === undefined || r.year === f.year) &&
      (!f.type || r.type === f.type) &&
      (!f.status || r.status === f.status) &&
      (!f.programId || r.programId === f.programId) &&
      (!f.from || r.enteredAt >= f.from) &&
      (!f.to || r.enteredAt < f.to),
  );
  const voided = picked.filter((r) => r.status === 'voided');
  const sum = (list: typeof rows) => list.reduce((s, r) => s + r.fen, 0);
  return { count: picked.length, amountFen: sum(picked), voidedCount: voided.length, voidedFen: sum(voided) };
}

/** The statement paymentTotals prepares for `filter`, and its EXPLAIN QUERY PLAN and bytecode. */
function totalsStatement(sqlite: Sqlite, filter: PaymentFilter) {
  const prepare = sqlite.prepare;
  let source = '';
  sqlite.prepare = ((s: string) => ((source = s), prepare.call(sqlite, s))) as typeof sqlite.prepare;
  paymentTotals(sqlite, filter);
  sqlite.prepare = prepare;
  const params = Object.fromEntries([...source.matchAll(/@(\w+)/g)].map(([, name]) => [name!, '']));
  return {
    plan: (sqlite.prepare(`EXPLAIN QUERY PLAN ${source}`).all(params) as { detail: string }[]).map((p) => p.detail),
    ops: sqlite.prepare(`EXPLAIN ${source}`).all(params) as { opcode: string; p1: number; p2: number }[],
  };
}

describe("a centre's payments totals at the federation", () => {
  it('count and sum what a plain count of the rows gives, for every filter; the list counts as the totals do', () => {
    const sqlite = federationWithPayments();
    for (const f of FILTERS) {
      const filter = { centre: 'A', ...f };
      const totals = paymentTotals(sqlite, filter);
      expect(totals, JSON.stringify(f)).toEqual(plainTotals(sqlite, filter));
      expect(totals.count).toBeGreaterThan(0);
      const all = paymentPage(sqlite, { ...filter, limit: 1000, offset: 0 });
      expect(all).toHaveLength(totals.count);
      expect(paymentRows(sqlite, { ...filter, limit: 3, offset: 1 })).toEqual({ rows: all.slice(1, 4), total: totals.count });
    }
  });

  it('read the totals index for year, type and status, and the order index, never a row, for a program or days', () => {
    const sqlite = federationWithPayments();
    expect(totalsStatement(sqlite, { centre: 'A', year: 2026, status: 'paid' }).plan).toEqual([
      'SEARCH r USING COVERING INDEX exchange_records_payments (centre_code=? AND year=?)',
    ]);
    const root = sqlite.prepare("SELECT rootpage FROM sqlite_schema WHERE name = 'exchange_records'").pluck().get();
    for (const f of [{ programId: PROGRAMS[0] }, { from: '2025-03-01T00:00:00.000Z', year: 2025 }]) {
      const { plan, ops } = totalsStatement(sqlite, { centre: 'A', ...f });
      expect(plan).toHaveLength(1);
      expect(plan[0]).toMatch(/^SEARCH r USING INDEX exchange_records_payment_order \(centre_code=\?/);
      // Not said COVERING (table_name and deleted_at are the index's WHERE, not its columns), yet covered: the row's
      // seek is deferred, and no column of the table's cursor is ever read, so it is never made.
      const tableCursor = ops.find((o) => o.opcode === 'OpenRead' && o.p2 === root)?.p1;
      expect(tableCursor).toBeTypeOf('number');
      expect(ops.some((o) => o.opcode === 'DeferredSeek')).toBe(true);
      expect(ops.filter((o) => ['Column', 'Rowid', 'SeekRowid', 'NotExists'].includes(o.opcode) && o.p1 === tableCursor)).toEqual([]);
    }
  });
});
