import { readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { describe, expect, it } from 'vitest';
import { openSpreadsheet } from '../../../src/main/core/features/roster/import';
import { LIMITS, PEOPLE, fixture, makeZip, minimalXlsxParts, read, sheetXml, tempFile } from './support';

const utcDate = (iso: string) => new Date(`${iso}T00:00:00.000Z`);

describe('xlsx reader (files written by LibreOffice)', () => {
  it('reads the first sheet of a titled roster: title, header, one row per member, with the file row numbers', async () => {
    const data = await read('roster-title.xlsx');
    expect(data.format).toBe('xlsx');
    expect(data.sheetName).toBe('会员名册'); // not the second sheet, 填表说明
    // Row 2 is blank: skipped, and the numbers after it are the file's.
    expect(data.rows.map((r) => r.rowNumber)).toEqual([1, 3, 4, 5, 6, 7, 8, 9, 10, 11]);
  });

  it('gives a merged title to its first cell only', async () => {
    const [title] = (await read('roster-title.xlsx')).rows;
    expect(title!.cells).toEqual(['示例公司工会会员名册（2024年度）']);
  });

  it('keeps types: formula results as cached numbers, dates as UTC-midnight Dates, text as text', async () => {
    const rows = (await read('roster-title.xlsx')).rows.slice(2);
    const first = rows[0]!.cells;
    expect(first[0]).toBe(1); // =ROW()-3, never evaluated here: LibreOffice's cached result
    expect(first[3]).toBe(PEOPLE[0]!.id);
    expect(first[4]).toEqual(utcDate(PEOPLE[0]!.birth));
    expect(first[9]).toEqual(utcDate(PEOPLE[0]!.joined));
    expect(first[6]).toBe(PEOPLE[0]!.phone); // a text cell: stays a string
    expect(rows.map((r) => r.cells[0])).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
  });

  it('turns rich text and hyperlinks into their plain text, keeps line breaks inside a cell', async () => {
    const rows = (await read('roster-title.xlsx')).rows.slice(2);
    expect(rows[0]!.cells[1]).toBe('测试张三'); // 测试 + bold 张三
    expect(rows[1]!.cells[11]).toBe('demo@example.invalid'); // a mailto: hyperlink
    expect(rows[2]!.cells[11]).toBe('第一行\n第二行,有逗号\n第三行"有引号"');
  });

  it('gives IDs that Excel stored as numbers back as numbers, digits already lost', async () => {
    const rows = (await read('roster-id-number.xlsx')).rows;
    expect(rows).toHaveLength(6);
    const id = rows[2]!.cells[2];
    expect(typeof id).toBe('number');
    expect(id).toBe(440106199007011000); // 440106199007011025 as a double: the last digits are gone
    expect(id).not.toBe(Number(PEOPLE[1]!.id.slice(0, 17)));
    expect(typeof rows[1]!.cells[3]).toBe('number'); // phone in a General cell
  });

  it('skips an empty first sheet and blank rows; keeps trailing spaces and full-width text as the file has them', async () => {
    const data = await read('roster-messy.xlsx');
    expect(data.sheetName).toBe('采集表');
    expect(data.rows.map((r) => r.rowNumber)).toEqual([1, 2, 4, 5, 8, 9, 11]);
    const byRow = new Map(data.rows.map((r) => [r.rowNumber, r.cells]));
    expect(byRow.get(5)![1]).toBe('测试张三  ');
    expect(byRow.get(8)![3]).toBe('３１０１０４１９７８１１３０１０５７');
    expect(byRow.get(9)![1]).toBe('\u3000测试李四\u3000');
    expect(byRow.get(9)![6]).toBeNull(); // an empty cell inside a row is null
  });

  it('reads dates in every shape a clerk leaves them: Date cells, text, bare serial numbers', async () => {
    const rows = (await read('roster-bad-dates.xlsx')).rows.slice(1);
    expect(rows.map((r) => r.cells[3])).toEqual([
      '2019/5/1',
      '2019.05.01',
      '2019年5月1日',
      43586,
      utcDate('2019-05-01'),
      '201905',
      '2019-13-01',
      '2019-02-30',
      '五月一日',
    ]);
  });

  it('streams without copying worksheets to the temp folder (exceljs would when shared strings come last)', async () => {
    const before = new Set(readdirSync(tmpdir()));
    const source = await openSpreadsheet(fixture('roster-title.xlsx'), LIMITS);
    const seen: string[] = [];
    for await (const _row of source.rows) seen.push(...readdirSync(tmpdir()).filter((f) => !before.has(f) && f.startsWith('tmp-')));
    expect(seen).toEqual([]);
  });

  it('stops cleanly when the caller leaves early', async () => {
    const source = await openSpreadsheet(fixture('roster-title.xlsx'), LIMITS);
    for await (const row of source.rows) {
      expect(row.rowNumber).toBe(1);
      break;
    }
    await source.close();
    await source.close();
  });
});

describe('xlsx reader (files written by other programs)', () => {
  it('reads a workbook without a shared-strings part (inline strings only)', async () => {
    const path = tempFile(
      'inline.xlsx',
      makeZip(
        minimalXlsxParts(
          sheetXml([
            ['姓名', '身份证号'],
            ['测试张三', PEOPLE[0]!.id],
          ]),
        ),
      ),
    );
    const data = await read(path);
    expect(data.sheetName).toBe('名册');
    expect(data.rows).toEqual([
      { rowNumber: 1, cells: ['姓名', '身份证号'] },
      { rowNumber: 2, cells: ['测试张三', PEOPLE[0]!.id] },
    ]);
  });

  it('reads stored (uncompressed) parts too', async () => {
    const parts = minimalXlsxParts(sheetXml([['姓名'], ['测试李四']])).map((p) => ({ ...p, store: true }));
    const data = await read(tempFile('stored.xlsx', makeZip(parts)));
    expect(data.rows.map((r) => r.cells[0])).toEqual(['姓名', '测试李四']);
  });

  it('takes a formula cell without a cached result as empty, and an error result as an error text', async () => {
    const xml =
      '<?xml version="1.0"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>' +
      '<row r="1"><c r="A1" t="inlineStr"><is><t>甲</t></is></c><c r="B1"><f>1+1</f></c><c r="C1" t="e"><f>1/0</f><v>#DIV/0!</v></c><c r="D1" t="e"><v>#N/A</v></c><c r="E1"><f>1-1</f><v>0</v></c></row>' +
      '</sheetData></worksheet>';
    const data = await read(tempFile('formula.xlsx', makeZip(minimalXlsxParts(xml))));
    // exceljs keeps the code of a plain error cell but not of a formula's error result.
    expect(data.rows[0]!.cells).toEqual(['甲', null, '#ERROR', '#N/A', 0]);
  });
});
