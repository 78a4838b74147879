/**
 * Dates as spreadsheets hand them over: Date objects from a library, Excel serial numbers, and whatever clerks
 * typed (2019/5/1, 2019年5月1日, 20190501, 201905 …). A month without a day (入会 2019年5月) is kept as the first of
 * the month with precision 'month', so that a form can show it as a month and a report need not invent a day.
 *
 * Only years 1900–2099 are accepted: the 1900 date system starts there, no member or household record needs more,
 * and it keeps the reading of bare numbers unambiguous (a serial is at most 5 digits, 201905 is a month,
 * 20190501 a day).
 */
import { formatIsoDate, isRealDate } from './calendar';
import { toHalfWidth } from './half-width';

export type SheetDate = { ok: true; date: string; precision: 'day' | 'month' } | { ok: false; problem: 'BAD_DATE' };

const FIRST_YEAR = 1900;
const LAST_YEAR = 2099;
const DAY_MS = 86_400_000;

const BAD: SheetDate = { ok: false, problem: 'BAD_DATE' };

function fromParts(year: number, month: number, day: number, precision: 'day' | 'month'): SheetDate {
  if (year < FIRST_YEAR || year > LAST_YEAR || !isRealDate(year, month, day)) return BAD;
  return { ok: true, date: formatIsoDate(year, month, day), precision };
}

function fromUtcMs(ms: number): SheetDate {
  const d = new Date(ms);
  if (Number.isNaN(d.getTime())) return BAD;
  return fromParts(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate(), 'day');
}

/**
 * Excel's 1900 date system (ECMA-376 Part 1, §18.17.4): serial 1 is 1900-01-01, and serial 60 is 1900-02-29, a
 * day that never was, kept for compatibility with Lotus 1-2-3. So serials up to 59 count from 1899-12-31 and serials
 * from 61 on from 1899-12-30; 60 itself is rejected. A fraction is the time of day and is dropped.
 */
export function excelSerialToDate(serial: number): SheetDate {
  if (!Number.isFinite(serial)) return BAD;
  const whole = Math.floor(serial);
  if (whole < 1 || whole === 60) return BAD;
  const epoch = whole < 60 ? Date.UTC(1899, 11, 31) : Date.UTC(1899, 11, 30);
  return fromUtcMs(epoch + whole * DAY_MS);
}

/** 1990 in a date column is a year someone typed, not serial 1990 (1905-06-12): a date in 1905 is not worth it. */
function fromSerial(serial: number): SheetDate {
  return Number.isInteger(serial) && serial >= FIRST_YEAR && serial <= LAST_YEAR ? BAD : excelSerialToDate(serial);
}

/** 20190501 → a day, 201905 → a month; other digit strings are not compact dates. */
function fromCompactDigits(digits: string): SheetDate | undefined {
  if (digits.length === 8) return fromParts(+digits.slice(0, 4), +digits.slice(4, 6), +digits.slice(6), 'day');
  if (digits.length === 6) return fromParts(+digits.slice(0, 4), +digits.slice(4), 1, 'month');
  return undefined;
}

const WITH_SEPARATORS = /^(\d{4})([-/.])(\d{1,2})(?:\2(\d{1,2}))?$/;
const CHINESE = /^(\d{4})年(\d{1,2})(?:月(?:(\d{1,2})[日号]?)?)?$/;
const SERIAL_TEXT = /^\d{1,5}(\.\d+)?$/;
/** A time of day after the date (2019-05-01 08:30:00, 2019-05-01T00:00): dropped. With a zone it is refused. */
const TIME_OF_DAY = /(?:T|\s+)\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?$/;

function fromText(value: string): SheetDate {
  const text = toHalfWidth(value).trim().replace(TIME_OF_DAY, '').replace(/\s+/g, '');
  const compact = /^\d+$/.test(text) ? fromCompactDigits(text) : undefined;
  if (compact) return compact;
  const m = WITH_SEPARATORS.exec(text) ?? CHINESE.exec(text);
  if (!m) return SERIAL_TEXT.test(text) ? fromSerial(Number(text)) : BAD;
  // WITH_SEPARATORS captures the separator in group 2; CHINESE has none.
  const [year, month, day] = m[0].includes('年') ? [m[1], m[2], m[3]] : [m[1], m[3], m[4]];
  return day === undefined
    ? fromParts(Number(year), Number(month), 1, 'month')
    : fromParts(Number(year), Number(month), Number(day), 'day');
}

export function parseSheetDate(value: unknown): SheetDate {
  // Spreadsheet libraries (exceljs) give date cells as Date at UTC midnight: the UTC parts are the date shown.
  if (value instanceof Date) return fromUtcMs(value.getTime());
  if (typeof value === 'number') {
    // A clerk who types 20190501 into a General cell gets a number, not a date.
    if (Number.isInteger(value) && value > 0) {
      const compact = fromCompactDigits(String(value));
      if (compact) return compact;
    }
    return fromSerial(value);
  }
  if (typeof value === 'string') return fromText(value);
  return BAD;
}
