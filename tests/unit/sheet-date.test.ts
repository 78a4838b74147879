import { describe, expect, it } from 'vitest';
import { excelSerialToDate, parseSheetDate } from '@shared/domain/sheet-date';
import { daysInMonth, formatIsoDate, isIsoDate, isLeapYear, isRealDate } from '@shared/domain/calendar';

const day = (date: string) => ({ ok: true, date, precision: 'day' });
const month = (date: string) => ({ ok: true, date, precision: 'month' });
const BAD = { ok: false, problem: 'BAD_DATE' };

describe('calendar helpers', () => {
  it.each([
    [2000, true],
    [2024, true],
    [1904, true],
    [1900, false],
    [2100, false],
    [2023, false],
  ])('leap year %i: %s', (year, leap) => {
    expect(isLeapYear(year)).toBe(leap);
    expect(daysInMonth(year, 2)).toBe(leap ? 29 : 28);
  });

  it('knows the lengths of the months and refuses impossible dates', () => {
    expect([1, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12].map((m) => daysInMonth(2019, m))).toEqual([31, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]);
    expect(isRealDate(2019, 2, 28)).toBe(true);
    expect(isRealDate(2019, 2, 29)).toBe(false);
    expect(isRealDate(2019, 4, 31)).toBe(false);
    expect(isRealDate(2019, 0, 1)).toBe(false);
    expect(isRealDate(2019, 13, 1)).toBe(false);
    expect(isRealDate(2019, 1, 0)).toBe(false);
    expect(isRealDate(2019.5, 1, 1)).toBe(false);
  });

  it('formats and recognises YYYY-MM-DD', () => {
    expect(formatIsoDate(2019, 5, 1)).toBe('2019-05-01');
    expect(formatIsoDate(987, 12, 31)).toBe('0987-12-31');
    expect(isIsoDate('2019-05-01')).toBe(true);
    expect(isIsoDate('2019-5-1')).toBe(false);
    expect(isIsoDate('2019-02-29')).toBe(false);
  });
});

describe('Excel serial numbers (1900 date system)', () => {
  it.each([
    [1, '1900-01-01'],
    [31, '1900-01-31'],
    [59, '1900-02-28'],
    [61, '1900-03-01'],
    [367, '1901-01-01'],
    [25569, '1970-01-01'],
    [36526, '2000-01-01'],
    [43586, '2019-05-01'],
    [43586.75, '2019-05-01'],
    [45351, '2024-02-29'],
    [73050, '2099-12-31'],
  ])('%d → %s', (serial, date) => {
    expect(excelSerialToDate(serial)).toEqual(day(date));
    expect(parseSheetDate(serial)).toEqual(day(date));
  });

  it('refuses serial 60, Excel’s 1900-02-29 that never existed', () => {
    expect(excelSerialToDate(60)).toEqual(BAD);
    expect(excelSerialToDate(60.5)).toEqual(BAD);
    expect(parseSheetDate(60)).toEqual(BAD);
  });

  it.each([0, 0.5, -1, 73051, 99999, Number.NaN, Number.POSITIVE_INFINITY])('refuses serial %d', (serial) => {
    expect(parseSheetDate(serial)).toEqual(BAD);
  });

  it('reads a bare year as a typed year, not as a serial in 1905', () => {
    expect(excelSerialToDate(1990)).toEqual(day('1905-06-12'));
    expect(parseSheetDate(1990)).toEqual(BAD);
    expect(parseSheetDate('1990')).toEqual(BAD);
    expect(parseSheetDate(1899)).toEqual(day('1905-03-13'));
  });

  it('accepts serials given as text', () => {
    expect(parseSheetDate('43586')).toEqual(day('2019-05-01'));
    expect(parseSheetDate(' 43586 ')).toEqual(day('2019-05-01'));
    expect(parseSheetDate('43586.5')).toEqual(day('2019-05-01'));
    expect(parseSheetDate('４３５８６')).toEqual(day('2019-05-01'));
    expect(parseSheetDate('61')).toEqual(day('1900-03-01'));
    expect(parseSheetDate('60')).toEqual(BAD);
  });
});

describe('numbers typed as dates', () => {
  it.each<[number, ReturnType<typeof day>]>([
    [20190501, day('2019-05-01')],
    [19491231, day('1949-12-31')],
    [20000229, day('2000-02-29')],
    [201905, month('2019-05-01')],
    [190001, month('1900-01-01')],
  ])('%d', (value, expected) => {
    expect(parseSheetDate(value)).toEqual(expected);
  });

  it.each([20190230, 20191301, 201913, 201900, 18991231, 21000101, 123456, 1234567, 123456789])('refuses %d', (value) => {
    expect(parseSheetDate(value)).toEqual(BAD);
  });
});

