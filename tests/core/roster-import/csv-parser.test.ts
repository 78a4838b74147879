import { describe, expect, it } from 'vitest';
import { CsvParser } from '../../../src/main/core/features/roster/import/csv-parser';

/** Parses text fed in pieces of every size from 1 up, so chunk boundaries fall everywhere. */
function parseInPieces(text: string, piece: number, delimiter = ','): string[][] {
  const parser = new CsvParser(delimiter);
  const out: string[][] = [];
  for (let i = 0; i < text.length; i += piece) out.push(...parser.push(text.slice(i, i + piece)));
  out.push(...parser.end());
  return out;
}

function parseEverySplit(text: string, delimiter = ','): string[][] {
  const whole = parseInPieces(text, text.length || 1, delimiter);
  for (let piece = 1; piece <= Math.min(text.length, 12); piece++)
    expect(parseInPieces(text, piece, delimiter), `pieces of ${piece}`).toEqual(whole);
  return whole;
}

describe('CSV parser', () => {
  it('splits fields and records; CRLF, LF and lone CR all end a record', () => {
    expect(parseEverySplit('a,b\r\nc,d\ne,f\rg,h')).toEqual([
      ['a', 'b'],
      ['c', 'd'],
      ['e', 'f'],
      ['g', 'h'],
    ]);
  });

  it('keeps separators, line breaks and doubled quotes inside quoted fields', () => {
    expect(parseEverySplit('"第一行\r\n第二行,有逗号","说""明""",x\r\n')).toEqual([['第一行\r\n第二行,有逗号', '说"明"', 'x']]);
  });

  it('reads empty lines and empty fields as empty strings; no record after the final line break', () => {
    expect(parseEverySplit('a,,\r\n\r\n,b\r\n')).toEqual([['a', '', ''], [''], ['', 'b']]);
    expect(parseEverySplit('"",""\n')).toEqual([['', '']]);
    expect(parseEverySplit('a,')).toEqual([['a', '']]);
  });

  it('reads quotes as Excel does where RFC 4180 says nothing', () => {
    expect(parseEverySplit('测试"甲",他说"好"\n')).toEqual([['测试"甲"', '他说"好"']]);
    expect(parseEverySplit('"ab"c,d\n')).toEqual([['abc', 'd']]);
  });

  it('uses the delimiter it is given', () => {
    expect(parseEverySplit('a\tb,c\t"d\te"\n', '\t')).toEqual([['a', 'b,c', 'd\te']]);
    expect(parseEverySplit('a;b\n', ';')).toEqual([['a', 'b']]);
  });

  it('refuses a quote never closed, and a record longer than the limit', () => {
    expect(() => parseInPieces('a,"bc\n', 100)).toThrow(expect.objectContaining({ code: 'INVALID_INPUT', params: { reason: 'corrupt' } }));
    const parser = new CsvParser(',', 100);
    expect(() => {
      for (let i = 0; i < 10; i++) parser.push(`"${'x'.repeat(30)}`);
    }).toThrow(expect.objectContaining({ params: { reason: 'corrupt' } }));
  });

  it('stays linear: a million short records in 1 MB chunks', () => {
    const line = '1,测试张三,男,11010119850312101X,1985-03-12,汉族,13800001000,示例机械厂,示例机械厂工会,2010-01-15,SL00001,\r\n';
    const chunk = line.repeat(Math.floor((1 << 20) / line.length));
    const parser = new CsvParser(',');
    let n = 0;
    for (let total = 0; total < 1_000_000; total += chunk.length / line.length) n += parser.push(chunk).length;
    n += parser.end().length;
    expect(n).toBeGreaterThanOrEqual(1_000_000);
  });
});
