import type { ReportTableId } from '@shared/contract/reports';
import type { PeriodDays } from '@shared/domain/report-period';
import type { AidType } from '@shared/domain/aid';
import type { PaymentStatus } from '@shared/domain/aid';
import { maskIdNumber } from '@shared/domain/id-number';
import { AppError } from '@shared/errors';
import type { DrillOutput } from '@shared/contract/reports';
import type { CallContext } from '../../context';
import type { Sqlite } from '../../db/client';
import { PAYMENT_DIMS, filterSql, type PaymentFilter } from './aid-counts';
import { COUNTED_PAYMENT, paymentWindow } from './aid-window';
import { drillKey, type DrillPage } from './report-frame';

/**
 * The drill key of an aid table's number (the payments behind it) and its list. The key is `payments:` and the
 * cell's query as JSON (report-frame drillKey): the period's days, the as-of day and the cell's filter (type, fund
 * source, stage, program), so
 * the list is counted by the same condition as the number and has as many payments as its 人次.
 */
export const PAYMENTS_DRILL_PREFIX = 'payments';

export interface PaymentsDrillPayload {
  from: string;
  to: string;
  asOf: string;
  filter: PaymentFilter;
}

export function paymentsDrillKey(table: ReportTableId, days: PeriodDays, asOf: string, filter: PaymentFilter): string {
  return drillKey(PAYMENTS_DRILL_PREFIX, table, { from: days.from, to: days.to, asOf, ...filter });
}

const DAY = /^\d{4}-\d{2}-\d{2}$/;

/** The key's payload read back; null when it is malformed (the caller answers "not found"). */
export function parsePaymentsPayload(raw: unknown): PaymentsDrillPayload | null {
  if (typeof raw !== 'object' || raw === null) return null;
  const record = raw as Record<string, unknown>;
  const { from, to, asOf } = record;
  if (![from, to, asOf].every((d) => typeof d === 'string' && DAY.test(d))) return null;
  const filter: PaymentFilter = {};
  for (const dim of PAYMENT_DIMS) {
    const value = record[dim];
    if (typeof value === 'string') filter[dim] = value;
    else if (value !== undefined) return null;
  }
  return { from: from as string, to: to as string, asOf: asOf as string, filter };
}

export interface DrillPayment {
  paymentId: string;
  fileId: string | null;
  fileNo: string | null;
  recipientName: string;
  recipientIdMasked: string;
  type: AidType;
  programName: string;
  amountFen: number;
  paidOn: string | null;
  status: PaymentStatus;
  voucherNo: string | null;
}

/** A page of the payments behind a drill key (paid day, then the order they were written) and their whole count; null: not a key. */
export function drillPayments(sqlite: Sqlite, key: string, limit: number, offset: number): { rows: DrillPayment[]; total: number } | null {
  const colon = key.indexOf(':');
  if (key.slice(0, colon) !== PAYMENTS_DRILL_PREFIX) return null;
  let raw: unknown;
  try {
    raw = JSON.parse(key.slice(colon + 1));
  } catch {
    return null;
  }
  const parsed = parsePaymentsPayload(raw);
  if (!parsed) return null;
  const window = paymentWindow(parsed, parsed.asOf);
  const extra = filterSql(sqlite, parsed.filter);
  // The count and the page's choice read aid_payments_paid alone (rowid is in the index, the UUID is not); only the
  // page's rows are then read whole.
  const from = `FROM aid_payments p INDEXED BY aid_payments_paid WHERE ${COUNTED_PAYMENT}${extra.sql}`;
  const params = { ...window, ...extra.params };
  const total = sqlite.prepare(`SELECT count(*) ${from}`).pluck().get(params) as number;
  const rows = sqlite
    .prepare(
      `SELECT p.id AS paymentId, p.file_id AS fileId, f.file_no AS fileNo, p.recipient_name AS recipientName,
         p.recipient_id_number AS idNumber, p.type, g.name AS programName, p.amount_fen AS amountFen, p.paid_on AS paidOn,
         p.status, p.voucher_serial AS voucherNo
       FROM (SELECT p.rowid AS ref ${from} ORDER BY p.paid_on, p.rowid LIMIT @limit OFFSET @offset) page
       JOIN aid_payments p ON p.rowid = page.ref JOIN aid_programs g ON g.id = p.program_id
       LEFT JOIN hardship_files f ON f.id = p.file_id
       ORDER BY p.paid_on, p.rowid`,
    )
    .all({ ...params, limit, offset }) as (Omit<DrillPayment, 'recipientIdMasked'> & { idNumber: string })[];
  return {
    total,
    rows: rows.map(({ idNumber, ...row }) => ({ ...row, recipientIdMasked: maskIdNumber(idNumber) })),
  };
}

/** DRILL_HANDLERS' payments: the list behind a number of the aid tables. */
export function paymentsDrill(ctx: CallContext, raw: unknown, page: DrillPage): DrillOutput {
  const parsed = parsePaymentsPayload(raw);
  if (!parsed) throw new AppError('REPORT_DRILL_UNKNOWN');
  return { kind: 'payments', ...drillPayments(ctx.sqlite, `${PAYMENTS_DRILL_PREFIX}:${JSON.stringify(raw)}`, page.limit, page.offset)! };
}
