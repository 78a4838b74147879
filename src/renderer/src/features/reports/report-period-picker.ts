import type { ReportPeriod } from '@shared/domain/report-period';
import { periodDays } from '@shared/domain/report-period';

/** The picker's fields: every kind's values are kept, so switching kinds back and forth loses nothing. */
export interface PeriodFields {
  kind: ReportPeriod['kind'];
  year: number;
  month: number;
  quarter: 1 | 2 | 3 | 4;
  from: string | null;
  to: string | null;
  asOf: string;
}

/** The current quarter, as of today (the office's clock): what a clerk most often reports. */
export function defaultFields(today: string): PeriodFields {
  const year = Number(today.slice(0, 4));
  const month = Number(today.slice(5, 7));
  const quarter = (Math.floor((month - 1) / 3) + 1) as 1 | 2 | 3 | 4;
  return { kind: 'quarter', year, month, quarter, from: `${today.slice(0, 4)}-01-01`, to: today, asOf: today };
}

/** The period the fields name, or null while a range is incomplete or backwards. */
export function periodOf(fields: PeriodFields): ReportPeriod | null {
  switch (fields.kind) {
    case 'month':
      return { kind: 'month', year: fields.year, month: fields.month };
    case 'quarter':
      return { kind: 'quarter', year: fields.year, quarter: fields.quarter };
    case 'year':
      return { kind: 'year', year: fields.year };
    case 'range':
      return fields.from && fields.to && fields.from <= fields.to ? { kind: 'range', from: fields.from, to: fields.to } : null;
  }
}

/** Why the fields cannot be run yet, said beside the button (a button that is off says why). */
export type PeriodProblem = 'fromMissing' | 'toMissing' | 'backwards' | 'asOfMissing' | 'asOfBeforePeriod';

export function periodProblem(fields: PeriodFields): PeriodProblem | null {
  if (fields.kind === 'range') {
    if (!fields.from) return 'fromMissing';
    if (!fields.to) return 'toMissing';
    if (fields.from > fields.to) return 'backwards';
  }
  if (!fields.asOf) return 'asOfMissing';
  const period = periodOf(fields);
  // The core refuses it too (REPORT_AS_OF_BEFORE_PERIOD): the records of a day before the period say nothing of it.
  if (period && fields.asOf < periodDays(period).from) return 'asOfBeforePeriod';
  return null;
}

/**
 * The as-of day that goes with a newly chosen period: today (the records as they stand now, late corrections
 * included), or the period's first day for a period not begun yet.
 */
export function asOfFor(period: ReportPeriod, today: string): string {
  const { from } = periodDays(period);
  return today < from ? from : today;
}
