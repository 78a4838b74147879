import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { openSpreadsheet } from '../../../src/main/core/features/roster/import';
import { detectEncoding, isFileUtf8 } from '../../../src/main/core/features/roster/import/csv-encoding';
import { detectDelimiter } from '../../../src/main/core/features/roster/import/read-csv';
import { LIMITS, PEOPLE, expectReadError, fixture, read, tempDir, tempFile } from './support';

describe('CSV reader (files written by LibreOffice)', () => {
  it('detects GBK (code page 936, what Excel on Chinese Windows saves) and decodes it', async () => {
    const data = await read('roster-gbk.csv');
    expect(data).toMatchObject({ format: 'csv', encoding: 'gb18030', delimiter: ',', sheetName: 'roster-gbk' });
    expect(data.rows[0]!.cells).toEqual(['示例公司工会会员名册（2024年度）']);
    expect(data.rows[1]!.cells.slice(0, 4)).toEqual(['序号', '姓名', '性别', '公民身份号码']);
    expect(data.rows[6]!.cells[1]).toBe('测试·阿依古丽'); // the middle dot survives GBK
    expect(data.rows.map((r) => r.rowNumber)).toEqual([1, 3, 4, 5, 6, 7, 8, 9, 10, 11]);
  });

  it('drops a UTF-8 byte-order mark (Excel "CSV UTF-8") instead of gluing it to the first cell', async () => {
    const data = await read('roster-utf8-bom.csv');
    expect(data.encoding).toBe('utf-8');
    expect(data.rows[0]!.cells[0]).toBe('示例公司工会会员名册（2024年度）');
    expect(await detectEncoding(fixture('roster-utf8-bom.csv'), Buffer.from([0xef, 0xbb, 0xbf]))).toEqual({
      encoding: 'utf-8',
      bomLength: 3,
    });
  });

  it('reads UTF-16LE tab-separated text (Excel "Unicode text")', async () => {
    const data = await read('roster-utf16.txt');
    expect(data).toMatchObject({ encoding: 'utf-16le', delimiter: '\t' });
    expect(data.rows[2]!.cells.slice(1, 4)).toEqual(['测试张三', '男', PEOPLE[0]!.id]);
  });

  it('gives the same cells whatever the encoding', async () => {
    const [gbk, bom, utf16] = await Promise.all([read('roster-gbk.csv'), read('roster-utf8-bom.csv'), read('roster-utf16.txt')]);
    expect(bom.rows).toEqual(utf16.rows);
    // The GBK file was saved with other header words; its members are the same.
    expect(gbk.rows.slice(2)).toEqual(bom.rows.slice(2));
  });

  it('keeps quoted line breaks, separators and doubled quotes inside one cell, and counts the record once', async () => {
    const rows = (await read('roster-gbk.csv')).rows;
    const third = rows.find((r) => r.rowNumber === 6)!;
    expect(third.cells[11]).toBe('第一行\n第二行,有逗号\n第三行"有引号"');
    expect(rows.find((r) => r.rowNumber === 7)!.cells[1]).toBe('样例赵六');
  });

  it('gives every cell as text: an ID Excel showed in scientific notation arrives as that text', async () => {
    const rows = (await read('roster-id-number.csv')).rows;
    expect(rows[2]!.cells[2]).toBe('4.40106199007011E+017');
  });

  it('keeps duplicate rows: finding them is the validation stage’s job', async () => {
    const rows = (await read('roster-duplicates.csv')).rows;
    expect(rows).toHaveLength(8);
    expect(rows.filter((r) => String(r.cells[2]).toUpperCase() === PEOPLE[0]!.id)).toHaveLength(3);
  });
});

