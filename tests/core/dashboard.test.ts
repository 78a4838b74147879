import { v7 as uuidv7 } from 'uuid';
import { describe, expect, it } from 'vitest';
import type { Sqlite } from '../../src/main/core/db/client';
import { insertProgram } from './support/aid-batch';
import { insertFile, sqliteOf } from './support/aid';
import { office } from './support/hardship';

/**
 * The director's charts (dashboard.charts, issue 13 "Dashboard") on a hand-built office whose every number is known:
 * households in force by category and cause, the months of this year and last by type (a voided payment left out, its
 * reissue counted once, a payment on each side of a local month's first instant), and this year's programs' budgets
 * (one over). Each number is then read again from the list its link opens, filtered alike.
 */

function setCause(sqlite: Sqlite, fileId: string, cause: string | null) {
  sqlite.prepare("UPDATE hardship_files SET draft = json_set(draft, '$.mainCause', ?) WHERE id = ?").run(cause, fileId);
}

interface PaymentSeed {
  programId: string;
  year: number;
  type: string;
  fen: number;
  status: 'pending' | 'approved' | 'paid' | 'voided';
  at: string;
  reissueOf?: string;
}

/** A payment written straight into the table (the payments' triggers keep the totals the charts read). */
function insertPayment(sqlite: Sqlite, seed: PaymentSeed): string {
  const id = uuidv7();
  const origin = sqlite.prepare('SELECT id FROM org').pluck().get() as string;
  sqlite
    .prepare(
      `INSERT INTO aid_payments (id, origin, updated_at, program_id, year, type, recipient_name, recipient_id_number, amount_fen,
         suggested_fen, basis, method, status, entered_by, entered_at, reissue_of)
       VALUES (?, ?, ?, ?, ?, ?, '测试户主', '110105197001010011', ?, ?, '{}', 'cash', ?, 'test', ?, ?)`,
    )
    .run(id, origin, seed.at, seed.programId, seed.year, seed.type, seed.fen, seed.fen, seed.status, seed.at, seed.reissueOf ?? null);
  return id;
}

/** The local midnight a calendar day starts at, as stored (the office's time zone is the machine's). */
const localMidnight = (y: number, m: number, d: number) => new Date(y, m - 1, d).toISOString();

