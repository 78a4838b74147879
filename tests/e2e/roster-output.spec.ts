import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import ExcelJS from 'exceljs';
import { ADMIN, CREDIT_CODE, ORG_NAME, rpc, signIn, syntheticIdNumber } from './support';
import { expect, test } from './fixtures';

const MEMBERS = [
  { name: '单雄信', idNumber: syntheticIdNumber('44010619850312123'), unitName: '广州天河软件园有限公司' },
  { name: '曾小贤', idNumber: syntheticIdNumber('44010619900708246'), unitName: '广州天河软件园有限公司' },
  { name: '欧阳明月', idNumber: syntheticIdNumber('11010119780215357'), unitName: '天河区环卫所' },
];

test('export the current list as .xlsx with masked IDs, and print it as a paged PDF', async ({ page, host, shots }, testInfo) => {
  await rpc(host.origin, host.token, 'system.setup', {
    org: { name: ORG_NAME, creditCode: CREDIT_CODE, regionCode: '440106', mode: 'centre' },
    admin: ADMIN,
  });
  await rpc(host.origin, host.token, 'auth.signIn', { username: ADMIN.username, password: ADMIN.password });
  for (const member of MEMBERS) await rpc(host.origin, host.token, 'roster.create', member);
  await rpc(host.origin, host.token, 'auth.signOut');

  await page.goto(host.url);
  await signIn(page, ADMIN.username, ADMIN.password);
  await page.getByRole('link', { name: '会员名册' }).click();
  await page.getByLabel('查找会员').fill('软件园');
  await expect(page.getByText('共 2 人')).toBeVisible();

  // Export what the list shows: two members, IDs masked.
  await page.getByRole('button', { name: '导出 Excel' }).click();
  await shots(page, 'export-menu');
  const downloading = page.waitForEvent('download');
  await page.getByRole('menuitem', { name: /隐去中间/ }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toMatch(/\.xlsx$/);
  const xlsxPath = testInfo.outputPath('roster.xlsx');
  await download.saveAs(xlsxPath);
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(xlsxPath);
  const sheet = workbook.worksheets[0]!;
  expect(sheet.rowCount).toBe(3);
  const ids = [2, 3].map((r) => String(sheet.getRow(r).getCell(5).value));
  for (const id of ids) expect(id).toMatch(/^\d{6}\*{8}\d{3}[\dX]$/);
  expect([2, 3].map((r) => sheet.getRow(r).getCell(2).value).sort()).toEqual(['单雄信', '曾小贤']);

  // Print: the PDF opens in a new tab (the system viewer in the desktop program).
  const opening = page.context().waitForEvent('page');
  await page.getByRole('button', { name: '打印名册' }).click();
  const viewer = await opening;
  const pdf = await page.request.get(viewer.url());
  const pdfPath = testInfo.outputPath('roster.pdf');
  writeFileSync(pdfPath, await pdf.body());
  const text = execFileSync('pdftotext', ['-layout', pdfPath, '-']).toString('utf8');
  const compact = text.replace(/\s+/g, '');
  expect(compact).toContain(`${ORG_NAME}会员名册`);
  expect(compact).toContain('第1页共1页');
  expect(text).toContain('单雄信');
  expect(text).not.toContain('欧阳明月'); // not in the search
  for (const member of MEMBERS) expect(text).not.toContain(member.idNumber);
  execFileSync('pdftoppm', ['-png', '-r', '60', '-f', '1', '-l', '1', pdfPath, testInfo.outputPath('roster-page')]);

  // Both are in the audit log, without what was in them.
  await page.bringToFront();
  await page.getByRole('link', { name: '审计日志' }).click();
  await expect(page.getByText('导出名册 2 人（身份证号已隐去中间位）')).toBeVisible();
  await expect(page.getByText('打印名册 2 人')).toBeVisible();
  await shots(page, 'audit-export-print');
});
