import { writeFileSync } from 'node:fs';
import ExcelJS from 'exceljs';
import { ADMIN, rpc, setUpOffice, signIn, syntheticIdNumber, chooseFile } from './support';
import { draftOf } from './file-steps';
import { expect, test } from './fixtures';
import { localIsoDate } from '../support/test-clock';

/**
 * 信息比对 on screen (issue 13): a 民政 低保 list imported (a bad ID row reported by its row number), the comparison's
 * three tabs (a household member on the list under another name, flagged; a person with no file), a link to the
 * file, the export read back with exceljs, and the administrator's delete.
 */

const HEAD = { name: '王困难', idNumber: syntheticIdNumber('44010619780101101') };
const SPOUSE = { name: '赵配偶', idNumber: syntheticIdNumber('44010619800202102') };
const OUTSIDER = { name: '钱名单', idNumber: syntheticIdNumber('44010619900303103') };

test('import a 民政 list, see the comparison, export it, delete the list', async ({ page, host, shots }, testInfo) => {
  await setUpOffice(host);
  await rpc(host.origin, host.token, 'auth.signIn', { username: ADMIN.username, password: ADMIN.password });
  const today = localIsoDate(await host.now());
  const file = (await rpc(host.origin, host.token, 'files.create', { head: HEAD, workerType: 'urban' })) as {
    id: string;
    rev: number;
    household: { id: string }[];
  };
  await rpc(
    host.origin,
    host.token,
    'files.saveDraft',
    draftOf(
      file,
      [
        { id: file.household[0]!.id, relation: 'self', name: HEAD.name },
        { relation: 'spouse', name: SPOUSE.name, idNumber: SPOUSE.idNumber },
      ],
      today,
    ),
  );
  await rpc(host.origin, host.token, 'auth.signOut');

  const listPath = testInfo.outputPath('低保名单.csv');
  const lines = [
    '序号,姓名,身份证号,所属街道',
    `1,${HEAD.name},${HEAD.idNumber},东街道`,
    `2,赵配遇,${SPOUSE.idNumber},东街道`,
    `3,${OUTSIDER.name},${OUTSIDER.idNumber},西街道`,
    `4,号码有误,${OUTSIDER.idNumber.slice(0, 17)}${OUTSIDER.idNumber[17] === '1' ? '2' : '1'},西街道`,
  ];
  writeFileSync(listPath, lines.join('\r\n'));

  await page.goto(host.url);
  await signIn(page, ADMIN.username, ADMIN.password);
  await page.getByRole('link', { name: '信息比对' }).click();
  await expect(page.getByText('还没有导入名单')).toBeVisible();
  await page.getByRole('button', { name: '导入名单' }).click();
  const dialog = page.getByRole('dialog', { name: '导入名单' });
  await expect(dialog.getByText('还需要：')).toBeVisible();
  await chooseFile(page, '选择文件', listPath);
  await expect(dialog.getByLabel('身份证号所在列')).toHaveValue('第 3 列：身份证号');
  await expect(dialog.getByLabel('姓名所在列')).toHaveValue('第 2 列：姓名');
  await dialog.getByLabel('名单来源单位').fill('示范区民政局');
  await shots(page, 'compare-import');
  await dialog.getByRole('button', { name: '导入名单' }).click();
  const imported = page.getByTestId('compare-imported');
  await expect(imported).toContainText('已导入 3 人；1 行身份证号有误或重复');
  await expect(imported).toContainText('第 5 行：最后一位校验码不对');
  await imported.getByRole('button', { name: '查看比对' }).click();

  await expect(page.getByRole('heading', { name: '信息比对：示范区民政局' })).toBeVisible();
  await expect(page.getByRole('tab', { name: '在我方档案中（2）' })).toBeVisible();
  await expect(page.getByRole('tab', { name: '名单有而我方无档案（1）' })).toBeVisible();
  const matched = page.getByRole('table', { name: '在我方档案中' });
  await expect(matched.getByRole('row')).toHaveCount(3);
  await expect(matched.getByRole('row').nth(2)).toContainText('赵配遇');
  await expect(matched.getByRole('row').nth(2)).toContainText('姓名不一致');
  await expect(matched).not.toContainText(SPOUSE.idNumber);
  await shots(page, 'compare-matched');
  await page.getByRole('tab', { name: '应在名单而未在（0）' }).click();
  await expect(page.getByText('没有符合的记录。')).toBeVisible();
  await page.getByRole('tab', { name: '名单有而我方无档案（1）' }).click();
  await expect(page.getByRole('table', { name: '名单有而我方无档案' })).toContainText(OUTSIDER.name);

  const downloading = page.waitForEvent('download');
  await page.getByRole('button', { name: '导出 Excel' }).click();
  const download = await downloading;
  const xlsxPath = testInfo.outputPath('compare.xlsx');
  await download.saveAs(xlsxPath);
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(xlsxPath);
  expect(workbook.worksheets.map((s) => s.name)).toEqual(['说明', '在我方档案中', '应在名单而未在', '名单有而我方无档案']);
  expect(workbook.getWorksheet('在我方档案中')!.getRow(3).getCell(5).value).toBe('不一致');
  expect(workbook.getWorksheet('名单有而我方无档案')!.getRow(2).getCell(2).value).toBe(OUTSIDER.name);

  await page.getByRole('tab', { name: '在我方档案中（2）' }).click();
  await matched.getByRole('link').first().click();
  await expect(page).toHaveURL(new RegExp(`/files/${file.id}`));

  await page.getByRole('link', { name: '信息比对' }).click();
  await page.getByRole('button', { name: '删除' }).click();
  const confirm = page.getByRole('dialog', { name: '彻底删除这份名单？' });
  await expect(confirm).toContainText('示范区民政局');
  await confirm.getByRole('button', { name: '彻底删除' }).click();
  await expect(page.getByText('还没有导入名单')).toBeVisible();
});
