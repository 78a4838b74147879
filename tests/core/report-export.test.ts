import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { reportFileName, writeReportFile } from '../../src/main/core/reports/report-export';
import { aidSheet, causeSheet } from './support/report-sheets';

/**
 * The report workbook written from hand-built sheets and read back with exceljs (merged ranges, values as numbers,
 * number formats, the 合计 row, the signature line, page setup), then opened by LibreOffice headless and converted to
 * PDF, which only a well-formed workbook survives, and that PDF read with pdftotext.
 */

let work: string;
beforeAll(() => {
  work = mkdtempSync(join(tmpdir(), 'bangfu-report-xlsx-'));
});
afterAll(() => rmSync(work, { recursive: true, force: true }));

const options = { fontsDir: resolve('resources/fonts'), printedAt: new Date(Date.UTC(2026, 9, 8, 1, 12)) };

async function workbookOf(sheets = [aidSheet(), causeSheet()]) {
  const file = await writeReportFile(sheets, 'xlsx', options);
  const path = join(work, file.name);
  writeFileSync(path, file.bytes);
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(path);
  return { file, path, workbook };
}

const rowText = (ws: ExcelJS.Worksheet, row: number) =>
  (ws.getRow(row).values as unknown[])
    .filter((v) => v !== undefined && v !== null)
    .map(String)
    .join('|');

