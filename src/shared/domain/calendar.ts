/**
 * Calendar-date helpers shared by the ID number and spreadsheet date rules. Dates are `YYYY-MM-DD` strings
 * (docs/architecture.md §4), which compare correctly as strings.
 */

export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

export function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

/** A day that exists in the Gregorian calendar (years 1–9999): rejects 2019-02-30, 2019-13-01, 1900-02-29. */
export function isRealDate(year: number, month: number, day: number): boolean {
  return (
    Number.isInteger(year) &&
    Number.isInteger(month) &&
    Number.isInteger(day) &&
    year >= 1 &&
    year <= 9999 &&
    month >= 1 &&
    month <= 12 &&
    day >= 1 &&
    day <= daysInMonth(year, month)
  );
}

export function formatIsoDate(year: number, month: number, day: number): string {
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** `YYYY-MM-DD` naming a real day. */
export function isIsoDate(text: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  return m !== null && isRealDate(Number(m[1]), Number(m[2]), Number(m[3]));
}

const DAY_MS = 86_400_000;

/** Days since 1970-01-01 of a `YYYY-MM-DD` date (UTC, so no time zone or daylight saving can shift it). */
function epochDay(date: string): number {
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  return Date.UTC(year, month - 1, day) / DAY_MS;
}

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  return epochDay(to) - epochDay(from);
}

export function addDays(date: string, days: number): string {
  return new Date((epochDay(date) + days) * DAY_MS).toISOString().slice(0, 10);
}

/**
 * Which days are working days (工作日). Weekends are off, except the weekends the State Council moves work to
 * (调休上班); public holidays (法定节假日 and the days joined to them) are off. The lists are *policy* data, published
 * each year: an administrator keeps them, and a period counted in working days reads them.
 */
export interface WorkingCalendar {
  holidays: ReadonlySet<string>;
  workingWeekends: ReadonlySet<string>;
}

export const WEEKENDS_ONLY: WorkingCalendar = { holidays: new Set(), workingWeekends: new Set() };

export function isWorkingDay(date: string, calendar: WorkingCalendar): boolean {
  if (calendar.holidays.has(date)) return false;
  const weekday = new Date(epochDay(date) * DAY_MS).getUTCDay();
  return (weekday !== 0 && weekday !== 6) || calendar.workingWeekends.has(date);
}

/**
 * The last day of a period of `count` working days starting on `start` (which counts when it is a working day):
 * a notice put up on Monday 2026-11-16 for 5 working days runs to Friday 2026-11-20.
 */
export function lastOfWorkingDays(start: string, count: number, calendar: WorkingCalendar): string {
  if (!Number.isInteger(count) || count < 1) throw new RangeError('count');
  let day = start;
  let counted = isWorkingDay(day, calendar) ? 1 : 0;
  while (counted < count) {
    day = addDays(day, 1);
    if (isWorkingDay(day, calendar)) counted++;
  }
  return day;
}
