import type { PeriodDays } from '@shared/domain/report-period';
import { endOfLocalDay } from './report-frame';

/**
 * Which payments a report counts (docs/domain.md "Reports", payments): a payment belongs to the local day it was
 * paid on (paid_on, the day the clerk recorded as the day of paying; pending and approved payments have none and
 * are not aid given yet). It counts when that day lies in the period and not after the as-of day, and when it was
 * not voided by the end of the as-of day: a payment voided later still counts on a report as of an earlier day, as
 * it stood then. A voided payment's reissue is a payment of its own, paid on its own day; since a reissue is made
 * only after the void, a report never counts both. Rows marked deleted (none are, but the column exists) are left out.
 *
 * The rows are read from aid_payments through the index aid_payments_paid (migration 0028). A federation's reports
 * will read the same fields from exchange_records: only this window and the queries that use it know the table.
 */
export interface PaymentWindow {
  /** First local day counted, YYYY-MM-DD. */
  from: string;
  /** Last local day counted: the period's last day or the as-of day, whichever comes first. */
  to: string;
  /** The end of the as-of day (the next local midnight) as a stored instant: a void at or after it does not count. */
  voidedFrom: string;
}

export function paymentWindow(days: PeriodDays, asOf: string): PaymentWindow {
  return { from: days.from, to: days.to < asOf ? days.to : asOf, voidedFrom: endOfLocalDay(asOf) };
}

/**
 * The condition on aid_payments (alias p) for a counted payment, with named parameters @from, @to, @voidedFrom.
 * Written so that SQLite reads it from aid_payments_paid alone (a range on paid_on, the rest from the index's columns).
 */
export const COUNTED_PAYMENT = `p.paid_on IS NOT NULL AND p.deleted_at IS NULL AND p.paid_on >= @from AND p.paid_on <= @to
  AND (p.status = 'paid' OR (p.status = 'voided' AND p.voided_at >= @voidedFrom))`;

/**
 * The household a payment went to, for 户数: its file, or on the emergency route (no file) the worker's ID number,
 * so that two emergency payments to one worker are one household and a file's payments are one however many.
 */
export const HOUSEHOLD_KEY = `coalesce(p.file_id, 'id:' || p.recipient_id_number)`;