describe('Date objects', () => {
  it('uses the UTC date, which is what spreadsheet libraries put at midnight', () => {
    expect(parseSheetDate(new Date(Date.UTC(2019, 4, 1)))).toEqual(day('2019-05-01'));
    expect(parseSheetDate(new Date('2019-05-01T23:59:59.999Z'))).toEqual(day('2019-05-01'));
    expect(parseSheetDate(new Date(Date.UTC(2000, 1, 29)))).toEqual(day('2000-02-29'));
    expect(parseSheetDate(new Date(Date.UTC(1900, 0, 1)))).toEqual(day('1900-01-01'));
  });

  it('refuses invalid dates and years outside 1900–2099', () => {
    expect(parseSheetDate(new Date('not a date'))).toEqual(BAD);
    expect(parseSheetDate(new Date(Date.UTC(1899, 11, 31)))).toEqual(BAD);
    expect(parseSheetDate(new Date(Date.UTC(2100, 0, 1)))).toEqual(BAD);
  });
});

describe('text', () => {
  it.each([
    ['2019-05-01', day('2019-05-01')],
    ['2019-5-1', day('2019-05-01')],
    ['2019/5/1', day('2019-05-01')],
    ['2019/05/01', day('2019-05-01')],
    ['2019.05.01', day('2019-05-01')],
    ['2019.5.1', day('2019-05-01')],
    ['2019年5月1日', day('2019-05-01')],
    ['2019年05月01日', day('2019-05-01')],
    ['2019年05月01号', day('2019-05-01')],
    ['2019年5月1', day('2019-05-01')],
    ['2019 年 5 月 1 日', day('2019-05-01')],
    ['20190501', day('2019-05-01')],
    ['２０１９－０５－０１', day('2019-05-01')],
    ['２０１９年５月１日', day('2019-05-01')],
    ['２０１９０５０１', day('2019-05-01')],
    ['  2019/5/1  ', day('2019-05-01')],
    ['\u30002019-05-01\u3000', day('2019-05-01')],
    ['2019-05-01 00:00:00', day('2019-05-01')],
    ['2019/5/1 8:30', day('2019-05-01')],
    ['2019-05-01T00:00', day('2019-05-01')],
    ['2000-02-29', day('2000-02-29')],
    ['1900-01-01', day('1900-01-01')],
    ['2099-12-31', day('2099-12-31')],
    ['201905', month('2019-05-01')],
    ['2019-5', month('2019-05-01')],
    ['2019-05', month('2019-05-01')],
    ['2019/05', month('2019-05-01')],
    ['2019.5', month('2019-05-01')],
    ['2019年5月', month('2019-05-01')],
    ['2019年05月', month('2019-05-01')],
    ['2019年5', month('2019-05-01')],
    ['２０１９年５月', month('2019-05-01')],
  ])('%j', (text, expected) => {
    expect(parseSheetDate(text)).toEqual(expected);
  });

  it.each([
    ['empty', ''],
    ['spaces', '   '],
    ['30 February', '2019-02-30'],
    ['29 February in a common year', '2019-02-29'],
    ['29 February 1900', '1900-02-29'],
    ['31 April', '2019/4/31'],
    ['month 13', '2019-13-01'],
    ['month 0', '2019-00-10'],
    ['day 0', '2019-05-00'],
    ['month 13 in Chinese', '2019年13月'],
    ['compact with a bad day', '20190230'],
    ['compact month 13', '201913'],
    ['mixed separators', '2019-05/01'],
    ['two-digit year', '19/5/1'],
    ['day first', '01/05/2019'],
    ['American order', '5/1/2019'],
    ['before 1900', '1899-12-31'],
    ['after 2099', '2100-01-01'],
    ['a year alone', '2019'],
    ['a year in Chinese alone', '2019年'],
    ['seven digits', '2019051'],
    ['with a time zone', '2019-04-30T16:00:00.000Z'],
    ['words', '不详'],
    ['Chinese numerals', '二〇一九年五月一日'],
    ['letters', 'May 1, 2019'],
    ['a negative number', '-5'],
    ['trailing garbage', '2019-05-01x'],
  ])('%s: %j', (_label, text) => {
    expect(parseSheetDate(text)).toEqual(BAD);
  });
});

describe('other values', () => {
  it.each([null, undefined, true, false, {}, [], [2019, 5, 1], { year: 2019 }, 43586n])('refuses %s', (value) => {
    expect(parseSheetDate(value)).toEqual(BAD);
  });
});
