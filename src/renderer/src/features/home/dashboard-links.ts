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

/**
 * Where the charts' numbers lead, in one place per mode: a centre's own lists, or at a federation the read-only
 * views of the centre counted (CentrePage reads these search params into its tabs' filters). For 各中心合计 no one
 * list holds the centres' files or payments together, so those numbers are not links (the bars per centre, each a
 * link, break them down); a program belongs to one centre and always links to its payments there.
 */
export interface ChartLinks {
  households: (filter?: { category?: HardshipCategory; cause?: Cause | null }) => string | undefined;
  month: (year: number, month: number, today: string, type?: AidType) => string | undefined;
  year: (year: number, today: string, type?: AidType) => string | undefined;
  program: (program: { id: string; centreCode?: string }, status?: 'paid') => string;
}

export const CENTRE_LINKS: ChartLinks = {
  households: householdsLink,
  month: monthLink,
  year: yearLink,
  program: (p, status) => programLink(p.id, status),
};

export const centrePageLink = (code: string, params: Record<string, string> = {}) => {
  const search = new URLSearchParams(params).toString();
  return `/federation/centres/${encodeURIComponent(code)}${search ? `?${search}` : ''}`;
};

/** A centre's files in force at the federation (the bar per centre, and a centre's households). */
export const fedHouseholdsLink = (code: string, filter: { category?: HardshipCategory; cause?: Cause | null } = {}) =>
  centrePageLink(code, {
    inForce: '1',
    ...(filter.category ? { category: filter.category } : {}),
    ...(filter.cause !== undefined ? { cause: filter.cause ?? 'none' } : {}),
  });

/** A centre's payments at the federation, filtered as the search params say. */
export const fedPaymentsLink = (code: string, params: Record<string, string>) => centrePageLink(code, { tab: 'payments', ...params });

/**
 * `year`: the charts' year, whose programs they list. A program's payments carry its year, so its link names the year
 * too: the list then reads the year's payments from the year's index, not every payment the centre sent.
 */
export function federationLinks(centre: string | null, year?: number): ChartLinks {
  const typed = (type?: AidType): Record<string, string> => (type ? { type } : {});
  return {
    households: (filter) => (centre ? fedHouseholdsLink(centre, filter) : undefined),
    month: (year, month, today, type) =>
      centre ? fedPaymentsLink(centre, { ...monthDays(year, month, today), ...typed(type) }) : undefined,
    year: (year, today, type) => {
      const end = `${year}-12-31`;
      return centre ? fedPaymentsLink(centre, { from: `${year}-01-01`, to: end < today ? end : today, ...typed(type) }) : undefined;
    },
    program: (p, status) =>
      fedPaymentsLink(p.centreCode ?? centre ?? '', {
        ...(year ? { year: String(year) } : {}),
        program: p.id,
        ...(status ? { status } : {}),
      }),
  };
}
