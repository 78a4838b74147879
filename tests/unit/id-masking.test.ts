import { describe, expect, it } from 'vitest';
import { maskedIdView } from '@shared/domain/id-number';
import { candidatesFor } from '../core/support/id-candidates';
import { idOf } from '../core/support/hardship';

describe('a masked ID number with the birth year cannot be rebuilt', () => {
  it('leaves 32–35 candidates in every year and for every check character (never one)', () => {
    let fewest = Infinity;
    let most = 0;
    for (let year = 1900; year <= 2099; year++) {
      for (const check of '10X98765432') {
        const n = candidatesFor(`110105********101${check}`, year).length;
        fewest = Math.min(fewest, n);
        most = Math.max(most, n);
      }
    }
    expect([fewest, most]).toEqual([32, 35]);
  });

  it('gives the mask, the gender and the year, and nothing of month or day', () => {
    const id = idOf('44010619850312123');
    const view = maskedIdView(id);
    expect(view).toEqual({ idNumberMasked: `440106********${id.slice(-4)}`, gender: 'male', birthYear: 1985 });
    expect(JSON.stringify(view)).not.toContain('0312');
    const candidates = candidatesFor(view.idNumberMasked, view.birthYear);
    expect(candidates).toContain(id);
    expect(candidates.length).toBeGreaterThan(30);
  });

  it('a birth date beside the mask (as the roster sent it) gives the number away: the check this change answers', () => {
    const id = idOf('44010619850312123');
    const withDate = candidatesFor(maskedIdView(id).idNumberMasked, 1985).filter((c) => c.slice(10, 14) === '0312');
    expect(withDate).toEqual([id]);
  });
});
