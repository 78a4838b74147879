import { describe, expect, it } from 'vitest';
import { FIELD_SYNONYMS, detectHeader, normalizeHeader, type RosterField } from '../../../src/main/core/features/roster/import';
import type { CellValue, SheetRow } from '../../../src/main/core/features/roster/import/types';
import { read } from './support';

const rows = (...cells: CellValue[][]): SheetRow[] => cells.map((c, i) => ({ rowNumber: i + 1, cells: c }));

describe('header detection on the fixtures', () => {
  it.each(['roster-title.xlsx', 'roster-title.xls', 'roster-utf8-bom.csv', 'roster-utf16.txt'])(
    '%s: skips the merged title, maps every field',
    async (file) => {
      const header = detectHeader((await read(file)).rows)!;
      expect(header.headerRowNumber).toBe(3);
      expect(header.headerIndex).toBe(1); // index among the non-blank rows: the title, then the header
      expect(header.mapping).toEqual({
        name: 1,
        gender: 2,
        idNumber: 3,
        birthDate: 4,
        ethnicity: 5,
        phone: 6,
        unit: 7,
        union: 8,
        joinedOn: 9,
        cardNo: 10,
        note: 11,
      });
      expect(header.unmapped).toEqual([{ column: 0, header: '序号' }]);
      expect(header.missingRequired).toEqual([]);
    },
  );

  it('the GBK file: other header words, same fields', async () => {
    const header = detectHeader((await read('roster-gbk.csv')).rows)!;
    expect(header.headers.slice(1, 10)).toEqual([
      '姓名',
      '性别',
      '公民身份号码',
      '出生年月',
      '民族',
      '联系电话',
      '单位名称',
      '基层工会',
      '入会日期',
    ]);
    expect(header.mapping).toMatchObject({ idNumber: 3, birthDate: 4, phone: 6, unit: 7, union: 8, joinedOn: 9 });
  });

  it('the messy file: two title rows, annotated and spaced headers, extra columns kept for the export', async () => {
    const header = detectHeader((await read('roster-messy.xlsx')).rows)!;
    expect(header.headerRowNumber).toBe(4);
    expect(header.mapping).toEqual({ name: 1, gender: 2, idNumber: 3, phone: 4, unit: 5, joinedOn: 7, note: 8 });
    expect(header.unmapped).toEqual([
      { column: 0, header: '序 号' },
      { column: 6, header: '岗位' },
    ]);
  });

  it('the ID-as-number file: header in row 1', async () => {
    const header = detectHeader((await read('roster-id-number.xlsx')).rows)!;
    expect(header.headerRowNumber).toBe(1);
    expect(header.mapping).toEqual({ name: 0, gender: 1, idNumber: 2, phone: 3, unit: 4, union: 5 });
  });
});

describe('header detection rules', () => {
  it('normalises header text: width, brackets, spaces, punctuation', () => {
    expect(normalizeHeader('公民身份号码（必填）*')).toBe('公民身份号码');
    expect(normalizeHeader('姓  名')).toBe('姓名');
    expect(normalizeHeader('\u3000联系电话：')).toBe('联系电话');
    expect(normalizeHeader('出生日期(yyyy-mm-dd)')).toBe('出生日期');
    expect(normalizeHeader('【选填】备注')).toBe('备注');
    expect(normalizeHeader('手机号码[11位]')).toBe('手机号码');
    expect(normalizeHeader('*会员证号')).toBe('会员证号');
    expect(normalizeHeader(12)).toBe('');
  });

  const cases = Object.entries(FIELD_SYNONYMS).flatMap(([field, words]) => words.map((w) => [w, field] as [string, RosterField]));
  it.each(cases)('maps %s to %s', (word, field) => {
    const other = field === 'name' ? '公民身份号码' : '姓名';
    const header = detectHeader(rows([other, word]))!;
    expect(header.mapping[field]).toBe(1);
  });

  it('reports missing required fields', () => {
    const header = detectHeader(rows(['姓名', '性别', '手机'], ['测试张三', '男', '13800001000']))!;
    expect(header.missingRequired).toEqual(['idNumber']);
    expect(detectHeader(rows(['身份证号', '性别']))!.missingRequired).toEqual(['name']);
  });

  it('uses each column once and each field once; the better synonym wins', () => {
    const header = detectHeader(rows(['姓名', '联系电话', '手机', '身份证号', '姓名']))!;
    expect(header.mapping).toEqual({ name: 0, phone: 2, idNumber: 3 });
    expect(header.unmapped.map((c) => c.column)).toEqual([1, 4]);
  });

  it('matches a header that contains a synonym, but not a sentence', () => {
    expect(detectHeader(rows(['姓名', '身份证号码18位', '现工作单位']))!.mapping).toEqual({ name: 0, idNumber: 1, unit: 2 });
    expect(detectHeader(rows(['姓名', '性别', '注：身份证号码必须填写完整的十八位']))!.mapping).toEqual({ name: 0, gender: 1 });
  });

  it('prefers the row naming the most fields over a title that happens to contain one', () => {
    const header = detectHeader(
      rows(
        ['示例单位工会会员名册'],
        ['填报单位：示例机械厂', null, '联系电话：'],
        ['姓名', '身份证号', '工作单位', '手机'],
        ['测试张三', 'x', 'y', 'z'],
      ),
    )!;
    expect(header.headerRowNumber).toBe(3);
  });

  it('keeps columns without a header text as unmapped (their data goes back in the rejected-rows file)', () => {
    const header = detectHeader(rows(['姓名', '身份证号'], ['测试张三', 'x', '多出来的一列']))!;
    expect(header.headers).toEqual(['姓名', '身份证号', '']);
    expect(header.unmapped).toEqual([{ column: 2, header: '' }]);
  });

  it('returns null when no row in the first 20 looks like a header', () => {
    expect(detectHeader(rows(['测试张三', '男'], ['样例王五', '女']))).toBeNull();
    const late = [...Array.from({ length: 20 }, () => ['说明']), ['姓名', '身份证号']];
    expect(detectHeader(rows(...late))).toBeNull();
    expect(detectHeader([])).toBeNull();
  });

  it('takes the upper of two equally good header rows (a header repeated on every printed page)', () => {
    expect(detectHeader(rows(['姓名', '身份证号'], ['甲', '1'], ['姓名', '身份证号']))!.headerRowNumber).toBe(1);
  });
});
