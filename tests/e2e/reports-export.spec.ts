import { execFileSync } from 'node:child_process';
import ExcelJS from 'exceljs';
import { openDatabase } from '../../src/main/core/db/client';
import { readKeyFile } from '../../src/main/core/keys/key-file';
import { dataPaths } from '../../src/main/core/paths';
import { writeHandFiles } from '../core/support/report-files';
import { ADMIN, setUpOffice, signIn } from './support';
import { expect, test } from './fixtures';

/**
 * 统计报表 exported from the browser: a quarter computed, 导出 Excel and 导出 PDF each download one file (the web host's
 * way of handing a document over), read back: the workbook with exceljs, the PDF with pdftotext.
 */
test('a quarter of report tables downloads as a workbook and as a PDF', async ({ page, host }, testInfo) => {
  await setUpOffice(host);
  const paths = dataPaths(host.dataDir);
  const { sqlite } = openDatabase(paths.database, readKeyFile(paths.keyFile)!);
  writeHandFiles(sqlite, [
    {
      key: 'A',
      category: 'deep',
      worker: 'urban',
      entry: 'new',
      cause: '6',
      status: 'active',
      steps: [['approve', '2025-11-03T02:00:00.000Z']],
    },
  ]);
  sqlite.close();

  await page.goto(host.url);
  await signIn(page, ADMIN.username, ADMIN.password);
  await page.getByRole('navigation').getByRole('link', { name: '统计报表' }).click();
  await page.getByLabel('年份').fill('2025');
  await page.getByRole('combobox', { name: '季度' }).click();
  await page.getByRole('option', { name: '第4季度' }).click();
  await page.getByRole('button', { name: '生成报表' }).click();
  await expect(page.getByText('统计期间：2025年第四季度，截至 2026-03-10')).toBeVisible();

  const xlsxDownload = page.waitForEvent('download');
  await page.getByRole('button', { name: '导出 Excel' }).click();
  const xlsx = await xlsxDownload;
  expect(xlsx.suggestedFilename()).toBe('统计报表-2025年第四季度（截至2026-03-10）.xlsx');
  const saved = testInfo.outputPath('report.xlsx');
  await xlsx.saveAs(saved);
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(saved);
  const households = workbook.getWorksheet('困难职工家庭')!;
  expect(households.getCell('A1').value).toBe('困难职工家庭情况统计表');
  const deep = households.getColumn(1).values.findIndex((v) => v === '深度困难');
  expect(households.getRow(deep).getCell(2).value).toBe(1); // 深度困难, 合计: file A

  const pdfDownload = page.waitForEvent('download');
  await page.getByRole('button', { name: '导出 PDF' }).click();
  const pdf = await pdfDownload;
  expect(pdf.suggestedFilename()).toBe('统计报表-2025年第四季度（截至2026-03-10）.pdf');
  const printed = testInfo.outputPath('report.pdf');
  await pdf.saveAs(printed);
  const text = execFileSync('pdftotext', ['-layout', printed, '-'], { encoding: 'utf8' }).replace(/\s+/g, '');
  expect(text).toContain('困难职工家庭情况统计表');
  expect(text).toContain('统计期间：2025年第四季度截至2026-03-10');
  expect(text).toContain('填报人：');
});
