import { toHalfWidth } from '@shared/domain/half-width';
import { parseSheetDate } from '@shared/domain/sheet-date';

/** A whole day as clerks type it: 2019-3-1, 2019/3/1, 2019.3.1, 2019年3月1日, 20190301 (never a serial or a month). */
const CLERK_DATE = /^(?:\d{8}|\d{4}[-/.]\d{1,2}[-/.]\d{1,2}|\d{4}年\d{1,2}月\d{1,2}[日号]?)$/;

/** YYYY-MM-DD, or null when the text is not a real day written in one of the ways above (2019/13/1 is not). */
export function parseClerkDate(text: string): string | null {
  const normal = toHalfWidth(text).replace(/\s+/g, '');
  if (!CLERK_DATE.test(normal)) return null;
  const read = parseSheetDate(normal);
  return read.ok && read.precision === 'day' ? read.date : null;
}
