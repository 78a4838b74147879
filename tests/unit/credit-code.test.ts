import { describe, expect, it } from 'vitest';
import { checkCreditCode, creditCodeCheckChar, normalizeCreditCode } from '@shared/domain/credit-code';

describe('统一社会信用代码 (GB 32100)', () => {
  it('accepts a published code whose check character is right', () => {
    expect(checkCreditCode('91350100M000100Y43')).toBe('ok');
  });

  it('computes the check character mod 31 over the weighted first 17', () => {
    expect(creditCodeCheckChar('91350100M000100Y4')).toBe('3');
  });

  it('flags a wrong check character as a check problem, not a format problem', () => {
    expect(checkCreditCode('91350100M000100Y44')).toBe('bad-check');
  });

  it('refuses wrong length and letters outside the alphabet (I, O, Z, S, V)', () => {
    expect(checkCreditCode('91350100M000100Y4')).toBe('bad-format');
    expect(checkCreditCode('91350100M0001O0Y43')).toBe('bad-format');
    expect(checkCreditCode('')).toBe('bad-format');
  });

  it('normalises full-width characters, spaces and lower case', () => {
    expect(normalizeCreditCode('９１３５０１００m000 100y43')).toBe('91350100M000100Y43');
    expect(checkCreditCode('９１３５０１００m000 100y43')).toBe('ok');
  });
});
