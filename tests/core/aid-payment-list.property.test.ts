import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { ChannelInput } from '@shared/contract';
import { localDateOf } from '../../src/main/core/clock';
import { approvePayment, markPaymentPaid, paymentInserter, voidPayment } from '../../src/main/core/features/aid/aid.repo';
import { spanTuning } from '../../src/main/core/features/aid/payment-list';
import { mergeUnit } from '../../src/main/core/features/roster/units.repo';
import { insertFile, nextIdNumber, sqliteOf } from './support/aid';
import { insertProgram } from './support/aid-batch';
import { office } from './support/hardship';
import type { TestCore } from './support/core';

/**
 * The payments list (features/aid/payment-list.ts) against a brute-force reading of the same rows, for many random
 * combinations of its filters: its page (ids in order) and its totals, which come from three kept tables, from index
 * counts, or from both (whole UTC months and days plus the part-days at a span's ends). Payments are written with the
 * program's own insert and state statements (aid.repo) at instants crowded around local month ends, some moved
 * through 待发放, 已发放 and 作废 after entry, one deleted; a member changes unit after some of their payments (those stay
 * with the unit they were paid through) and a unit is merged into another (its payments come along). Each zone below
 * places local midnights differently against the UTC days the kept table counts by.
 */

const ZONES = ['Asia/Shanghai', 'UTC', 'America/New_York'];

/** Instants near local month ends of 2025–2026 in every zone above (± up to 40 hours), and a few anywhere. */
function instants(count: number): string[] {
  let state = 20_260_101;
  const next = (n: number) => {
    state = (state * 1_103_515_245 + 12_345) % 2_147_483_648;
    return state % n;
  };
  return Array.from({ length: count }, (_, i) => {
    const month = Date.UTC(2025, next(18), 1);
    const at = i % 7 === 6 ? Date.UTC(2025, 0, 1) + next(700) * 86_400_000 : month + (next(80 * 60) - 40 * 60) * 60_000;
    return new Date(at + next(60_000)).toISOString();
  });
}

interface Model {
  t: TestCore;
  programs: string[];
  batch: string;
  files: string[];
  /** Each unit filter's id and the refs it means (itself and what was merged into it). */
  units: { id: string; refs: number[] }[];
  /** The unit each payment was paid through, as the test knows it (not read back from unit_ref). */
  unitOf: Map<string, number | null>;
}

