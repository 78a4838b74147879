import type { ChannelOutput, ParsedInput } from '@shared/contract';
import type { CallContext } from '../../context';
import { currentUnitRef } from '../roster/units.repo';
import { paymentItems } from './aid.repo';

/**
 * 发放记录 (aid.payments): the payments list with its filters, one page and the totals of the whole selection, all
 * in SQL. Every filter column leads an index that goes on with entered_at, status and amount_fen (schema/aid.ts),
 * so a filtered page is read in the list's order; the page's rows are then read by primary key (paymentItems). The
 * totals come from aid_payment_totals (kept by triggers) when the filters allow, else from the covering index. A unit's payments are those of its members' files (as the files list has it).
 */

type Input = ParsedInput<'aid.payments'>;

/** The instant a local calendar day begins, in the stored form of entered_at (ISO, UTC). */
function startOfLocalDay(date: string): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return new Date(y, m - 1, d).toISOString();
}

function nextDay(date: string): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return new Date(y, m - 1, d + 1).toISOString();
}

function whereOf(ctx: CallContext, input: Input): { sql: string; params: Record<string, string | number> } {
  const conditions = ['p.deleted_at IS NULL'];
  const params: Record<string, string | number> = {};
  // A status or type beside a program, batch or file is tested on the narrower index's rows ("+" keeps SQLite from
  // choosing the status or type index instead: at 1,000,000 payments, program + 待发放 went from 255 ms to a walk of
  // the program's own payments in the list's order).
  const narrow = input.programId !== undefined || input.batchId !== undefined || input.fileId !== undefined;
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
  if (input.unitId) {
    // The unit's members' files first (a few hundred), then their payments by aid_payments_file.
    conditions.push(`p.file_id IN (SELECT f.id FROM hardship_files f INDEXED BY hardship_files_member
       WHERE f.deleted_at IS NULL AND unhex(replace(f.member_id, '-', '')) IN (SELECT m.id FROM members m WHERE m.unit_ref = @unitRef))`);
    params.unitRef = currentUnitRef(ctx.sqlite, input.unitId);
  }
  return { sql: conditions.join(' AND '), params };
}

type Groups = { status: string; n: number; fen: number }[];

/**
 * The totals' groups: from aid_payment_totals when every filter is one of its columns (a sum of a few hundred rows
 * whatever the table's size), else from the filter's covering index (a file's, a unit's or a span of dates').
 */
function totalGroups(ctx: CallContext, input: Input, where: { sql: string; params: Record<string, string | number> }): Groups {
  if (input.fileId === undefined && input.unitId === undefined && input.from === undefined && input.to === undefined) {
    const conditions = ['1 = 1'];
    const params: Record<string, string> = {};
    for (const [column, value] of [
      ['program_id', input.programId],
      ['batch_id', input.batchId],
      ['type', input.type],
      ['status', input.status],
    ] as const) {
      if (value === undefined) continue;
      conditions.push(`${column} = @${column}`);
      params[column] = value;
    }
    return ctx.sqlite
      .prepare(
        `SELECT status, sum(count) AS n, sum(amount_fen) AS fen FROM aid_payment_totals WHERE ${conditions.join(' AND ')}
         GROUP BY status HAVING sum(count) > 0`,
      )
      .all(params) as Groups;
  }
  return ctx.sqlite
    .prepare(
      `SELECT p.status, count(*) AS n, coalesce(sum(p.amount_fen), 0) AS fen FROM aid_payments p WHERE ${where.sql} GROUP BY p.status`,
    )
    .all(where.params) as Groups;
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
    },
  };
}
