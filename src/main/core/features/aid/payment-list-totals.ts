import type { Sqlite } from '../../db/client';

/**
 * The payments list's totals (count and sum per status) of a whole selection, read from the derived tables that the
 * payments table's triggers keep (migrations 0019 and 0020), so that a total over a million payments costs a few
 * hundred rows and not a read of every payment selected:
 * - no file, unit or dates: aid_payment_totals (program, batch, type, status);
 * - a unit, no dates: aid_payment_unit_totals (the same per unit);
 * - dates with at most a type and a status: aid_payment_period_totals for the whole UTC months and days of the span,
 *   and the payments index for the part-days at its ends (spanParts);
 * - dates with a program, a batch or a unit: that filter's kept total less the payments outside the span, or the
 *   span counted from the filter's own index when many lie outside (payment-list.ts outsideSpan);
 * - a file: a count over its own index (a household's few payments).
 */

export type Groups = { status: string; n: number; fen: number }[];

const MIDNIGHT = 'T00:00:00.000Z';
const DAY_MS = 86_400_000;

const nextDay = (day: string) => new Date(Date.parse(day + MIDNIGHT) + DAY_MS).toISOString().slice(0, 10);
function nextMonth(month: string): string {
  const [y, m] = month.split('-').map(Number) as [number, number];
  return new Date(Date.UTC(y, m, 1)).toISOString().slice(0, 7);
}

/**
 * A span of instants [from, to) (either end open) cut into what the tables hold: whole UTC months, whole UTC days
 * (the rest of the months at the two ends) and the part-days at its ends that only the rows can answer. A clerk's
 * local day starts at a local midnight (payment-list.ts startOfLocalDay), which in China is 16:00 UTC: the ends are
 * then 8 and 16 hours of payments read from the index, whatever the span's length. Ranges are [start, end).
 */
export interface SpanParts {
  months: [string, string] | null;
  days: [string, string][];
  instants: [string, string][];
}

export function spanParts(from: string | undefined, to: string | undefined): SpanParts {
  const firstDay = from === undefined ? '0000-01-01' : from.endsWith(MIDNIGHT) ? from.slice(0, 10) : nextDay(from.slice(0, 10));
  const endDay = to === undefined ? '9999-12-31' : to.slice(0, 10);
  if (firstDay >= endDay) {
    // Inside one UTC day (or its two neighbours' edges): a few hours of payments, read from the rows.
    return { months: null, days: [], instants: from !== undefined && to !== undefined && from < to ? [[from, to]] : [] };
  }
  const instants: [string, string][] = [];
  if (from !== undefined && from < firstDay + MIDNIGHT) instants.push([from, firstDay + MIDNIGHT]);
  if (to !== undefined && endDay + MIDNIGHT < to) instants.push([endDay + MIDNIGHT, to]);
  const firstMonth = firstDay.endsWith('-01') ? firstDay.slice(0, 7) : nextMonth(firstDay.slice(0, 7));
  const endMonth = endDay.slice(0, 7);
  if (firstMonth >= endMonth) return { months: null, days: [[firstDay, endDay]], instants };
  const days: [string, string][] = [];
  if (firstDay < `${firstMonth}-01`) days.push([firstDay, `${firstMonth}-01`]);
  if (`${endMonth}-01` < endDay) days.push([`${endMonth}-01`, endDay]);
  return { months: [firstMonth, endMonth], days, instants };
}

/** Groups added status by status; a status left with no payment is dropped (as the tables' HAVING does). */
function merged(parts: Groups[]): Groups {
  const byStatus = new Map<string, { n: number; fen: number }>();
  for (const g of parts.flat()) {
    const sum = byStatus.get(g.status) ?? { n: 0, fen: 0 };
    byStatus.set(g.status, { n: sum.n + g.n, fen: sum.fen + g.fen });
  }
  return [...byStatus].filter(([, s]) => s.n > 0).map(([status, s]) => ({ status, ...s }));
}

type Equal = [column: string, value: string | undefined];