async function paymentsOffice(): Promise<Model> {
  const { t } = await office();
  const sqlite = sqliteOf(t);
  const member = async (unitName: string) => {
    const m = await t.call('roster.create', { name: '测试职工', idNumber: nextIdNumber(), unitName });
    const file = await t.call('files.create', { memberId: m.id, workerType: 'urban' }, 'clerk');
    sqlite.prepare("UPDATE hardship_files SET status = 'active', category = 'deep' WHERE id = ?").run(file.id);
    return file.id;
  };
  const files = [await member('甲机械厂'), await member('乙纺织厂'), await member('丙化工厂'), insertFile(t).fileId];
  const unitRef = (name: string) => sqlite.prepare('SELECT ref FROM units WHERE name = ?').pluck().get(name) as number;
  const [jia, yi, bing] = [unitRef('甲机械厂'), unitRef('乙纺织厂'), unitRef('丙化工厂')];
  const unitNow = new Map<string | null, number | null>([
    [files[0]!, jia],
    [files[1]!, yi],
    [files[2]!, bing],
    [files[3]!, null],
    [null, null],
  ]);
  const programs = [insertProgram(sqlite, { type: 'festival' }), insertProgram(sqlite, { type: 'living', name: '生活救助' })];
  const origin = sqlite.prepare('SELECT id FROM org').pluck().get() as string;
  const admin = sqlite.prepare("SELECT id FROM users WHERE role = 'admin'").pluck().get() as string;
  const batch = '0192a7b0-0000-7000-8000-0000000000b1';
  sqlite
    .prepare(
      `INSERT INTO aid_batches (id, origin, updated_at, program_id, name, method, filters, created_by, created_at)
       VALUES (?, ?, '2025-01-01T00:00:00.000Z', ?, '批次', 'cash', '{}', ?, '2025-01-01T00:00:00.000Z')`,
    )
    .run(batch, origin, programs[0], admin);

  const insert = paymentInserter(sqlite);
  const unitOf = new Map<string, number | null>();
  const inBatch = new Set<string | null>();
  const at = instants(160);
  at.forEach((now, i) => {
    // Half way, the first member moves to 乙: what was paid through 甲 stays with 甲.
    if (i === 80) {
      sqlite.prepare('UPDATE members SET unit_ref = ? WHERE unit_ref = ?').run(yi, jia);
      unitNow.set(files[0]!, yi);
    }
    const fileId = i % 9 === 8 ? null : files[i % files.length]!;
    const program = i % 3 === 0 ? 1 : 0;
    // One payment per household in the batch (the database holds it); emergency ones any number.
    const batched = program === 0 && (fileId === null || !inBatch.has(fileId)) && i % 2 === 0;
    if (batched && fileId) inBatch.add(fileId);
    const id = `0192a7b0-0000-7000-8000-${String(i).padStart(12, '0')}`;
    insert({
      id,
      origin,
      now,
      programId: programs[program]!,
      batchId: batched ? batch : null,
      fileId,
      year: 2026,
      type: program === 1 ? 'living' : 'festival',
      recipientName: '测试户主',
      recipientIdNumber: nextIdNumber(),
      recipientUnit: null,
      studentId: null,
      schoolStage: null,
      amountFen: 10_000 + (i % 13) * 1_000,
      suggestedFen: 30_000,
      adjustReason: null,
      basis: '{}',
      method: 'cash',
      enteredBy: admin,
      reissueOf: null,
      overBudgetReason: null,
      note: null,
    });
    unitOf.set(id, unitNow.get(fileId)!);
    // After entry: approved, then some paid, some voided (from any state).
    if (i % 4 !== 0) approvePayment(sqlite, id, now, admin, `2026-${String(i).padStart(6, '0')}`);
    if (i % 4 === 2) markPaymentPaid(sqlite, id, now, admin, now.slice(0, 10));
    if (i % 10 === 5) voidPayment(sqlite, id, now, admin, '录入错误');
  });
  sqlite
    .prepare("UPDATE aid_payments SET deleted_at = '2026-02-01T00:00:00.000Z' WHERE id = ?")
    .run(`0192a7b0-0000-7000-8000-${'7'.padStart(12, '0')}`);
  // 丙 merged into 甲: a filter on either means both.
  const unitRow = (ref: number) => sqlite.prepare('SELECT ref, id, kind, name, rev FROM units WHERE ref = ?').get(ref) as never;
  mergeUnit(sqlite, unitRow(bing), unitRow(jia), t.clock.now());
  const unitId = (ref: number) => sqlite.prepare('SELECT id FROM units WHERE ref = ?').pluck().get(ref) as string;
  return {
    t,
    programs,
    batch,
    files,
    units: [
      { id: unitId(jia), refs: [jia, bing] },
      { id: unitId(bing), refs: [jia, bing] },
      { id: unitId(yi), refs: [yi] },
      { id: '0192a7b0-0000-7000-8000-00000000dead', refs: [] },
    ],
    unitOf,
  };
}

type Filters = Partial<ChannelInput<'aid.payments'>>;

/** What the list must answer, from every row of the table read plainly. */
function bruteForce(model: Model, input: Filters & { page: number; pageSize: number }) {
  const rows = sqliteOf(model.t)
    .prepare(
      `SELECT rowid, id, program_id AS programId, batch_id AS batchId, file_id AS fileId, type, status, amount_fen AS amountFen,
         entered_at AS enteredAt FROM aid_payments WHERE deleted_at IS NULL ORDER BY entered_at DESC, rowid DESC`,
    )
    .all() as {
    id: string;
    programId: string;
    batchId: string | null;
    fileId: string | null;
    type: string;
    status: string;
    amountFen: number;
    enteredAt: string;
  }[];
  const unit = input.unitId === undefined ? undefined : model.units.find((u) => u.id === input.unitId)!.refs;
  const chosen = rows.filter(
    (r) =>
      (input.programId === undefined || r.programId === input.programId) &&
      (input.batchId === undefined || r.batchId === input.batchId) &&
      (input.fileId === undefined || r.fileId === input.fileId) &&
      (input.type === undefined || r.type === input.type) &&
      (input.status === undefined || r.status === input.status) &&
      (unit === undefined || unit.includes(model.unitOf.get(r.id) ?? -1)) &&
      (input.from === undefined || localDateOf(r.enteredAt) >= input.from) &&
      (input.to === undefined || localDateOf(r.enteredAt) <= input.to),
  );
  const counted = chosen.filter((r) => r.status !== 'voided');
  const byStatus: Record<string, number> = {};
  for (const r of chosen) byStatus[r.status] = (byStatus[r.status] ?? 0) + 1;
  return {
    ids: chosen.slice((input.page - 1) * input.pageSize, input.page * input.pageSize).map((r) => r.id),
    total: chosen.length,
    totals: {
      count: counted.length,
      amountFen: counted.reduce((s, r) => s + r.amountFen, 0),
      byStatus,
      voidedFen: chosen.filter((r) => r.status === 'voided').reduce((s, r) => s + r.amountFen, 0),
    },
  };
}

