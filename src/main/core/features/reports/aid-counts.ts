import type { Sqlite } from '../../db/client';
import { COUNTED_PAYMENT, HOUSEHOLD_KEY, type PaymentWindow } from './aid-window';

/**
 * The aid tables' numbers (户数, 人次, 金额) counted from the payments a report counts (aid-window.ts), grouped by a
 * row dimension and a column dimension, with every subtotal: 户数 is a count of distinct households, which does not
 * add up across cells (a household paid from two fund sources is one household in the row's total), so each total
 * is counted, never summed from the cells.
 */

/** What a table can be cut by, as read from a payment (p) and its program (g). */
export const PAYMENT_DIMS = {
  type: 'g.type',
  source: 'g.fund_source',
  /** 助学's school stage; '' when the payment has none. */
  stage: "coalesce(p.school_stage, '')",
  program: 'p.program_id',
} as const;
export type PaymentDim = keyof typeof PAYMENT_DIMS;
export type PaymentFilter = Partial<Record<PaymentDim, string>>;

export interface AidCell {
  households: number;
  personTimes: number;
  fen: number;
}

/** The key of "every value" in a total's place: no code is '*'. */
export const ALL = '*';

export const EMPTY_CELL: AidCell = { households: 0, personTimes: 0, fen: 0 };

export class AidCounts {
  constructor(private readonly cells: Map<string, AidCell>) {}
  /** The cell of row value `row` and column value `col` (ALL for a total); zeros when no payment counts there. */
  get(row: string, col: string = ALL): AidCell {
    return this.cells.get(`${row}\u0000${col}`) ?? EMPTY_CELL;
  }
  /** The row values that have a payment, in no particular order (a table of programs lists these). */
  rows(): string[] {
    return [...new Set([...this.cells.keys()].map((key) => key.split('\u0000')[0]!))].filter((row) => row !== ALL);
  }
}

/** The condition and parameters of a filter, appended to the counted-payment condition. */
export function filterSql(filter: PaymentFilter): { sql: string; params: Record<string, string> } {
  const parts: string[] = [];
  const params: Record<string, string> = {};
  for (const [dim, value] of Object.entries(filter) as [PaymentDim, string][]) {
    parts.push(`${PAYMENT_DIMS[dim]} = @f_${dim}`);
    params[`f_${dim}`] = value;
  }
  return { sql: parts.map((p) => ` AND ${p}`).join(''), params };
}

/**
 * Counts by `row` × `col` (col null: one column, the row's totals only), with the rows' totals (col ALL), the
 * columns' totals (row ALL) and the grand total (ALL, ALL). One read of the period's payments: the distinct
 * households per cell are gathered once and every total is counted from them.
 */
export function countPayments(
  sqlite: Sqlite,
  window: PaymentWindow,
  row: PaymentDim,
  col: PaymentDim | null,
  filter: PaymentFilter = {},
): AidCounts {
  const extra = filterSql(filter);
  const colExpr = col ? PAYMENT_DIMS[col] : `'${ALL}'`;
  const totals = (r: string, k: string, by: string) =>
    `SELECT ${r} AS r, ${k} AS k, count(DISTINCT hh) AS households, sum(n) AS personTimes, sum(fen) AS fen FROM c${by ? ` GROUP BY ${by}` : ''}`;
  const rows = sqlite
    .prepare(
      `WITH c AS MATERIALIZED (
         SELECT ${PAYMENT_DIMS[row]} AS r, ${colExpr} AS k, ${HOUSEHOLD_KEY} AS hh, count(*) AS n, sum(p.amount_fen) AS fen
         FROM aid_payments p INDEXED BY aid_payments_paid JOIN aid_programs g ON g.id = p.program_id
         WHERE ${COUNTED_PAYMENT}${extra.sql}
         GROUP BY 1, 2, 3)
       ${col ? `${totals('r', 'k', 'r, k')} UNION ALL ` : ''}${totals('r', `'${ALL}'`, 'r')}
       UNION ALL ${col ? `${totals(`'${ALL}'`, 'k', 'k')} UNION ALL ` : ''}${totals(`'${ALL}'`, `'${ALL}'`, '')}`,
    )
    .all({ ...window, ...extra.params }) as ({ r: string; k: string } & AidCell)[];
  const cells = new Map<string, AidCell>();
  for (const { r, k, households, personTimes, fen } of rows) {
    // The grand total of an empty period is one row of zeros and nulls.
    cells.set(`${r}\u0000${k}`, { households, personTimes: personTimes ?? 0, fen: fen ?? 0 });
  }
  return new AidCounts(cells);
}
