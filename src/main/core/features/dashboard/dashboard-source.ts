import type { Sqlite } from '../../db/client';
import { spanParts } from '../aid/payment-list-totals';

/**
 * Where the director's charts read their rows from. A centre reads its own tables (centreSource); a federation will
 * read its centres' copies (exchange_records, docs/exchange-format.md "Records by table") through another source of
 * the same shape, per centre or combined, and the service that makes the charts stays as it is.
 */
export interface DashboardSource {
  /** Files in force (在档, 复核中) by category and main cause (null: none recorded). */
  householdsInForce(): { category: string | null; cause: string | null; n: number }[];
  /** Payments not voided entered in [from, to) (instants, stored form), by type. */
  paymentsByType(from: string, to: string): { type: string; n: number; fen: number }[];
  /** The year's programs, with what their payments not voided come to: paid, and pending or approved. */
  /** `centreCode`: at a federation, the centre whose program it is. */
  programsOfYear(year: number): {
    id: string;
    name: string;
    type: string;
    budgetFen: number | null;
    paidFen: number;
    unpaidFen: number;
    centreCode?: string;
  }[];
}

/** The statuses a file is in force in: the aid's rules pay these, and the reports count them as 在档. */
export const IN_FORCE_STATUSES = ['active', 'annualReview'] as const;
export const IN_FORCE = "('active', 'annualReview')";

/**
 * A centre's own tables. Households come from the index of the files in force (status, category and the draft's main
 * cause: migration 0029), named because without ANALYZE SQLite would rather take the status index and read every
 * file's draft (over a second at 100,000 files, the drafts being encrypted pages to decrypt). Payments come from the totals the payments' triggers keep (migration 0020's per UTC month and day, type
 * and status), cut as the payments list cuts a span of local days (spanParts): whole UTC months and days from the
 * table, the part-days at the ends from the rows, so a local month costs a few dozen kept rows and a day's payments.
 * Programs' sums come from aid_payment_totals (per program, batch, type and status).
 */
export function centreSource(sqlite: Sqlite): DashboardSource {
  return {
    householdsInForce: () => {
      // One status at a time, grouped in the index's own order: SQLite then reads the cause from the index (grouping
      // both statuses at once sorts in a temporary tree that reads every draft again: 126 ms against 4 at 10,000).
      const count = sqlite.prepare(
        `SELECT category, main_cause AS cause, count(*) AS n
         FROM hardship_files INDEXED BY hardship_files_in_force WHERE deleted_at IS NULL AND status = ?
         GROUP BY category, main_cause`,
      );
      return IN_FORCE_STATUSES.flatMap((status) => count.all(status) as { category: string | null; cause: string | null; n: number }[]);
    },
    paymentsByType: (from, to) => {
      const parts = spanParts(from, to);
      const arms: string[] = [];
      const params: Record<string, string> = {};
      const kept = [...(parts.months ? [['m', ...parts.months]] : []), ...parts.days.map((d) => ['d', ...d])] as [string, string, string][];
      kept.forEach(([grain, start, end], i) => {
        Object.assign(params, { [`g${i}`]: grain, [`s${i}`]: start, [`e${i}`]: end });
        arms.push(`SELECT type, count, amount_fen FROM aid_payment_period_totals
          WHERE grain = @g${i} AND period >= @s${i} AND period < @e${i} AND status <> 'voided'`);
      });
      parts.instants.forEach(([start, end], i) => {
        Object.assign(params, { [`a${i}`]: start, [`b${i}`]: end });
        arms.push(`SELECT type, 1 AS count, amount_fen FROM aid_payments
          WHERE deleted_at IS NULL AND entered_at >= @a${i} AND entered_at < @b${i} AND status <> 'voided'`);
      });
      if (arms.length === 0) return [];
      return sqlite
        .prepare(
          `SELECT type, sum(count) AS n, sum(amount_fen) AS fen FROM (${arms.join(' UNION ALL ')})
           GROUP BY type HAVING sum(count) > 0`,
        )
        .all(params) as { type: string; n: number; fen: number }[];
    },
    programsOfYear: (year) =>
      sqlite
        .prepare(
          `SELECT p.id, p.name, p.type, p.budget_fen AS budgetFen,
             coalesce((SELECT sum(t.amount_fen) FROM aid_payment_totals t WHERE t.program_id = p.id AND t.status = 'paid'), 0) AS paidFen,
             coalesce((SELECT sum(t.amount_fen) FROM aid_payment_totals t
                       WHERE t.program_id = p.id AND t.status IN ('pending', 'approved')), 0) AS unpaidFen
           FROM aid_programs p WHERE p.deleted_at IS NULL AND p.year = ? ORDER BY p.created_at, p.id`,
        )
        .all(year) as ReturnType<DashboardSource['programsOfYear']>,
  };
}