/** Days around local month ends (and a leap day's neighbours), where a span's cut into months and days is tested. */
const day = fc.oneof(
  fc.constantFrom(
    '2025-01-01',
    '2025-01-31',
    '2025-02-01',
    '2025-02-28',
    '2025-03-01',
    '2025-06-30',
    '2025-07-01',
    '2025-12-31',
    '2026-01-01',
  ),
  fc
    .date({ min: new Date(Date.UTC(2024, 11, 1)), max: new Date(Date.UTC(2026, 7, 31)), noInvalidDate: true })
    .map((d) => d.toISOString().slice(0, 10)),
);

/** Some of `arbitrary`'s values, else nothing (weights: absent : present). */
const sometimes = <T>(arbitrary: fc.Arbitrary<T>, absent: number, present: number) =>
  fc.oneof({ weight: absent, arbitrary: fc.constant(undefined) }, { weight: present, arbitrary });

/**
 * Filters as a clerk combines them. The narrow ones (program, batch, file, unit) are rarer and the dates commoner, so
 * that many draws take the path that reads the period table and counts the part-days at the span's ends.
 */
function filters(model: Model): fc.Arbitrary<Filters & { page: number; pageSize: number }> {
  return fc
    .record({
      programId: sometimes(fc.constantFrom(...model.programs), 5, 1),
      batchId: sometimes(fc.constant(model.batch), 6, 1),
      fileId: sometimes(fc.constantFrom(...model.files), 6, 1),
      type: sometimes(fc.constantFrom('festival' as const, 'living' as const, 'medical' as const), 2, 1),
      status: sometimes(fc.constantFrom('pending' as const, 'approved' as const, 'paid' as const, 'voided' as const), 2, 1),
      unitId: sometimes(fc.constantFrom(...model.units.map((u) => u.id)), 3, 1),
      from: sometimes(day, 1, 3),
      to: sometimes(day, 1, 3),
      page: fc.integer({ min: 1, max: 3 }),
      pageSize: fc.integer({ min: 1, max: 30 }),
    })
    .map(
      (input) =>
        Object.fromEntries(Object.entries(input).filter(([, v]) => v !== undefined)) as Filters & { page: number; pageSize: number },
    );
}

describe('the payments list', () => {
  it('pages and totals every combination of filters as a count of the rows would, in any time zone', async () => {
    const model = await paymentsOffice();
    const before = process.env.TZ;
    try {
      // Dates with a program, batch or unit: their kept total less what lies outside the span, and (cap 0) a count of
      // the span itself.
      for (const [zone, outsideCap] of [...ZONES.map((z) => [z, 1_000] as const), ['Asia/Shanghai', 0] as const]) {
        process.env.TZ = zone;
        spanTuning.outsideCap = outsideCap;
        await fc.assert(
          fc.asyncProperty(filters(model), async (input) => {
            const list = await model.t.call('aid.payments', input);
            const expected = bruteForce(model, input);
            expect({ ids: list.rows.map((r) => r.id), total: list.total, totals: list.totals }).toEqual(expected);
          }),
          { numRuns: 300 },
        );
      }
    } finally {
      process.env.TZ = before;
      spanTuning.outsideCap = 1_000;
    }
    // The kept tables agree with the rows they are kept from.
    const sqlite = sqliteOf(model.t);
    const kept = (sql: string) => (sqlite.prepare(sql).all() as object[]).map((r) => JSON.stringify(r)).sort();
    expect(kept('SELECT grain, period, type, status, count, amount_fen FROM aid_payment_period_totals WHERE count > 0')).toEqual(
      kept(`SELECT 'm' AS grain, substr(entered_at, 1, 7) AS period, type, status, count(*) AS count, sum(amount_fen) AS amount_fen
            FROM aid_payments WHERE deleted_at IS NULL GROUP BY 2, 3, 4
            UNION ALL SELECT 'd', substr(entered_at, 1, 10), type, status, count(*), sum(amount_fen)
            FROM aid_payments WHERE deleted_at IS NULL GROUP BY 2, 3, 4`),
    );
    expect(
      kept('SELECT unit_ref, program_id, batch_id, type, status, count, amount_fen FROM aid_payment_unit_totals WHERE count > 0'),
    ).toEqual(
      kept(`SELECT unit_ref, program_id, coalesce(batch_id, '') AS batch_id, type, status, count(*) AS count, sum(amount_fen) AS amount_fen
            FROM aid_payments WHERE deleted_at IS NULL AND unit_ref IS NOT NULL GROUP BY 1, 2, 3, 4, 5`),
    );
    // Each payment carries the unit it was entered under, the move and the merge notwithstanding.
    const stored = sqlite.prepare('SELECT id, unit_ref FROM aid_payments').raw().all() as [string, number | null][];
    expect(new Map(stored)).toEqual(model.unitOf);
  }, 240_000);
});
