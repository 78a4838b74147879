import ExcelJS from 'exceljs';
import { DEMO_CENTRES, DEMO_PERSON } from '../../src/main/tools/federation-demo';
import { maskIdNumber } from '@shared/domain/id-number';
import { setUpFederationWithDemoCentres } from './federation-demo-steps';
import { ADMIN, signIn } from './support';
import { expect, test } from './fixtures';

/**
 * The federation's views in the browser: a federation office whose database holds two centres' records as the
 * importer leaves them (the development tool federation-demo.ts writes them into the web host's database), then
 * 各中心 → a centre's files → one file, and 重复核查 with the person filed and paid in both centres.
 */
test('a federation sees its centres, overdue first, a centre’s files read-only, and a person filed in two centres', async ({
  page,
  host,
}, testInfo) => {
  await setUpFederationWithDemoCentres(host);

  await page.goto(host.url);
  await signIn(page, ADMIN.username, ADMIN.password);
  // The home page counts the centres' to-dos, not files the federation does not keep; each count leads to its list.
  const todos = page.getByRole('region', { name: '各帮扶中心' });
  await expect(todos.getByRole('link', { name: '多个中心建档的人：1' })).toBeVisible();
  await expect(page.getByRole('region', { name: '建档与入户' })).toHaveCount(0);
  await expect(page.getByRole('navigation').getByRole('link', { name: '困难职工档案' })).toHaveCount(0);
  await expect(page.getByText('交换密钥卡，标记批次异常已处理')).toBeVisible();
  await expect(page.getByText('导出银行代发清单')).toHaveCount(0);
  await todos.getByRole('link', { name: '逾期未报送的中心：1' }).click();
  const centres = page.getByRole('table', { name: '各中心' });
  // 西城 last imported 40 days ago: overdue (35 days by default), listed first, with its key change.
  await expect(centres.getByRole('row').nth(1)).toContainText(DEMO_CENTRES.xicheng.name);
  await expect(centres.getByRole('row').nth(1)).toContainText('逾期（40 天未导入）');
  await expect(centres.getByRole('row').nth(1)).toContainText('密钥已更换');
  // The to-do's list holds the overdue centres only, as many as it counted; taking the filter off shows them all.
  await expect(centres.getByRole('row')).toHaveCount(2);
  await page.getByRole('button', { name: '显示全部中心' }).click();
  await expect(centres.getByRole('row').nth(2)).toContainText(DEMO_CENTRES.dongcheng.name);
  await expect(centres.getByRole('row').nth(2)).toContainText('第 2 批');
  await expect(centres.getByRole('row').nth(2)).toContainText('2 / 2 / 1');

  await centres.getByRole('link', { name: DEMO_CENTRES.dongcheng.name }).click();
  const files = page.getByRole('table', { name: '困难职工档案' });
  await expect(files.getByRole('row')).toHaveCount(3);
  await page.getByLabel('查找').fill('张');
  await expect(files.getByRole('row')).toHaveCount(2);
  await expect(files).toContainText(maskIdNumber(DEMO_PERSON.idNumber));
  await expect(files).not.toContainText(DEMO_PERSON.idNumber);
  await files.getByRole('link', { name: /^1101012026/ }).click();
  await expect(page.getByRole('heading', { name: /档案 1101012026/ })).toBeVisible();
  await expect(page.getByRole('table', { name: '家庭成员' })).toContainText('张小明');
  await expect(page.getByText('以下是该中心报送的数据，只能查看，不能修改。', { exact: false })).toBeVisible();
  await expect(page.getByRole('main').getByRole('button', { name: /保存|编辑|修改/ })).toHaveCount(0);

  await page.getByRole('link', { name: '重复核查' }).click();
  const dup = page.getByRole('table', { name: '多个中心建档' });
  await expect(dup.getByRole('row')).toHaveCount(2);
  await expect(dup).toContainText(DEMO_PERSON.name);
  await expect(dup).toContainText(DEMO_CENTRES.dongcheng.name);
  await expect(dup).toContainText(DEMO_CENTRES.xicheng.name);
  await page.getByRole('tab', { name: '同年多个中心救助' }).click();
  const aid = page.getByRole('table', { name: '同年多个中心救助' });
  await expect(aid).toContainText(`${DEMO_CENTRES.dongcheng.name}：1 笔 ¥800.00`);
  await expect(aid).toContainText(`${DEMO_CENTRES.xicheng.name}：1 笔 ¥500.00`);
  // Both lists whole, to take up with the centres: a row per centre, the ID number masked as on screen.
  const downloading = page.waitForEvent('download');
  await page.getByRole('button', { name: '导出 Excel' }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toBe('重复核查.xlsx');
  const xlsxPath = testInfo.outputPath('duplicates.xlsx');
  await download.saveAs(xlsxPath);
  await expect(page.getByText('重复核查已导出（身份证号已遮盖）')).toBeVisible();
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(xlsxPath);
  const aidRows = workbook.getWorksheet('同年多个中心救助')!.getSheetValues().slice(2);
  expect(aidRows.map((row) => (row as unknown[]).slice(3, 9))).toEqual([
    [DEMO_PERSON.name, maskIdNumber(DEMO_PERSON.idNumber), DEMO_CENTRES.dongcheng.name, DEMO_CENTRES.dongcheng.code, 1, 800],
    [DEMO_PERSON.name, maskIdNumber(DEMO_PERSON.idNumber), DEMO_CENTRES.xicheng.name, DEMO_CENTRES.xicheng.code, 1, 500],
  ]);
  expect(workbook.getWorksheet('多个中心建档')!.rowCount).toBe(3);
  // A link goes to that centre's payments of the year.
  await aid.getByRole('link', { name: new RegExp(DEMO_CENTRES.xicheng.name) }).click();
  await expect(page.getByTestId('fed-payment-totals')).toContainText('合计 1 笔，¥500.00');
});