describe('dashboard.charts', () => {
  it('counts households in force, the months by type against last year, and the budgets, each as its list has it', async () => {
    const { t, today } = await office();
    expect(today).toBe('2026-03-10');
    const sqlite = sqliteOf(t);
    const files = [
      { status: 'active', category: 'deep', cause: '6' },
      { status: 'active', category: 'deep', cause: '3' },
      { status: 'annualReview', category: 'relative', cause: '6' },
      { status: 'active', category: 'accident', cause: null },
      // Out of hardship, and a draft: not in force.
      { status: 'exited', category: 'deep', cause: '6' },
      { status: 'draft', category: null, cause: '6' },
    ] as const;
    for (const f of files) setCause(sqlite, insertFile(t, { status: f.status, category: f.category }).fileId, f.cause);

    const festival = insertProgram(sqlite, { type: 'festival', name: '2026年送温暖', budgetFen: 100_000 });
    const living = insertProgram(sqlite, { type: 'living', name: '2026年生活救助', budgetFen: 50_000 });
    const medical = insertProgram(sqlite, { type: 'medical', name: '2026年医疗救助', budgetFen: null });
    const lastYears = insertProgram(sqlite, { type: 'festival', name: '2025年送温暖', year: 2025, budgetFen: 80_000 });
    const education = insertProgram(sqlite, { type: 'education', name: '2026年助学', budgetFen: 10_000 });
    const pay = (seed: Omit<PaymentSeed, 'year'>) => insertPayment(sqlite, { year: Number(seed.at.slice(0, 4)), ...seed });
    pay({ programId: festival, type: 'festival', fen: 30_000, status: 'paid', at: '2026-01-15T04:00:00.000Z' });
    const voided = pay({ programId: festival, type: 'festival', fen: 20_000, status: 'voided', at: '2026-01-20T04:00:00.000Z' });
    pay({ programId: festival, type: 'festival', fen: 20_000, status: 'approved', at: '2026-01-21T04:00:00.000Z', reissueOf: voided });
    pay({ programId: living, type: 'living', fen: 40_000, status: 'paid', at: '2026-02-03T04:00:00.000Z' });
    pay({ programId: living, type: 'living', fen: 25_000, status: 'pending', at: '2026-03-09T04:00:00.000Z' });
    pay({ programId: medical, type: 'medical', fen: 10_000, status: 'pending', at: '2026-03-10T01:00:00.000Z' });
    // The last instant of January and the first of February, in the office's time zone.
    pay({
      programId: education,
      type: 'education',
      fen: 2_000,
      status: 'paid',
      at: new Date(Date.parse(localMidnight(2026, 2, 1)) - 1).toISOString(),
    });
    pay({ programId: education, type: 'education', fen: 1_000, status: 'paid', at: localMidnight(2026, 2, 1) });
    pay({ programId: lastYears, type: 'festival', fen: 70_000, status: 'paid', at: '2025-03-05T04:00:00.000Z' });
    pay({ programId: lastYears, type: 'festival', fen: 5_000, status: 'paid', at: '2025-12-31T04:00:00.000Z' });
    pay({ programId: lastYears, type: 'festival', fen: 9_000, status: 'voided', at: '2025-12-30T04:00:00.000Z' });

    const charts = await t.call('dashboard.charts', {}, 'reviewer');
    expect(charts).toMatchObject({ today: '2026-03-10', year: 2026 });
    expect(charts.households).toEqual({
      total: 4,
      byCategory: [
        { category: 'deep', count: 2 },
        { category: 'relative', count: 1 },
        { category: 'accident', count: 1 },
      ],
      byCause: [
        { cause: '3', count: 1 },
        { cause: '6', count: 2 },
        { cause: null, count: 1 },
      ],
    });
    const byMonth = (rows: typeof charts.monthly) =>
      [...rows].sort((a, b) => a.year - b.year || a.month - b.month || a.type.localeCompare(b.type));
    expect(byMonth(charts.monthly)).toEqual([
      { year: 2025, month: 3, type: 'festival', count: 1, amountFen: 70_000 },
      { year: 2025, month: 12, type: 'festival', count: 1, amountFen: 5_000 },
      { year: 2026, month: 1, type: 'education', count: 1, amountFen: 2_000 },
      { year: 2026, month: 1, type: 'festival', count: 2, amountFen: 50_000 },
      { year: 2026, month: 2, type: 'education', count: 1, amountFen: 1_000 },
      { year: 2026, month: 2, type: 'living', count: 1, amountFen: 40_000 },
      { year: 2026, month: 3, type: 'living', count: 1, amountFen: 25_000 },
      { year: 2026, month: 3, type: 'medical', count: 1, amountFen: 10_000 },
    ]);
    expect(charts.programs).toEqual([
      { id: festival, name: '2026年送温暖', type: 'festival', budgetFen: 100_000, paidFen: 30_000, unpaidFen: 20_000 },
      // Over its budget: 65,000 committed against 50,000.
      { id: living, name: '2026年生活救助', type: 'living', budgetFen: 50_000, paidFen: 40_000, unpaidFen: 25_000 },
      { id: medical, name: '2026年医疗救助', type: 'medical', budgetFen: null, paidFen: 0, unpaidFen: 10_000 },
      { id: education, name: '2026年助学', type: 'education', budgetFen: 10_000, paidFen: 3_000, unpaidFen: 0 },
    ]);

    // Each number is the length (or the total) of the list its link opens.
    for (const { category, count } of charts.households.byCategory) {
      expect((await t.call('files.list', { inForce: true, category, page: 1, pageSize: 50 }, 'reviewer')).total).toBe(count);
    }
    for (const { cause, count } of charts.households.byCause) {
      const listed = await t.call('files.list', { inForce: true, mainCause: cause ?? 'none', page: 1, pageSize: 50 }, 'reviewer');
      expect(listed.total).toBe(count);
    }
    expect((await t.call('files.list', { inForce: true, page: 1, pageSize: 50 }, 'reviewer')).total).toBe(4);
    const lastDay = (y: number, m: number) => new Date(Date.UTC(y, m, 0)).toISOString().slice(0, 10);
    for (const row of charts.monthly) {
      const m = String(row.month).padStart(2, '0');
      const to = row.year === 2026 && row.month === 3 ? today : lastDay(row.year, row.month);
      const listed = await t.call('aid.payments', { type: row.type, from: `${row.year}-${m}-01`, to, page: 1, pageSize: 50 }, 'reviewer');
      expect(listed.totals).toMatchObject({ count: row.count, amountFen: row.amountFen });
    }
    for (const p of charts.programs) {
      const listed = await t.call('aid.payments', { programId: p.id, page: 1, pageSize: 50 }, 'reviewer');
      expect(listed.totals.amountFen).toBe(p.paidFen + p.unpaidFen);
    }

    // For those who direct: a clerk is refused.
    expect(await t.fail('dashboard.charts', {}, 'clerk')).toMatchObject({ code: 'FORBIDDEN' });
  });

  it('is empty, not absent, for an office with no files and no aid', async () => {
    const { t } = await office();
    expect(await t.call('dashboard.charts', {}, 'test')).toEqual({
      today: '2026-03-10',
      year: 2026,
      households: {
        total: 0,
        byCategory: [
          { category: 'deep', count: 0 },
          { category: 'relative', count: 0 },
          { category: 'accident', count: 0 },
        ],
        byCause: [],
      },
      monthly: [],
      programs: [],
    });
  });
});
