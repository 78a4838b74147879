import type { ChannelOutput, ParsedInput } from '@shared/contract';
import type { CallContext } from '../../context';
import type { Sqlite } from '../../db/client';
import { currentUnitRef } from '../roster/units.repo';
import { paymentItems } from './aid.repo';
import { keptTotals, periodTotals, unitTotals, type Groups } from './payment-list-totals';

/**
 * 发放记录 (aid.payments): the payments list with its filters, one page and the totals of the whole selection, all
 * in SQL. Every filter column leads an index that goes on with entered_at, status and amount_fen (schema/aid.ts),
 * so a filtered page is read in the list's order; the page's rows are then read by primary key (paymentItems). The
 * totals come from the tables the payments' triggers keep (payment-list-totals.ts) when the filters allow, else from
 * the narrowest filter's covering index. A unit's payments are those paid through it (aid_payments.unit_ref, the
 * unit of the file's member when the payment was entered), with those of spellings since merged into it.
 */

type Input = ParsedInput<'aid.payments'>;

/** The instant a local calendar day begins, in the stored form of entered_at (ISO, UTC). */
export function startOfLocalDay(date: string): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return new Date(y, m - 1, d).toISOString();
}

export function nextDay(date: string): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return new Date(y, m - 1, d + 1).toISOString();
}

/**
 * The unit refs a filter on unit `id` means: the unit it stands for today (a merged spelling means the unit it went
 * into) and every spelling merged into that one, since a payment keeps the ref it was paid through.
 */
function unitRefsOf(sqlite: Sqlite, id: string): number[] {
  return sqlite
    .prepare(
      `WITH RECURSIVE merged(ref) AS (SELECT @ref UNION SELECT u.ref FROM units u JOIN merged m ON u.merged_into_ref = m.ref)
       SELECT ref FROM merged ORDER BY ref`,
    )
    .pluck()
    .all({ ref: currentUnitRef(sqlite, id) }) as number[];
}

interface Where {
  sql: string;
  params: Record<string, string | number>;
  unitRefs: number[] | undefined;
}

function whereOf(ctx: CallContext, input: Input): Where {
  const conditions = ['p.deleted_at IS NULL'];
  const params: Record<string, string | number> = {};
  // A status or type beside a program, batch, file or unit is tested on the narrower index's rows ("+" keeps SQLite
  // from choosing the status or type index instead: at 1,000,000 payments, program + 待发放 went from 255 ms to a
  // walk of the program's own payments in the list's order).
  const narrow = [input.programId, input.batchId, input.fileId, input.unitId].some((f) => f !== undefined);
  const equal = (column: string, name: string, value: string | undefined, broad = false) => {
    if (value === undefined) return;
    conditions.push(`${broad && narrow ? '+' : ''}p.${column} = @${name}`);
    params[name] = value;
  };
  equal('program_id', 'programId', input.programId);
  equal('batch_id', 'batchId', input.batchId);
  equal('file_id', 'fileId', input.fileId);
  equal('type', 'type', input.type, true);
  equal('status', 'status', input.status, true);
  if (input.from) {
    conditions.push('p.entered_at >= @from');
    params.from = startOfLocalDay(input.from);
  }
  if (input.to) {
    conditions.push('p.entered_at < @to');
    params.to = nextDay(input.to);
  }
  const unitRefs = input.unitId === undefined ? undefined : unitRefsOf(ctx.sqlite, input.unitId);
  if (unitRefs?.length === 1) {
    // One ref (the usual case): aid_payments_unit gives the unit's page in the list's order.
    conditions.push('p.unit_ref = @unitRef');
    params.unitRef = unitRefs[0]!;
  } else if (unitRefs) {
    conditions.push('p.unit_ref IN (SELECT value FROM json_each(@unitRefs))');
    params.unitRefs = JSON.stringify(unitRefs);
  }
  return { sql: conditions.join(' AND '), params, unitRefs };
}

/**
 * The totals' groups: from a kept table when the filters allow (payment-list-totals.ts), else from the narrowest
 * filter's index.
 */
