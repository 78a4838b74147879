import { describe, expect, it } from 'vitest';
import { cellText, isBlankValue, normalizeName, normalizeText, toHalfWidth } from '../../../src/main/core/features/roster/import';

describe('cell text normalisation', () => {
  it('folds the full-width block (digits, letters, and the ，（）：； typed in full width) and the ideographic space', () => {
    expect(toHalfWidth('１３８ｘＸ（）：；，　')).toBe('138xX():;, ');
    expect(toHalfWidth('。、“”《》·')).toBe('。、“”《》·'); // not in the block: kept
  });

  it('trims, collapses internal whitespace, empties to null', () => {
    expect(normalizeText('  示例  机械厂 \t\n')).toBe('示例 机械厂');
    expect(normalizeText('\u3000\u00a0示例\u200b')).toBe('示例');
    expect(normalizeText('４４０１０６ １９９０')).toBe('440106 1990');
    expect(normalizeText('   ')).toBeNull();
    expect(normalizeText('')).toBeNull();
  });

  it('makes two spellings of one unit equal, keeps punctuation outside the full-width block', () => {
    expect(normalizeText('示例机械厂（一分厂）')).toBe(normalizeText('示例机械厂(一分厂)'));
    expect(normalizeText('《示例》杂志社、编辑部。')).toBe('《示例》杂志社、编辑部。');
  });

  it('normalises names: padding between Chinese characters goes, one dot for transliterated names', () => {
    expect(normalizeName('张  三')).toBe('张三');
    expect(normalizeName('张　三 ')).toBe('张三');
    expect(normalizeName('阿依古丽．买买提')).toBe('阿依古丽·买买提');
    expect(normalizeName('阿依古丽 • 买买提')).toBe('阿依古丽·买买提');
    expect(normalizeName('阿依古丽・买买提')).toBe('阿依古丽·买买提');
    expect(normalizeName('王 Anna')).toBe('王 Anna');
    expect(normalizeName('Ｌｉ　Ｍｉｎｇ')).toBe('Li Ming');
    expect(normalizeName('  ')).toBeNull();
  });

  it('renders any cell as text', () => {
    expect(cellText(null)).toBeNull();
    expect(cellText(' 示例 ')).toBe('示例');
    expect(cellText(440106199007011000)).toBe('440106199007011000');
    expect(cellText(13800001000)).toBe('13800001000');
    expect(cellText(0.5)).toBe('0.5');
    expect(cellText(true)).toBe('TRUE');
    expect(cellText(new Date('2019-05-01T00:00:00Z'))).toBe('2019-05-01');
    expect(cellText(new Date('2019-05-01T08:30:05Z'))).toBe('2019-05-01 08:30:05');
  });

  it('knows blank values', () => {
    expect([null, '', ' ', '\u3000', undefined].every(isBlankValue)).toBe(true);
    expect([0, false, 'x'].some(isBlankValue)).toBe(false);
  });
});
