import fc from 'fast-check';
import Nzh from 'nzh';
import { describe, expect, it } from 'vitest';
import { chineseUppercase } from '@shared/domain/money';

describe('人民币大写 (chineseUppercase)', () => {
  it.each([
    // The examples of docs/domain.md.
    [140950, '壹仟肆佰零玖元伍角'],
    [600714, '陆仟零柒元壹角肆分'],
    [32504, '叁佰贰拾伍元零肆分'],
    [120000, '壹仟贰佰元整'],
    // The boundaries.
    [0, '零元整'],
    [1, '壹分'],
    [10, '壹角'],
    [11, '壹角壹分'],
    [100, '壹元整'],
    [1000, '壹拾元整'],
    [1010, '壹拾元零壹角'],
    [1005, '壹拾元零伍分'],
    [1900, '壹拾玖元整'],
    [11000, '壹佰壹拾元整'],
    [100100, '壹仟零壹元整'],
    [101000, '壹仟零壹拾元整'],
    [10000010, '壹拾万元零壹角'],
    [100000000, '壹佰万元整'],
    [10000100, '壹拾万零壹元整'],
    [10001000, '壹拾万零壹拾元整'],
    [168032, '壹仟陆佰捌拾元零叁角贰分'],
    [10700053, '壹拾万柒仟元零伍角叁分'],
    [10000000000, '壹亿元整'],
    [10000000001, '壹亿元零壹分'],
    [12345678901, '壹亿贰仟叁佰肆拾伍万陆仟柒佰捌拾玖元零壹分'],
    [10010010000, '壹亿零壹拾万零壹佰元整'],
    [10001000000, '壹亿零壹万元整'],
    [100000000000000, '壹万亿元整'],
    [100000000000105, '壹万亿零壹元零伍分'],
    [100000000100005, '壹万亿零壹仟元零伍分'],
    [123450000000000, '壹万贰仟叁佰肆拾伍亿元整'],
    [Number.MAX_SAFE_INTEGER, '玖拾万零柒佰壹拾玖亿玖仟贰佰伍拾肆万柒仟肆佰零玖元玖角壹分'],
  ])('%i fen → %s', (fen, words) => {
    expect(chineseUppercase(fen)).toBe(words);
  });

  it('refuses a negative amount, a fraction of a fen and an amount past the safe integers', () => {
    for (const bad of [-1, -100, 0.5, 12.3, Number.MAX_SAFE_INTEGER + 1, Number.NaN, Number.POSITIVE_INFINITY])
      expect(() => chineseUppercase(bad)).toThrow(RangeError);
  });

  /**
   * nzh (a separate implementation, used only here) as the reference. Its known differences, where the payment
   * rules allow either form and docs/domain.md decides:
   * - nzh leaves out the 零 between 元 and 角 when the 元 digit is 0 (壹拾万元壹角); domain.md writes 壹拾万元零壹角;
   * - nzh reads "10.00" as a decimal and drops 整, so whole yuan are given to it without decimals.
   * Neither writes 整 after 角.
   */
  const reference = (fen: number): string => {
    const yuan = String(Math.floor(fen / 100));
    const cents = String(fen % 100).padStart(2, '0');
    return Nzh.cn.toMoney(fen % 100 === 0 ? yuan : `${yuan}.${cents}`, { outSymbol: false });
  };
  const normalised = (words: string) => words.replace(/元零(.角)/, '元$1');

  it('agrees with nzh over many random amounts, small, everyday and huge', () => {
    const amounts = fc.oneof(
      fc.integer({ min: 0, max: 10_000 }),
      fc.integer({ min: 0, max: 100_000_000 }),
      // Zeros in the middle exercise the 零 rules across 万 and 亿.
      fc.array(fc.constantFrom(0, 0, 0, 1, 5, 9), { minLength: 1, maxLength: 15 }).map((digits) => Number(digits.join(''))),
      fc.integer({ min: 0, max: Number.MAX_SAFE_INTEGER }),
    );
    fc.assert(
      fc.property(amounts, (fen) => {
        expect(normalised(chineseUppercase(fen))).toBe(reference(fen));
      }),
      { numRuns: 20_000 },
    );
  });

  it('writes a 零 before 角 exactly when the 元 digit is 0 (the one place it differs from nzh)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 1e12 }), fc.integer({ min: 1, max: 9 }), (yuan, jiao) => {
        const words = chineseUppercase(yuan * 100 + jiao * 10);
        expect(words.includes('元零')).toBe(yuan % 10 === 0);
      }),
    );
  });
});
