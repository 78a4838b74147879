import type { PeriodDays } from '@shared/domain/report-period';
import type { AidType } from '@shared/domain/aid';
import type { PaymentStatus } from '@shared/domain/aid';
import { maskIdNumber } from '@shared/domain/id-number';
import type { Sqlite } from '../../db/client';
import { PAYMENT_DIMS, filterSql, type PaymentDim, type PaymentFilter } from './aid-counts';
import { COUNTED_PAYMENT, paymentWindow } from './aid-window';

/**
 * The drill key of an aid table's number (the payments behind it) and its list. The key is `payments:` and the
 * query of the cell: the period's days, the as-of day and the cell's filter (type, fund source, stage, program), so
 * the list is counted by the same condition as the number and has as many payments as its 人次.
 */
export const PAYMENTS_DRILL_PREFIX = 'payments';

export function paymentsDrillKey(days: PeriodDays, asOf: string, filter: PaymentFilter): string {
  const query = new URLSearchParams({ from: days.from, to: days.to, asOf });
  for (const [dim, value] of Object.entries(filter)) query.set(dim, value);
  return `${PAYMENTS_DRILL_PREFIX}:${query.toString()}`;
}

const DAY = /^\d{4}-\d{2}-\d{2}$/;

/** The key read back; null when it is not one of ours or is malformed (the caller answers "not found"). */
export function parsePaymentsDrillKey(key: string): { days: PeriodDays; asOf: string; filter: PaymentFilter } | null {
  if (!key.startsWith(`${PAYMENTS_DRILL_PREFIX}:`)) return null;
  const query = new URLSearchParams(key.slice(PAYMENTS_DRILL_PREFIX.length + 1));
  const from = query.get('from') ?? '';
  const to = query.get('to') ?? '';
  const asOf = query.get('asOf') ?? '';
  if (![from, to, asOf].every((d) => DAY.test(d))) return null;
  const filter: PaymentFilter = {};
  for (const dim of Object.keys(PAYMENT_DIMS) as PaymentDim[]) {
    const value = query.get(dim);
    if (value !== null) filter[dim] = value;
  }
  return { days: { from, to }, asOf, filter };
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

/** A page of the payments behind a drill key (paid day, then entry order) and their whole count; null: not a key. */
export function drillPayments(sqlite: Sqlite, key: string, limit: number, offset: number): { rows: DrillPayment[]; total: number } | null {
  const parsed = parsePaymentsDrillKey(key);
  if (!parsed) return null;
  const window = paymentWindow(parsed.days, parsed.asOf);
  const extra = filterSql(parsed.filter);
  const from = `FROM aid_payments p INDEXED BY aid_payments_paid JOIN aid_programs g ON g.id = p.program_id
    WHERE ${COUNTED_PAYMENT}${extra.sql}`;
  const params = { ...window, ...extra.params };
  const total = sqlite.prepare(`SELECT count(*) ${from}`).pluck().get(params) as number;
  const rows = sqlite
    .prepare(
      `SELECT p.id AS paymentId, p.file_id AS fileId, f.file_no AS fileNo, p.recipient_name AS recipientName,
         p.recipient_id_number AS idNumber, p.type, g.name AS programName, p.amount_fen AS amountFen, p.paid_on AS paidOn,
         p.status, p.voucher_serial AS voucherNo
       FROM (SELECT p.id ${from} ORDER BY p.paid_on, p.id LIMIT @limit OFFSET @offset) page
       JOIN aid_payments p ON p.id = page.id JOIN aid_programs g ON g.id = p.program_id
       LEFT JOIN hardship_files f ON f.id = p.file_id
       ORDER BY p.paid_on, p.id`,
    )
    .all({ ...params, limit, offset }) as (Omit<DrillPayment, 'recipientIdMasked'> & { idNumber: string })[];
  return {
    total,
    rows: rows.map(({ idNumber, ...row }) => ({ ...row, recipientIdMasked: maskIdNumber(idNumber) })),
  };
}
