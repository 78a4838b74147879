/**
 * A whole day as a clerk types it into a form: 2019-3-1, 2019/3/1, 2019.3.1, 2019年3月1日, 20190301 (full-width
 * digits and stray spaces too). The reading itself is the sheet reader's (parseSheetDate), so a typed field and a
 * cell of an imported sheet read the same text the same way; a form only refuses what a sheet may also hold but a
 * clerk never means in a day field: an Excel serial, a month without a day, a two-digit year.
 *
 * Lives in shared/domain so that the forms (ClerkDateInput) and the core read dates alike.
 */
import { toHalfWidth } from './half-width';
import { parseSheetDate } from './sheet-date';

/** The shapes of a whole day: the digits may still name a day that never was (2019-02-30, 2019/13/1). */
const CLERK_DATE = /^(?:\d{8}|\d{4}([-/.])\d{1,2}\1\d{1,2}|\d{4}年\d{1,2}月\d{1,2}[日号]?)$/;

/**
 * UNREADABLE: not a date written in one of the ways above (0, 19/3/1, 2019年3月, abc).
 * IMPOSSIBLE: written as a date, but the day does not exist (2019-02-30, 2019/13/1) or is outside 1900–2099.
 */
export type ClerkDateProblem = 'UNREADABLE' | 'IMPOSSIBLE';
export type ClerkDate = { ok: true; date: string } | { ok: false; problem: ClerkDateProblem };

export function readClerkDate(text: string): ClerkDate {
  const normal = toHalfWidth(text).replace(/\s+/g, '');
  if (!CLERK_DATE.test(normal)) return { ok: false, problem: 'UNREADABLE' };
  const read = parseSheetDate(normal);
  if (read.ok && read.precision === 'day') return { ok: true, date: read.date };
  // The shape was right, so the numbers are what is wrong: say so rather than "cannot read".
  return { ok: false, problem: 'IMPOSSIBLE' };
}

/** YYYY-MM-DD, or null when the text is not a real day written in one of the ways above (2019/13/1 is not). */
export function parseClerkDate(text: string): string | null {
  const read = readClerkDate(text);
  return read.ok ? read.date : null;
}
