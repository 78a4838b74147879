import fc from 'fast-check';
import { v7 as uuidv7 } from 'uuid';
import { describe, expect, it } from 'vitest';
import type { ProgramItem } from '@shared/contract/aid-types';
import { AppError } from '@shared/errors';
import { CallContext, type SignedInUser } from '../../src/main/core/context';
import { readProgram } from '../../src/main/core/features/aid/aid.repo';
import { insertCheckedPayment, reissue, voidOne } from '../../src/main/core/features/aid/payments.service';
import { suggestFor } from '../../src/main/core/features/aid/suggestion';
import { insertFile, saveProgram, setPolicy, sqliteOf } from './support/aid';
import { office } from './support/hardship';

/**
 * Caps, budgets and one payment per household per batch as properties (docs/domain.md "Aid"): whatever sequence of
 * payments, voids and reissues is tried across programs, files and batches, every check of the service holding, no
 * household gets more than a cap allows, no program more than its budget, and no household twice in one batch.
 * The service is called directly with a batch id (what the batch channel does for each row), on a real database.
 */

const LIVING_CAP = 1_000_000;
const TOTAL_CAP = 1_200_000;
const BUDGET = 300_000;
const REFUSALS = new Set([
  'AID_OVER_CAP',
  'AID_OVER_BUDGET',
  'AID_NOT_ELIGIBLE',
  'AID_DUPLICATE_IN_BATCH',
  'AID_WRONG_STATE',
  'INVALID_INPUT',
]);

type Op =
  | { kind: 'create'; program: number; file: number; batch: boolean; amount: number; over: boolean }
  | { kind: 'void'; k: number }
  | { kind: 'reissue'; k: number; amount: number; over: boolean };

const op: fc.Arbitrary<Op> = fc.oneof(
  {
    weight: 6,
    arbitrary: fc.record({
      kind: fc.constant('create' as const),
      program: fc.nat(2),
      file: fc.nat(2),
      batch: fc.boolean(),
      amount: fc.nat(2_000_000),
      over: fc.boolean(),
    }),
  },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('void' as const), k: fc.nat(50) }) },
  {
    weight: 2,
    arbitrary: fc.record({ kind: fc.constant('reissue' as const), k: fc.nat(50), amount: fc.nat(2_000_000), over: fc.boolean() }),
  },
);

