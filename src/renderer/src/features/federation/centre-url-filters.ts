import { AID_TYPES, PAYMENT_STATUSES, type AidType, type PaymentStatus } from '@shared/domain/aid';
import { CAUSES, type Cause } from '@shared/domain/hardship-codes';
import { FILE_STATUSES, type FileStatus } from '@shared/domain/hardship-lifecycle';
import { HARDSHIP_CATEGORIES, type HardshipCategory } from '@shared/domain/means-test';

/**
 * The filters a link sets on a centre's read-only tabs (CentrePage: the home page's charts, dashboard-links.ts), each
 * read against its codes: anything else in the link is left out, never passed on.
 */

/** The status filter's extra choice: 在档 and 复核中 together, as the home page's charts count households in force. */
export const IN_FORCE = 'inForce';
export type StatusChoice = FileStatus | typeof IN_FORCE;
export type CauseChoice = Cause | 'none';

export interface FilesFilter {
  status?: StatusChoice;
  category?: HardshipCategory;
  cause?: CauseChoice;
}

/** The filters a link sets (?inForce=1&category=deep&cause=6 or cause=none), each checked against its codes. */
export function filesFilterOf(params: URLSearchParams): FilesFilter {
  const status = params.get('status') ?? '';
  const category = params.get('category') ?? '';
  const cause = params.get('cause') ?? '';
  return {
    status:
      params.get('inForce') === '1' ? IN_FORCE : (FILE_STATUSES as readonly string[]).includes(status) ? (status as FileStatus) : undefined,
    category: (HARDSHIP_CATEGORIES as readonly string[]).includes(category) ? (category as HardshipCategory) : undefined,
    cause: ([...CAUSES, 'none'] as readonly string[]).includes(cause) ? (cause as CauseChoice) : undefined,
  };
}

export interface PaymentsFilter {
  year?: number;
  type?: AidType;
  status?: PaymentStatus;
  /** A program's id, and the local days entered from and to: set by a link only (the home page's charts). */
  program?: string;
  from?: string;
  to?: string;
}

const DAY = /^\d{4}-\d{2}-\d{2}$/;

/** The filters a link sets (?year=2026&type=festival&status=paid&program=…&from=2026-01-01&to=2026-01-31). */
export function paymentsFilterOf(params: URLSearchParams): PaymentsFilter {
  const year = Number(params.get('year'));
  const type = params.get('type') ?? '';
  const status = params.get('status') ?? '';
  const [from, to, program] = [params.get('from') ?? '', params.get('to') ?? '', params.get('program') ?? ''];
  return {
    year: Number.isInteger(year) && year >= 2000 && year <= 2100 ? year : undefined,
    type: (AID_TYPES as readonly string[]).includes(type) ? (type as AidType) : undefined,
    status: (PAYMENT_STATUSES as readonly string[]).includes(status) ? (status as PaymentStatus) : undefined,
    program: /^[0-9a-f-]{36}$/.test(program) ? program : undefined,
    from: DAY.test(from) ? from : undefined,
    to: DAY.test(to) ? to : undefined,
  };
}