describe('report workbook', () => {
  it('writes one worksheet per table, in the federation layout, with merged two-level headers', async () => {
    const { file, workbook } = await workbookOf();
    expect(file.name).toBe('统计报表-2026年第三季度.xlsx');
    expect(file.mime).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    expect(workbook.worksheets.map((ws) => ws.name)).toEqual(['帮扶资金发放', '致困原因']);
    const ws = workbook.getWorksheet('帮扶资金发放')!;
    // 1 title, 2 填报单位 | period, 3 units note, 4-5 header, 6-7 body, 8 合计, 9 note, 10 blank, 11 signatures, 12 填报日期
    expect(ws.getCell('A1').value).toBe('帮扶救助资金发放情况统计表');
    expect(ws.getCell('A1').font.bold).toBe(true);
    expect(ws.getCell('A1').font.size).toBe(16);
    expect(ws.getCell('A2').value).toBe('填报单位：测试市总工会困难职工帮扶中心');
    expect(ws.getCell('E2').value).toBe('统计期间：2026年第三季度\u3000截至 2026-09-30');
    expect(ws.getCell('A3').value).toBe('单位：户、人次、元');
    const merges = [...(ws.model as unknown as { merges: string[] }).merges].sort();
    expect(merges).toEqual(['A1:G1', 'A9:G9', 'A11:G11', 'A12:G12', 'A2:D2', 'A3:G3', 'A4:A5', 'B4:D4', 'E2:G2', 'E4:G4'].sort());
    expect(ws.getCell('A4').value).toBe('救助类别');
    expect(ws.getCell('B4').value).toBe('合计');
    expect(ws.getCell('E4').value).toBe('上级专项资金');
    // A5 is covered by 救助类别's merge (exceljs reads it as its master's value); the second level starts at B5.
    expect(rowText(ws, 5)).toBe('救助类别|户数|人次|金额（元）|户数|人次|金额（元）');
    expect(ws.getCell('A5').isMerged && ws.getCell('A5').master.address).toBe('A4');
    expect(ws.pageSetup.printTitlesRow).toBe('4:5');
  });

  it('writes counts and amounts as numbers, in yuan to the fen, with integer and two-decimal formats', async () => {
    const ws = (await workbookOf()).workbook.getWorksheet('帮扶资金发放')!;
    expect(ws.getCell('A6').value).toBe('生活救助');
    expect(ws.getCell('B6').value).toBe(3);
    expect(ws.getCell('B6').numFmt).toBe('0');
    expect(ws.getCell('D6').value).toBe(1234.56);
    expect(ws.getCell('D6').numFmt).toBe('#,##0.00');
    expect(ws.getCell('D7').value).toBe(500.01);
    expect(ws.getCell('G7').value).toBe(0);
    // Every fen back: the stored double, times 100, rounds to the fen written.
    expect(Math.round((ws.getCell('D8').value as number) * 100)).toBe(173457);
  });

  it('rules every table cell, bolds the 合计 row, and ends with the notes, signature line, 填报日期 and computed-at', async () => {
    const ws = (await workbookOf()).workbook.getWorksheet('帮扶资金发放')!;
    for (let row = 4; row <= 8; row++)
      for (let col = 1; col <= 7; col++) {
        const border = ws.getCell(row, col).border;
        expect([border.top?.style, border.left?.style, border.bottom?.style, border.right?.style], `R${row}C${col}`).toEqual([
          'thin',
          'thin',
          'thin',
          'thin',
        ]);
      }
    expect(ws.getCell('A8').value).toBe('合计');
    expect(ws.getCell('A8').font.bold).toBe(true);
    expect(ws.getCell('D8').font.bold).toBe(true);
    expect(ws.getCell('B8').value).toBe(4);
    expect(ws.getCell('A9').border?.top).toBeUndefined(); // the note under the table is not ruled
    expect(ws.getCell('A9').value).toBe('人次按发放笔数计，补发只计一次，作废的不计。');
    expect(ws.getCell('A11').value).toMatch(/^填报人：_{4,}\s+审核人：_{4,}\s+单位负责人：_{4,}$/);
    expect(ws.getCell('A12').value).toBe(
      '填报日期：2026年10月08日\u3000\u3000\u3000计算时间：2026-10-08 09:12（按2026-09-30日终的数据计算）',
    );
  });

  it('prints A4 landscape fitted to one page wide, with columns wide enough for the Chinese labels', async () => {
    const ws = (await workbookOf()).workbook.getWorksheet('致困原因')!;
    expect(ws.pageSetup).toMatchObject({ paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0 });
    expect(ws.pageSetup.printTitlesRow).toBe('3:3'); // no units note: the header is row 3
    for (let col = 1; col <= 4; col++) expect(ws.getColumn(col).width).toBeGreaterThanOrEqual(10); // 4 CJK characters
  });

  it('merges a row label spanning body rows, the next row starting after it, in the workbook and the PDF', async () => {
    const spanning = causeSheet(0);
    spanning.header = [[{ text: '类别' }, { text: '资金来源' }, { text: '人次' }]];
    spanning.body = [
      [{ text: '生活救助', rowSpan: 2 }, { text: '上级专项' }, { count: 2 }],
      [{ text: '本级配套' }, { count: 5 }],
    ];
    spanning.totals = [{ text: '合计', colSpan: 2 }, { count: 7 }];
    const ws = (await workbookOf([spanning])).workbook.worksheets[0]!;
    const merges = (ws.model as unknown as { merges: string[] }).merges;
    expect(merges).toEqual(expect.arrayContaining(['A4:A5', 'A6:B6']));
    expect([ws.getCell('B5').value, ws.getCell('C5').value, ws.getCell('C6').value]).toEqual(['本级配套', 5, 7]);
    const pdf = await writeReportFile([spanning], 'pdf', options);
    const path = join(work, 'spanning.pdf');
    writeFileSync(path, pdf.bytes);
    expect(execFileSync('pdftotext', ['-layout', path, '-'], { encoding: 'utf8' })).toMatch(/本级配套\s+5/);
  });

  it('names a single table by its title and marks an as-of day that is not the period end', () => {
    expect(reportFileName([causeSheet()], 'pdf')).toBe('困难职工家庭致困原因统计表-2026年第三季度.pdf');
    expect(reportFileName([{ ...causeSheet(), asOf: '截至 2026-10-31' }], 'xlsx', '2026-09-30')).toBe(
      '困难职工家庭致困原因统计表-2026年第三季度（截至2026-10-31）.xlsx',
    );
    expect(reportFileName([{ ...causeSheet(), period: '2026-01-05 至 2026-02-10' }, aidSheet()], 'xlsx')).toBe(
      '统计报表-2026-01-05至2026-02-10.xlsx',
    );
  });

  it('is a workbook LibreOffice opens and converts to PDF, printing the same numbers', async () => {
    const { path } = await workbookOf();
    const out = join(work, 'lo-out');
    // A private profile: parallel runs (and a LibreOffice the developer has open) never share one.
    execFileSync(
      'soffice',
      [`-env:UserInstallation=file://${join(work, 'lo-profile')}`, '--headless', '--convert-to', 'pdf', '--outdir', out, path],
      { timeout: 90_000, stdio: 'pipe' },
    );
    const pdf = readdirSync(out).find((name) => name.endsWith('.pdf'));
    expect(pdf).toBeDefined();
    const text = execFileSync('pdftotext', ['-layout', join(out, pdf!), '-'], { encoding: 'utf8' });
    const flat = text.replace(/\s+/g, '');
    expect(flat).toContain('帮扶救助资金发放情况统计表');
    expect(flat).toContain('填报单位：测试市总工会困难职工帮扶中心');
    expect(flat).toContain('上级专项资金');
    expect(text).toContain('1,234.56');
    expect(text).toContain('1,734.57');
    expect(flat).toContain('合计');
    expect(flat).toContain('填报人：');
    expect(flat).toContain('困难职工家庭致困原因统计表');
    expect(execFileSync('pdfinfo', [join(out, pdf!)], { encoding: 'utf8' })).toMatch(/Page size:\s+841\.\d+ x 595\.\d+/);
  }, 120_000);
});