describe('aid caps, budgets and batches as properties', () => {
  it('no sequence of payments, voids and reissues exceeds a cap or a budget, or pays a household twice in a batch', async () => {
    const { t } = await office();
    await setPolicy(t, 'aidYearCapLiving', LIVING_CAP);
    await setPolicy(t, 'aidYearCapTotal', TOTAL_CAP);
    const sqlite = sqliteOf(t);
    const clerkRow = sqlite
      .prepare("SELECT id, username, display_name AS displayName FROM users WHERE role = 'clerk'")
      .get() as SignedInUser;
    const clerk: SignedInUser = { ...clerkRow, role: 'clerk', mustChangePassword: false };
    const reviewerRow = sqlite
      .prepare("SELECT id, username, display_name AS displayName FROM users WHERE role = 'reviewer'")
      .get() as SignedInUser;
    const reviewer: SignedInUser = { ...reviewerRow, role: 'reviewer', mustChangePassword: false };
    const ctxFor = (channel: 'aid.createPayment' | 'aid.void' | 'aid.reissue', user: SignedInUser) =>
      new CallContext(t.core.state, 'property', channel, user);
    const origin = sqlite.prepare('SELECT id FROM org').pluck().get() as string;

    // What the runs met, so that a property that never reached a cap cannot pass unnoticed.
    const seen = new Map<string, number>();
    await fc.assert(
      fc.asyncProperty(fc.array(op, { minLength: 1, maxLength: 25 }), async (ops) => {
        const programs: ProgramItem[] = [
          await saveProgram(t, 'festival', { kind: 'fixed', amountFen: 80_000, byCategory: { deep: 120_000 } }, { budgetFen: BUDGET }),
          await saveProgram(t, 'living', { kind: 'lowLineMonths', monthsByCategory: { deep: 10, relative: 8 } }),
          await saveProgram(t, 'education', { kind: 'perStudent', byStage: { college: 500_000 } }, { budgetFen: 2 * BUDGET }),
        ];
        const batches = programs.map((p) => {
          const id = uuidv7();
          sqlite
            .prepare(
              `INSERT INTO aid_batches (id, origin, updated_at, program_id, name, method, filters, created_by, created_at) VALUES (?, ?, '2026-03-10T02:00:00.000Z', ?, '测试批次', 'cash', '{}', ?, '2026-03-10T02:00:00.000Z')`,
            )
            .run(id, origin, p.id, clerk.id);
          return id;
        });
        const files = [
          insertFile(t, { category: 'deep', students: [{ name: '甲', schoolStage: 'college' }] }),
          insertFile(t, { category: 'relative', students: [{ name: '乙', schoolStage: 'college' }] }),
          insertFile(t, { category: 'deep', students: [{ name: '丙', schoolStage: 'college' }] }),
        ];
        const made: string[] = [];
        const attempt = (run: () => void) => {
          try {
            run();
          } catch (error) {
            if (!(error instanceof AppError) || !REFUSALS.has(error.code)) throw error;
            seen.set(error.code, (seen.get(error.code) ?? 0) + 1);
            return false;
          }
          seen.set('ok', (seen.get('ok') ?? 0) + 1);
          return true;
        };
        for (const o of ops) {
          if (o.kind === 'create') {
            const program = readProgram(sqlite, programs[o.program]!.id)!;
            const file = files[o.file]!;
            const target = { fileId: file.fileId, studentId: program.type === 'education' ? file.studentIds[0]! : null, baseFen: null };
            const { maxFen } = suggestFor(sqlite, program, target, '2026-03-10');
            const amountFen = o.over ? maxFen + 1 + (o.amount % 1000) : 1 + (o.amount % Math.max(maxFen, 1));
            const ctx = ctxFor('aid.createPayment', clerk);
            const ok = attempt(() =>
              ctx.write(() => {
                const { id } = insertCheckedPayment(ctx, {
                  program,
                  target,
                  emergency: null,
                  amountFen,
                  adjustReason: '按实际情况',
                  method: 'cash',
                  overBudgetReason: null,
                  note: null,
                  batchId: o.batch ? batches[o.program]! : null,
                  reissueOf: null,
                });
                ctx.audit({ recordType: 'aidPayment', recordId: id, event: 'aid.paymentCreated', params: {} });
                made.push(id);
              }),
            );
            if (o.over) expect(ok).toBe(false);
          } else if (made.length > 0 && o.kind === 'void') {
            attempt(() => voidOne(ctxFor('aid.void', reviewer), { id: made[o.k % made.length]!, reason: '测试作废' }));
          } else if (made.length > 0 && o.kind === 'reissue') {
            const amountFen = o.over ? 5_000_000 : 1 + (o.amount % 50_000);
            const ok = attempt(() =>
              made.push(
                reissue(ctxFor('aid.reissue', clerk), {
                  voidedId: made[o.k % made.length]!,
                  amountFen,
                  method: 'cash',
                  adjustReason: '按实际情况',
                  note: null,
                }).id,
              ),
            );
            if (o.over) expect(ok).toBe(false);
          }
          // The invariants, read back from the table after every step.
          const counted = "status <> 'voided' AND program_id IN (SELECT value FROM json_each(@programs))";
          const params = { programs: JSON.stringify(programs.map((p) => p.id)) };
          const perFile = sqlite
            .prepare(`SELECT file_id AS fileId, type, sum(amount_fen) AS fen FROM aid_payments WHERE ${counted} GROUP BY file_id, type`)
            .all(params) as { type: string; fen: number }[];
          for (const row of perFile.filter((r) => r.type === 'living')) expect(row.fen).toBeLessThanOrEqual(LIVING_CAP);
          for (const row of perFile.filter((r) => r.type === 'festival')) expect(row.fen).toBeLessThanOrEqual(120_000);
          const perStudent = sqlite
            .prepare(`SELECT sum(amount_fen) FROM aid_payments WHERE ${counted} AND type = 'education' GROUP BY file_id, student_id`)
            .pluck()
            .all(params) as number[];
          for (const fen of perStudent) expect(fen).toBeLessThanOrEqual(500_000);
          const totals = sqlite
            .prepare(`SELECT sum(amount_fen) FROM aid_payments WHERE ${counted} GROUP BY file_id`)
            .pluck()
            .all(params) as number[];
          for (const fen of totals) expect(fen).toBeLessThanOrEqual(TOTAL_CAP);
          const budgets = sqlite
            .prepare(`SELECT program_id AS id, sum(amount_fen) AS fen FROM aid_payments WHERE ${counted} GROUP BY program_id`)
            .all(params) as { id: string; fen: number }[];
          for (const b of budgets) expect(b.fen).toBeLessThanOrEqual(programs.find((p) => p.id === b.id)!.budgetFen ?? Infinity);
          const twice = sqlite
            .prepare(
              `SELECT count(*) FROM aid_payments WHERE ${counted} AND batch_id IS NOT NULL GROUP BY batch_id, file_id, student_id HAVING count(*) > 1`,
            )
            .all(params);
          expect(twice).toEqual([]);
        }
      }),
      { numRuns: 40, seed: 20261206 },
    );
    for (const code of ['ok', 'AID_OVER_CAP', 'AID_OVER_BUDGET', 'AID_DUPLICATE_IN_BATCH', 'AID_WRONG_STATE'])
      expect(seen.get(code), code).toBeGreaterThan(0);
    // The database holds the batch rule too, whatever the code above it does: a second row for a household is refused.
    const row = sqlite.prepare("SELECT * FROM aid_payments WHERE batch_id IS NOT NULL AND status <> 'voided' LIMIT 1").get() as Record<
      string,
      unknown
    >;
    expect(() =>
      sqlite
        .prepare(
          `INSERT INTO aid_payments SELECT ${Object.keys(row)
            .map((c) => (c === 'id' ? `'${uuidv7()}'` : c === 'voucher_serial' ? 'NULL' : c))
            .join(', ')} FROM aid_payments WHERE id = ?`,
        )
        .run(row.id),
    ).toThrow(/UNIQUE/);
  }, 120_000);
});
