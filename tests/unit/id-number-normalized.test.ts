import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkIdNumber, idCheckChar, isValidNormalizedIdNumber } from '@shared/domain/id-number';

// Made-up numbers (region + birth date + sequence + check character); no real person's number.
const TODAY = '2026-06-30';
const valid = (first17: string) => first17 + idCheckChar(first17);
/** What the importer asked before: checkIdNumber's verdict, with the number unchanged by normalising. */
const slow = (id: string, today: string) => {
  const check = checkIdNumber(id, today);
  return check.ok && check.id === id;
};

describe('isValidNormalizedIdNumber', () => {
  it('takes a valid 18-character number, with X as its check character too', () => {
    expect(isValidNormalizedIdNumber(valid('44010619900101123'), TODAY)).toBe(true);
    const withX = Array.from({ length: 1000 }, (_, i) => valid(`1101051985031${String(i).padStart(4, '0')}`)).find((id) =>
      id.endsWith('X'),
    )!;
    expect(isValidNormalizedIdNumber(withX, TODAY)).toBe(true);
  });

  it('refuses what checkIdNumber refuses or would change', () => {
    const id = valid('44010619900101123');
    expect(isValidNormalizedIdNumber(`${id.slice(0, 17)}${id[17] === '1' ? '2' : '1'}`, TODAY)).toBe(false); // check character
    expect(isValidNormalizedIdNumber(valid('99010619900101123'), TODAY)).toBe(false); // no such province
    expect(isValidNormalizedIdNumber(valid('44010619900230123'), TODAY)).toBe(false); // 30 February
    expect(isValidNormalizedIdNumber(valid('44010618991231123'), TODAY)).toBe(false); // before 1900
    expect(isValidNormalizedIdNumber(valid('44010620260701123'), TODAY)).toBe(false); // born after today
    expect(isValidNormalizedIdNumber(valid('44010620260630123'), TODAY)).toBe(true); // born today
    expect(isValidNormalizedIdNumber(id.toLowerCase().replace(/X$/, 'x'), TODAY)).toBe(slow(id.toLowerCase(), TODAY));
    expect(isValidNormalizedIdNumber(` ${id}`, TODAY)).toBe(false); // would be normalised
    expect(isValidNormalizedIdNumber('440106900101123', TODAY)).toBe(false); // 15 digits become 18
    expect(isValidNormalizedIdNumber('', TODAY)).toBe(false);
  });

  it('gives checkIdNumber’s verdict on any number, near-valid ones most of all', () => {
    const digits = (n: number) => fc.array(fc.integer({ min: 0, max: 9 }), { minLength: n, maxLength: n }).map((d) => d.join(''));
    const pad = (n: number, w: number) => String(n).padStart(w, '0');
    const nearValid = fc
      .record({
        province: fc.constantFrom('11', '44', '65', '83', '99', '00', '20'),
        rest: digits(4),
        year: fc.integer({ min: 1890, max: 2030 }),
        month: fc.integer({ min: 0, max: 13 }),
        day: fc.integer({ min: 0, max: 32 }),
        sequence: digits(3),
        check: fc.option(fc.constantFrom(...'0123456789Xx'), { nil: undefined }),
      })
      .map(({ province, rest, year, month, day, sequence, check }) => {
        const first17 = `${province}${rest}${year}${pad(month, 2)}${pad(day, 2)}${sequence}`;
        return first17 + (check ?? idCheckChar(first17));
      });
    const anyText = fc.oneof(nearValid, digits(18), fc.string({ maxLength: 20 }), fc.stringMatching(/^[0-9Xx ]{15,19}$/));
    const today = fc.constantFrom(TODAY, '2000-02-29', '1900-01-01');
    fc.assert(
      fc.property(anyText, today, (id, day) => {
        expect(isValidNormalizedIdNumber(id, day)).toBe(slow(id, day));
      }),
      { numRuns: 10_000 },
    );
  });
});
