import type { Sqlite } from '../../db/client';
import { COUNTED_PAYMENT, HOUSEHOLD_KEY, type PaymentWindow } from './aid-window';

/**
 * The aid tables' numbers (户数, 人次, 金额) counted from the payments a report counts (aid-window.ts), grouped by a
 * row dimension and a column dimension, with every subtotal: 户数 is a count of distinct households, which does not
 * add up across cells (a household paid from two fund sources is one household in the row's total), so each total
 * is counted, never summed from the cells.
 *
 * Speed (bench/reports-aid.bench.ts): the period's payments are read once from aid_payments_paid alone, without a
 * join per row: a program's type and fund source come from the few programs read first, and a filter on them
 * becomes a list of program ids. The cells are then added up in one pass (a set of households per cell), which is
 * several times cheaper than SQLite sorting the rows for each count(DISTINCT).
 */

/** What a table can be cut by: the program's type and fund source, the payment's school stage and program. */
export const PAYMENT_DIMS = ['type', 'source', 'stage', 'program'] as const;
export type PaymentDim = (typeof PAYMENT_DIMS)[number];
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

interface ProgramDims {
  type: string;
  source: string;
}

function programDims(sqlite: Sqlite): Map<string, ProgramDims> {
  const rows = sqlite.prepare('SELECT id, type, fund_source AS source FROM aid_programs').all() as ({ id: string } & ProgramDims)[];
  return new Map(rows.map((r) => [r.id, { type: r.type, source: r.source }]));
}

/**
 * The condition and parameters of a filter, appended to the counted-payment condition (on aid_payments p alone):
 * type, fund source and program as the list of the programs that match, the stage on the payment.
 */
export function filterSql(sqlite: Sqlite, filter: PaymentFilter): { sql: string; params: Record<string, string> } {
  let sql = '';
  const params: Record<string, string> = {};
  if (filter.type !== undefined || filter.source !== undefined || filter.program !== undefined) {
    const ids = [...programDims(sqlite)]
      .filter(([id, p]) => (filter.type ?? p.type) === p.type && (filter.source ?? p.source) === p.source && (filter.program ?? id) === id)
      .map(([id]) => id);
    sql += ' AND p.program_id IN (SELECT value FROM json_each(@f_programs))';
    params.f_programs = JSON.stringify(ids);
  }
  if (filter.stage !== undefined) {
    sql += " AND coalesce(p.school_stage, '') = @f_stage";
    params.f_stage = filter.stage;
  }
  return { sql, params };
}

/**
 * Counts by `row` × `col` (col null: one column, the row's totals only), with the rows' totals (col ALL), the
 * columns' totals (row ALL) and the grand total (ALL, ALL), in one read of the period's payments.
 */
export function countPayments(
  sqlite: Sqlite,
  window: PaymentWindow,
  row: PaymentDim,
  col: PaymentDim | null,
  filter: PaymentFilter = {},
): AidCounts {
  const programs = programDims(sqlite);
  const extra = filterSql(sqlite, filter);
  const valueOf = (dim: PaymentDim, programId: string, stage: string | null): string =>
    dim === 'program' ? programId : dim === 'stage' ? (stage ?? '') : (programs.get(programId)?.[dim] ?? '');
  type Tally = AidCell & { seen: Set<string> };
  const cells = new Map<string, Tally>();
  const cell = (key: string): Tally => {
    let found = cells.get(key);
    if (!found) cells.set(key, (found = { households: 0, personTimes: 0, fen: 0, seen: new Set() }));
    return found;
  };
  // The cells a payment adds to depend only on its program and stage: worked out once per pair, not per payment.
  const targets = new Map<string, Map<string | null, Tally[]>>();
  const targetsOf = (programId: string, stage: string | null): Tally[] => {
    let byStage = targets.get(programId);
    if (!byStage) targets.set(programId, (byStage = new Map()));
    let list = byStage.get(stage);
    if (!list) {
      const r = valueOf(row, programId, stage);
      const k = col ? valueOf(col, programId, stage) : ALL;
      const keys = col ? [`${r}\u0000${k}`, `${r}\u0000${ALL}`, `${ALL}\u0000${k}`] : [`${r}\u0000${ALL}`];
      byStage.set(stage, (list = [...keys, `${ALL}\u0000${ALL}`].map(cell)));
    }
    return list;
  };
  const rows = sqlite
    .prepare(
      `SELECT p.program_id, ${HOUSEHOLD_KEY}, p.amount_fen, p.school_stage FROM aid_payments p INDEXED BY aid_payments_paid
       WHERE ${COUNTED_PAYMENT}${extra.sql}`,
    )
    .raw()
    .all({ ...window, ...extra.params }) as [string, string, number, string | null][];
  for (const [programId, household, fen, stage] of rows) {
    for (const tally of targetsOf(programId, stage)) {
      tally.personTimes++;
      tally.fen += fen;
      if (!tally.seen.has(household)) {
        tally.seen.add(household);
        tally.households++;
      }
    }
  }
  return new AidCounts(new Map([...cells].map(([key, { households, personTimes, fen }]) => [key, { households, personTimes, fen }])));
}
