import { describe, expect, it } from 'vitest';
import { parseClerkDate } from '@renderer/components/clerk-date';

describe('a date typed into a form field', () => {
  it('is read in the ways clerks write it', () => {
    for (const typed of [
      '2019-3-1',
      '2019/3/1',
      '2019.3.1',
      '2019年3月1日',
      '2019年3月1号',
      '20190301',
      '２０１９/３/１',
      ' 2019 / 3 / 1 ',
    ]) {
      expect(parseClerkDate(typed), typed).toBe('2019-03-01');
    }
  });

  it('is refused rather than rolled over or guessed: no 13th month, no 30 February, no serials, months or short years', () => {
    for (const typed of ['2019/13/1', '2019-02-30', '2019-3', '201903', '2019', '20', '43525', '19/3/1', '2019年3月', 'abc', '0']) {
      expect(parseClerkDate(typed), typed).toBeNull();
    }
  });
});
