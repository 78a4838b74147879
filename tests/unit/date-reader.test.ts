import { describe, expect, it } from 'vitest';
import { parseClerkDate, readClerkDate } from '@shared/domain/clerk-date';
import { parseSheetDate } from '@shared/domain/sheet-date';

/**
 * One table for every typed date and every sheet cell: the form's reader (ClerkDateInput, the core's checks) and the
 * imports' reader must read the same text the same way. `null` = refused; the form says why (UNREADABLE/IMPOSSIBLE).
 */
const TABLE: [typed: string, read: string | null, problem?: 'UNREADABLE' | 'IMPOSSIBLE'][] = [
  ['2019-3-1', '2019-03-01'],
  ['2019-03-01', '2019-03-01'],
  ['2019/3/1', '2019-03-01'],
  ['2019.3.1', '2019-03-01'],
  ['2019年3月1日', '2019-03-01'],
  ['2019年3月1号', '2019-03-01'],
  ['20190301', '2019-03-01'],
  ['２０１９/３/１', '2019-03-01'],
  [' 2019 / 3 / 1 ', '2019-03-01'],
  ['2031-01-01', '2031-01-01'],
  ['2024-02-29', '2024-02-29'],
  ['2019-02-30', null, 'IMPOSSIBLE'],
  ['2019/13/1', null, 'IMPOSSIBLE'],
  ['2023-02-29', null, 'IMPOSSIBLE'],
  ['2019年3月32日', null, 'IMPOSSIBLE'],
  ['20191301', null, 'IMPOSSIBLE'],
  ['1899-12-31', null, 'IMPOSSIBLE'],
  ['0', null, 'UNREADABLE'],
  ['19/3/1', null, 'UNREADABLE'],
  ['abc', null, 'UNREADABLE'],
  ['', null, 'UNREADABLE'],
];

describe('one date reader for forms and sheets', () => {
  it.each(TABLE)('typed %j reads as %j in a form field', (typed, read, problem) => {
    expect(parseClerkDate(typed)).toBe(read);
    expect(readClerkDate(typed)).toEqual(read === null ? { ok: false, problem } : { ok: true, date: read });
  });

  it.each(TABLE)('typed %j reads as %j in a sheet cell', (typed, read) => {
    const cell = parseSheetDate(typed);
    expect(cell.ok ? cell.date : null).toBe(read);
  });

  it('refuses in a form what a sheet may hold but a clerk never means as a day: a month, a serial', () => {
    for (const typed of ['2019-3', '201903', '2019年3月', '43525', '2019']) {
      expect(parseClerkDate(typed), typed).toBeNull();
    }
    expect(parseSheetDate('2019年3月')).toEqual({ ok: true, date: '2019-03-01', precision: 'month' });
  });
});
