import type { AidType } from '@shared/domain/aid';
import type { Cause } from '@shared/domain/hardship-codes';
import type { HardshipCategory } from '@shared/domain/means-test';

/**
 * Where each number of the director's charts leads: the list filtered so that it shows exactly what was counted
 * (the files list reads status=inForce, category and cause, files-url-filters.ts; the payments list reads program,
 * status, type, from and to, PaymentsPage.tsx). The core counts a month up to today, as the link's `to` says.
 */

const pad = (n: number) => String(n).padStart(2, '0');

export const householdsLink = (filter: { category?: HardshipCategory; cause?: Cause | null } = {}) => {
  const params = new URLSearchParams({ status: 'inForce' });
  if (filter.category) params.set('category', filter.category);
  if (filter.cause !== undefined) params.set('cause', filter.cause ?? 'none');
  return `/files?${params}`;
};

/** The days of a local month the core counted: its first to its last, or to today for the month under way. */
export function monthDays(year: number, month: number, today: string): { from: string; to: string } {
  const last = new Date(Date.UTC(year, month, 0)).toISOString().slice(0, 10);
  return { from: `${year}-${pad(month)}-01`, to: last < today ? last : today };
}

export const monthLink = (year: number, month: number, today: string, type?: AidType) => {
  const params = new URLSearchParams(monthDays(year, month, today));
  if (type) params.set('type', type);
  return `/aid/payments?${params}`;
};

/** A year's payments of a type (or all): from 1 January to its end, or to today. */
export const yearLink = (year: number, today: string, type?: AidType) => {
  const end = `${year}-12-31`;
  const params = new URLSearchParams({ from: `${year}-01-01`, to: end < today ? end : today });
  if (type) params.set('type', type);
  return `/aid/payments?${params}`;
};

export const programLink = (id: string, status?: 'paid') => `/aid/payments?program=${id}${status ? `&status=${status}` : ''}`;