function totalGroups(ctx: CallContext, input: Input, where: Where): Groups {
  const dates = input.from !== undefined || input.to !== undefined;
  if (input.fileId === undefined) {
    if (!dates && where.unitRefs) return unitTotals(ctx.sqlite, where.unitRefs, input);
    if (!dates) return keptTotals(ctx.sqlite, input);
    if (input.programId === undefined && input.batchId === undefined && !where.unitRefs) {
      const span = [where.params.from, where.params.to] as [string | undefined, string | undefined];
      return periodTotals(ctx.sqlite, span[0], span[1], input);
    }
  }
  if (input.fileId === undefined) {
    // Dates with a program, a batch or a unit: that filter's kept total less what lies outside the span, when little
    // does (a program's payments are mostly of its own year: a year's span leaves nothing outside), else a count of
    // what lies inside, from the filter's own index.
    const kept = where.unitRefs ? unitTotals(ctx.sqlite, where.unitRefs, input) : keptTotals(ctx.sqlite, input);
    const outside = outsideSpan(ctx, input);
    if (outside) return subtracted(kept, outside);
  }
  return countedGroups(ctx.sqlite, where.sql, where.params);
}

function countedGroups(sqlite: Sqlite, sql: string, params: Record<string, unknown>, limit?: number): Groups {
  const rows = limit === undefined ? '' : `LIMIT ${limit}`;
  return sqlite
    .prepare(
      `SELECT status, count(*) AS n, coalesce(sum(amount_fen), 0) AS fen
       FROM (SELECT p.status, p.amount_fen FROM aid_payments p WHERE ${sql} ${rows}) GROUP BY status`,
    )
    .all(params) as Groups;
}

/**
 * Beyond this many payments before or after a span, counting the span itself is the cheaper way. Low, because the
 * look costs up to this many rows for nothing when much lies outside (the largest unit and one year: 40,000 before
 * it). A test lowers it to hold both ways to the same answers.
 */
export const spanTuning = { outsideCap: 1_000 };

/** The payments of the other filters before the span and after it, or undefined when either side is large. */
function outsideSpan(ctx: CallContext, input: Input): Groups | undefined {
  const base = whereOf(ctx, { ...input, from: undefined, to: undefined });
  const parts: Groups[] = [];
  for (const [condition, instant] of [
    ['p.entered_at < @edge', input.from && startOfLocalDay(input.from)],
    ['p.entered_at >= @edge', input.to && nextDay(input.to)],
  ] as const) {
    if (!instant) continue;
    const groups = countedGroups(ctx.sqlite, `${base.sql} AND ${condition}`, { ...base.params, edge: instant }, spanTuning.outsideCap + 1);
    if (groups.reduce((sum, g) => sum + g.n, 0) > spanTuning.outsideCap) return undefined;
    parts.push(groups);
  }
  return parts.flat();
}

function subtracted(kept: Groups, outside: Groups): Groups {
  const byStatus = new Map(kept.map((g) => [g.status, { ...g }]));
  for (const g of outside) {
    // Never missing while the kept table agrees with the rows (the property test holds them to it).
    const sum = byStatus.get(g.status) ?? { status: g.status, n: 0, fen: 0 };
    byStatus.set(g.status, sum);
    sum.n -= g.n;
    sum.fen -= g.fen;
  }
  return [...byStatus.values()].filter((g) => g.n > 0);
}

export function listPayments(ctx: CallContext, input: Input): ChannelOutput<'aid.payments'> {
  const where = whereOf(ctx, input);
  // Only dates: their index gives the page in order (the planner would rather skip-scan the status index and sort).
  const others = [input.programId, input.batchId, input.fileId, input.type, input.status, input.unitId];
  const onlyDates = (input.from ?? input.to) !== undefined && others.every((f) => f === undefined);
  const ids = ctx.sqlite
    .prepare(
      `SELECT p.id FROM aid_payments p ${onlyDates ? 'INDEXED BY aid_payments_entered' : ''} WHERE ${where.sql}
       ORDER BY p.entered_at DESC, p.rowid DESC LIMIT @limit OFFSET @offset`,
    )
    .pluck()
    .all({ ...where.params, limit: input.pageSize, offset: (input.page - 1) * input.pageSize }) as string[];
  const groups = totalGroups(ctx, input, where);
  const counted = groups.filter((g) => g.status !== 'voided');
  return {
    rows: paymentItems(ctx.sqlite, ids),
    total: groups.reduce((sum, g) => sum + g.n, 0),
    totals: {
      // What was (or will be) paid: voided payments are counted by status only.
      count: counted.reduce((sum, g) => sum + g.n, 0),
      amountFen: counted.reduce((sum, g) => sum + g.fen, 0),
      byStatus: Object.fromEntries(groups.map((g) => [g.status, g.n])),
      voidedFen: groups.filter((g) => g.status === 'voided').reduce((sum, g) => sum + g.fen, 0),
    },
  };
}
