import { describe, expect, it } from 'vitest';
import { passwordProblem } from '@shared/domain/password';
import { isValidRegionCode } from '@shared/domain/region-code';

describe('行政区划代码', () => {
  it('accepts six digits with an existing province', () => {
    expect(isValidRegionCode('110105')).toBe(true);
    expect(isValidRegionCode('440106')).toBe(true);
  });
  it('refuses unknown provinces and wrong shapes', () => {
    expect(isValidRegionCode('990105')).toBe(false);
    expect(isValidRegionCode('11010')).toBe(false);
    expect(isValidRegionCode('11010a')).toBe(false);
  });
});

describe('password rule', () => {
  it('wants 8 characters of at least two kinds, not containing the username', () => {
    expect(passwordProblem('Ab#12', 'zhang')).toBe('too-short');
    expect(passwordProblem('abcdefgh', 'zhang')).toBe('too-simple');
    expect(passwordProblem('12345678', 'zhang')).toBe('too-simple');
    expect(passwordProblem('zhang2026!', 'zhang')).toBe('same-as-username');
    expect(passwordProblem('Qiu#2026x', 'zhang')).toBeNull();
    expect(passwordProblem('密码安全2026', 'zhang')).toBeNull();
  });
});