describe('CSV reader (edge cases)', () => {
  it('handles CRLF, LF and a last line without a line break; blank lines keep the numbering', async () => {
    const path = tempFile('mixed.csv', '姓名,身份证号\r\n甲,1\r\n\r\n乙,2\n丙,3');
    const data = await read(path);
    expect(data.rows).toEqual([
      { rowNumber: 1, cells: ['姓名', '身份证号'] },
      { rowNumber: 2, cells: ['甲', '1'] },
      { rowNumber: 4, cells: ['乙', '2'] },
      { rowNumber: 5, cells: ['丙', '3'] },
    ]);
  });

  it('keeps a stray quote inside an unquoted field as typed', async () => {
    const data = await read(tempFile('quote.csv', '姓名,备注\n测试"甲",他说"好"\n'));
    expect(data.rows[1]!.cells).toEqual(['测试"甲"', '他说"好"']);
  });

  it('detects semicolons and tabs as separators', () => {
    expect(detectDelimiter('姓名;身份证号;电话\n甲;1;2\n')).toBe(';');
    expect(detectDelimiter('姓名\t身份证号\n甲\t1\n')).toBe('\t');
    expect(detectDelimiter('"a;b;c;d",x\n"e;f",y\n')).toBe(','); // separators inside quotes do not count
    expect(detectDelimiter('姓名\n甲\n')).toBe(',');
  });

  it('reads GBK even when the first 100 KB are plain ASCII (the whole file is checked, not a prefix)', async () => {
    const ascii = 'name,id\n' + 'a,1\n'.repeat(30_000);
    const path = tempFile('late.csv', Buffer.concat([Buffer.from(ascii), iconv.encode('测试张三,2\n', 'gbk')]));
    const data = await read(path);
    expect(data.encoding).toBe('gb18030');
    expect(data.rows.at(-1)!.cells).toEqual(['测试张三', '2']);
  });

  it('does not mistake UTF-8 for GBK when a character straddles a read chunk', async () => {
    // 1 MiB chunks: put a 3-byte character across the boundary.
    const path = tempFile('straddle.csv', Buffer.concat([Buffer.alloc((1 << 20) - 1, 0x61), Buffer.from('张三\n')]));
    expect(await isFileUtf8(path)).toBe(true);
  });

  it('recognises UTF-16 without a BOM by its NUL bytes', async () => {
    const path = tempFile('nobom.txt', Buffer.from('姓名\t身份证号\n测试张三\t1\n', 'utf16le'));
    const data = await read(path);
    expect(data.encoding).toBe('utf-16le');
    expect(data.rows[1]!.cells).toEqual(['测试张三', '1']);
  });

  it('reads GB18030-only characters (four-byte sequences GBK lacks)', async () => {
    const path = tempFile('rare.csv', iconv.encode('姓名\n测试𠀀\n', 'gb18030'));
    expect((await read(path)).rows[1]!.cells).toEqual(['测试𠀀']);
  });

  it('refuses an empty or all-blank file as empty', async () => {
    await expectReadError(read(tempFile('empty.csv', '')), 'INVALID_INPUT', { reason: 'empty' });
    await expectReadError(read(tempFile('blank.csv', '\r\n,,,\r\n  ,\r\n')), 'INVALID_INPUT', { reason: 'empty' });
  });

  it('refuses rows past maxRows and rows wider than maxColumns', async () => {
    const many = tempFile('many.csv', 'a\n'.repeat(20));
    await expectReadError(read(many, { maxRows: 10 }), 'FILE_TOO_LARGE', { maxRows: 10 });
    const wide = tempFile('wide.csv', `${Array.from({ length: 300 }, (_, i) => `c${i}`).join(',')}\n`);
    await expectReadError(read(wide), 'INVALID_INPUT', { reason: 'too-many-columns', maxColumns: 256 });
  });

  it('refuses a record that never ends (an unclosed quote) as corrupt', async () => {
    const path = join(tempDir(), 'unclosed.csv');
    writeFileSync(path, `姓名,备注\n甲,"${'x'.repeat(1_100_000)}\n`);
    await expectReadError(read(path), 'INVALID_INPUT', { reason: 'corrupt' });
  });

  it('stops cleanly when the caller leaves early', async () => {
    const source = await openSpreadsheet(fixture('roster-gbk.csv'), LIMITS);
    for await (const row of source.rows) {
      expect(row.rowNumber).toBe(1);
      break;
    }
    await source.close();
  });
});
