/**
 * The period a report covers and the day it is computed "as of" (docs/domain.md "Reports"). Reports are computed from
 * the records as they stood at the end of `asOf` (a local day), never from stored numbers, so a late correction shows
 * in the next run. A period is a month, a quarter, a year or any from–to range of local days, both ends included.
 */
export type ReportPeriod =
  | { kind: 'month'; year: number; month: number }
  | { kind: 'quarter'; year: number; quarter: 1 | 2 | 3 | 4 }
  | { kind: 'year'; year: number }
  | { kind: 'range'; from: string; to: string };

export interface PeriodDays {
  /** First local day, YYYY-MM-DD, included. */
  from: string;
  /** Last local day, YYYY-MM-DD, included. */
  to: string;
}

const pad = (n: number) => String(n).padStart(2, '0');

function lastDayOfMonth(year: number, month: number): number {
  // Day 0 of the next month is this month's last day; UTC so that no time zone moves it.
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** The first and last day of a period. */
export function periodDays(period: ReportPeriod): PeriodDays {
  switch (period.kind) {
    case 'month':
      return {
        from: `${period.year}-${pad(period.month)}-01`,
        to: `${period.year}-${pad(period.month)}-${pad(lastDayOfMonth(period.year, period.month))}`,
      };
    case 'quarter': {
      const first = (period.quarter - 1) * 3 + 1;
      const last = first + 2;
      return { from: `${period.year}-${pad(first)}-01`, to: `${period.year}-${pad(last)}-${pad(lastDayOfMonth(period.year, last))}` };
    }
    case 'year':
      return { from: `${period.year}-01-01`, to: `${period.year}-12-31` };
    case 'range':
      return { from: period.from, to: period.to };
  }
}

/** How a period is printed on a report: 2026年第三季度, 2026年11月, 2026年度, 2026-01-05 至 2026-02-10. */
export function periodLabel(period: ReportPeriod): string {
  switch (period.kind) {
    case 'month':
      return `${period.year}年${period.month}月`;
    case 'quarter':
      return `${period.year}年第${'一二三四'[period.quarter - 1]}季度`;
    case 'year':
      return `${period.year}年度`;
    case 'range':
      return `${period.from} 至 ${period.to}`;
  }
}