function equalities(list: Equal[], params: Record<string, unknown>, prefix = ''): string {
  return list
    .filter(([, value]) => value !== undefined)
    .map(([column, value]) => {
      params[column] = value;
      return ` AND ${prefix}${column} = @${column}`;
    })
    .join('');
}

type KeptFilters = { programId?: string; batchId?: string; type?: string; status?: string };

/** The filters both kept tables have as columns. */
const keptColumns = (filters: KeptFilters): Equal[] => [
  ['program_id', filters.programId],
  ['batch_id', filters.batchId],
  ['type', filters.type],
  ['status', filters.status],
];

/** From aid_payment_totals: the whole table's selection by program, batch, type and status. */
export function keptTotals(sqlite: Sqlite, filters: KeptFilters): Groups {
  const params: Record<string, unknown> = {};
  const where = equalities(keptColumns(filters), params);
  return sqlite
    .prepare(
      `SELECT status, sum(count) AS n, sum(amount_fen) AS fen FROM aid_payment_totals WHERE 1 = 1${where}
       GROUP BY status HAVING sum(count) > 0`,
    )
    .all(params) as Groups;
}

/** From aid_payment_unit_totals: a unit's payments (with the spellings merged into it), by program, batch, type, status. */
export function unitTotals(sqlite: Sqlite, unitRefs: readonly number[], filters: KeptFilters): Groups {
  const params: Record<string, unknown> = { refs: JSON.stringify(unitRefs) };
  const where = equalities(keptColumns(filters), params);
  return sqlite
    .prepare(
      `SELECT status, sum(count) AS n, sum(amount_fen) AS fen FROM aid_payment_unit_totals
       WHERE unit_ref IN (SELECT value FROM json_each(@refs))${where} GROUP BY status HAVING sum(count) > 0`,
    )
    .all(params) as Groups;
}

/**
 * Payments entered in [from, to) (instants, either end open), with a type and a status if given: whole UTC months and
 * days from aid_payment_period_totals, the part-days at the ends from the rows (spanParts).
 */
export function periodTotals(
  sqlite: Sqlite,
  from: string | undefined,
  to: string | undefined,
  filters: { type?: string; status?: string },
): Groups {
  const parts = spanParts(from, to);
  const ranges: [grain: string, start: string, end: string][] = [
    ...(parts.months ? [['m', ...parts.months] as [string, string, string]] : []),
    ...parts.days.map(([start, end]) => ['d', start, end] as [string, string, string]),
  ];
  const found: Groups[] = [];
  if (ranges.length > 0) {
    const params: Record<string, unknown> = {};
    const where = equalities(
      [
        ['type', filters.type],
        ['status', filters.status],
      ],
      params,
    );
    // One arm per range, each a range of the primary key (grain, period, …).
    const arms = ranges.map(([grain, start, end], i) => {
      Object.assign(params, { [`g${i}`]: grain, [`s${i}`]: start, [`e${i}`]: end });
      return `SELECT status, count, amount_fen FROM aid_payment_period_totals
        WHERE grain = @g${i} AND period >= @s${i} AND period < @e${i}${where}`;
    });
    found.push(
      sqlite
        .prepare(`SELECT status, sum(count) AS n, sum(amount_fen) AS fen FROM (${arms.join(' UNION ALL ')}) GROUP BY status`)
        .all(params) as Groups,
    );
  }
  for (const [start, end] of parts.instants) {
    const params: Record<string, unknown> = { start, end };
    const where = equalities(
      [
        ['type', filters.type],
        ['status', filters.status],
      ],
      params,
      'p.',
    );
    found.push(
      sqlite
        .prepare(
          `SELECT p.status, count(*) AS n, coalesce(sum(p.amount_fen), 0) AS fen FROM aid_payments p
           WHERE p.deleted_at IS NULL AND p.entered_at >= @start AND p.entered_at < @end${where} GROUP BY p.status`,
        )
        .all(params) as Groups,
    );
  }
  return merged(found);
}
