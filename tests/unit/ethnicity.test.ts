import { describe, expect, it } from 'vitest';
import { ETHNICITIES, ethnicityCodeFromText, ethnicityName } from '@shared/domain/ethnicity';

describe('民族 (GB 3304)', () => {
  it('has the 56 groups plus 其他 and 外国血统中国籍人士', () => {
    expect(ETHNICITIES).toHaveLength(58);
    expect(ethnicityName('01')).toBe('汉族');
    expect(ethnicityName('05')).toBe('维吾尔族');
    expect(ethnicityName('56')).toBe('基诺族');
    expect(ethnicityName('98')).toBe('外国血统中国籍人士');
  });
  it('reads names, short names and codes as sheets write them', () => {
    expect(ethnicityCodeFromText('汉族')).toBe('01');
    expect(ethnicityCodeFromText(' 汉 ')).toBe('01');
    expect(ethnicityCodeFromText('维吾尔')).toBe('05');
    expect(ethnicityCodeFromText('1')).toBe('01');
    expect(ethnicityCodeFromText('03')).toBe('03');
    expect(ethnicityCodeFromText('火星族')).toBeUndefined();
    expect(ethnicityCodeFromText('77')).toBeUndefined();
  });
});
