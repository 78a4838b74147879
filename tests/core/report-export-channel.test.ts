import { execFileSync } from 'node:child_process';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { addUser, ORG, outboxCopy, startSetUpCore, type TestCore } from './support/core';
import { writeHandFiles } from './support/report-files';

/**
 * reports.export end to end on a real core: buildSheets as of the day, the file in the outbox as the host receives it,
 * read back (exceljs, pdftotext), and the audit entry. The test clock stands at 2026-03-10, inside the first quarter.
 */

const FIRST_QUARTER = { kind: 'quarter', year: 2026, quarter: 1 } as const;
const TABLES = ['households', 'causes', 'movements'] as const;

async function exported(t: TestCore, format: 'xlsx' | 'pdf', client?: string) {
  const { result } = await t.job('reports.export', { tables: [...TABLES], period: FIRST_QUARTER, asOf: '2026-03-10', format }, client);
  if (!result.ok) throw new Error(JSON.stringify(result.error));
  const file = result.data as { fileId: string; name: string; mime: string };
  return { file, path: await outboxCopy(t, file.fileId) };
}

describe('reports.export', () => {
  it('writes the tables as one workbook, a worksheet each, framed with the office and the period, and logs it', async () => {
    const t = await startSetUpCore();
    const { file, path } = await exported(t, 'xlsx');
    expect(file.name).toBe('统计报表-2026年第一季度（截至2026-03-10）.xlsx');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(path);
    expect(workbook.worksheets.map((ws) => ws.name)).toEqual(['困难职工家庭', '致困原因', '增减变动']);
    const ws = workbook.worksheets[0]!;
    expect(ws.getCell('A1').value).toBe('困难职工家庭情况统计表');
    expect(ws.getCell('A2').value).toBe(`填报单位：${ORG.name}`);
    const row2 = (ws.getRow(2).values as unknown[]).map(String).join('');
    expect(row2).toContain('统计期间：2026年第一季度');
    expect(row2).toContain('截至 2026-03-10');
    const signature = ws.getColumn(1).values.find((v) => typeof v === 'string' && v.startsWith('填报人：'));
    expect(signature).toMatch(/审核人：_+\s+单位负责人：_+/);
    const totals = ws.getColumn(1).values.findIndex((v) => v === '合计');
    expect(totals).toBeGreaterThan(0);
    expect(ws.getRow(totals).getCell(2).value).toBe(0); // no files yet: every count a number, zero
    expect(ws.getRow(totals).getCell(1).font.bold).toBe(true);
    const audit = await t.call('audit.list', { action: 'reports.export', page: 1, pageSize: 5 });
    expect(audit.entries[0]!.summary).toEqual({
      event: 'reports.exported',
      params: { period: '2026年第一季度', format: 'xlsx', tables: 3 },
    });
  });

  it('prints the same tables as a PDF a viewer may export', async () => {
    const t = await startSetUpCore();
    await addUser(t, 'viewer', 'viewer1', 'v');
    const { file, path } = await exported(t, 'pdf', 'v');
    expect(file.mime).toBe('application/pdf');
    const flat = execFileSync('pdftotext', ['-layout', path, '-'], { encoding: 'utf8' }).replace(/\s+/g, '');
    for (const title of ['困难职工家庭情况统计表', '困难职工家庭致困原因统计表', '困难职工档案增减变动表']) expect(flat).toContain(title);
    expect(flat).toContain(`填报单位：${ORG.name}`);
    expect(flat).toContain('统计期间：2026年第一季度截至2026-03-10');
    expect(flat).toContain('合计');
    expect(flat).toContain('填报人：');
    expect(flat).toMatch(/计算时间：2026-03-1\d\d\d:\d\d/);
  });

  it('writes every number the screen shows for the same request, totals included', async () => {
    const t = await startSetUpCore();
    writeHandFiles(t.core.state.conn!.sqlite, [
      {
        key: 'A',
        category: 'deep',
        worker: 'urban',
        entry: 'new',
        cause: '6',
        status: 'active',
        steps: [['approve', '2026-01-05T02:00:00.000Z']],
      },
      {
        key: 'B',
        category: 'relative',
        worker: 'migrant',
        entry: 'relapsed',
        cause: '3',
        status: 'active',
        steps: [['approve', '2026-02-01T02:00:00.000Z']],
      },
    ]);
    const request = { tables: [...TABLES], period: FIRST_QUARTER, asOf: '2026-03-10' };
    const shown = await t.call('reports.tables', request);
    const { path } = await exported(t, 'xlsx');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(path);
    let numbers = 0;
    for (const sheet of shown.sheets) {
      const ws = workbook.getWorksheet(sheet.name)!;
      // The sheet's numbers in order (rows of the body, then 合计) against the worksheet's numeric cells in order.
      const wanted = [...sheet.body, ...(sheet.totals ? [sheet.totals] : [])].flatMap((row) =>
        row.flatMap((cell) => (cell.count !== undefined ? [cell.count] : cell.fen !== undefined ? [cell.fen / 100] : [])),
      );
      const written: number[] = [];
      ws.eachRow((row) => row.eachCell((cell) => typeof cell.value === 'number' && written.push(cell.value)));
      expect(written, sheet.name).toEqual(wanted);
      numbers += wanted.filter((n) => n > 0).length;
    }
    expect(numbers).toBeGreaterThan(0); // the two files are counted somewhere
  });

  it('refuses an as-of day before the period, naming its first day', async () => {
    const t = await startSetUpCore();
    const { result } = await t.job('reports.export', {
      tables: ['households'],
      period: { kind: 'quarter', year: 2026, quarter: 2 },
      asOf: '2026-03-10',
      format: 'xlsx',
    });
    expect(result.ok).toBe(false);
    expect(!result.ok && result.error).toMatchObject({ code: 'REPORT_AS_OF_BEFORE_PERIOD', params: { from: '2026-04-01' } });
  });
});
