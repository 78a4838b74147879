import ExcelJS from 'exceljs';
import type { Page } from '@playwright/test';
import { ADMIN, rpc, setUpOffice, signIn, syntheticIdNumber } from './support';
import { NO_EXCLUSIONS } from './file-steps';
import { expect, test } from './fixtures';

/** Issue 10 §4: the file list's search, its .xlsx 台账, a member's files on their page, the roster's phone tail. */
const HEAD = { name: '张三丰', idNumber: syntheticIdNumber('44010619800101101'), phone: '13912345678', unitName: '甲机械厂' };
const OTHER = { name: '欧阳娜娜', idNumber: syntheticIdNumber('44010619750505105'), phone: '13698765432', unitName: '乙纺织厂' };
const SPOUSE = { name: '测试配偶', idNumber: syntheticIdNumber('44010619820202102') };

/** Two drafts made through the core (the intake is files.spec.ts's): 张三丰's with 测试配偶 in the household. */
async function seed(host: { origin: string; token: string }): Promise<string> {
  await setUpOffice(host);
  const call = (channel: string, input: unknown) => rpc(host.origin, host.token, channel, input);
  await call('auth.signIn', { username: ADMIN.username, password: ADMIN.password });
  const ids: string[] = [];
  for (const member of [HEAD, OTHER, SPOUSE]) ids.push(((await call('roster.create', member)) as { id: string }).id);
  const file = (await call('files.create', { memberId: ids[0], workerType: 'urban' })) as {
    id: string;
    rev: number;
    household: { id: string }[];
  };
  await call('files.create', { memberId: ids[1], workerType: 'urban' });
  await call('files.saveDraft', {
    id: file.id,
    rev: file.rev,
    household: [
      { id: file.household[0]!.id, relation: 'self', name: HEAD.name },
      { relation: 'spouse', name: SPOUSE.name, idNumber: SPOUSE.idNumber },
    ],
    incomeItems: [],
    exclusions: NO_EXCLUSIONS,
    workerType: 'urban',
    consents: { incomeVerificationOn: null, publicNoticeOn: null, reportUpwardOn: null },
  });
  await call('auth.signOut', {});
  return file.id;
}

/** Types into the file list's search box and waits for the list to show `found` alone. */
async function searchFiles(page: Page, text: string, found: string, kind?: string) {
  await page.getByLabel('查找档案').fill(text);
  const table = page.getByRole('table', { name: '困难职工档案' });
  await expect(table.getByRole('link', { name: found })).toBeVisible();
  await expect(table.getByRole('row')).toHaveCount(2); // the header and the one file
  if (kind) await expect(page.getByTestId('files-search-kind')).toHaveText(kind);
}

test('find files by each kind of search, export the list as .xlsx, and go from a member to their file', async ({
  page,
  host,
  shots,
}, testInfo) => {
  const fileId = await seed(host);
  await page.goto(host.url);
  await signIn(page, ADMIN.username, ADMIN.password);
  await page.getByRole('link', { name: '困难职工档案' }).click();
  await expect(page.getByText('共 2 份')).toBeVisible();

  // Each kind in turn, alternating the file found so that each answer is seen to arrive.
  await searchFiles(page, '三丰', HEAD.name);
  await searchFiles(page, 'oyn', OTHER.name, '按拼音或首字母查找');
  await searchFiles(page, HEAD.idNumber.slice(-4), HEAD.name, '按身份证尾号或手机后4位查找');
  await searchFiles(page, OTHER.phone.slice(-4), OTHER.name);
  await searchFiles(page, SPOUSE.idNumber, HEAD.name); // anyone in the household, typed whole
  await searchFiles(page, '纺织', OTHER.name); // the head's unit
  await searchFiles(page, HEAD.phone.slice(-4), HEAD.name);
  await shots(page, 'files-search');

  // Export what the list shows: 张三丰's file alone, the ID masked.
  await page.getByRole('button', { name: '导出台账' }).click();
  const downloading = page.waitForEvent('download');
  await page.getByRole('menuitem', { name: /隐去中间/ }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toMatch(/^困难职工档案台账-.*\.xlsx$/);
  const xlsxPath = testInfo.outputPath('files.xlsx');
  await download.saveAs(xlsxPath);
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(xlsxPath);
  const sheet = workbook.worksheets[0]!;
  expect(sheet.rowCount).toBe(2);
  const row = sheet.getRow(2);
  expect([3, 5, 7].map((c) => row.getCell(c).value)).toEqual([HEAD.name, HEAD.unitName, '草稿']);
  expect(String(row.getCell(4).value)).toMatch(/^440106\*{8}\d{3}[\dX]$/);
  expect(JSON.stringify(sheet.getSheetValues())).not.toContain(HEAD.idNumber);

  // The roster finds the spouse by the last 4 of nothing but her ID; the head by his phone's last 4.
  await page.getByRole('link', { name: '会员名册' }).click();
  await page.getByLabel('查找会员').fill(HEAD.phone.slice(-4));
  await expect(page.getByTestId('roster-total')).toHaveText('共 1 人');
  await expect(page.getByRole('link', { name: HEAD.name })).toBeVisible();
  await page.getByLabel('查找会员').fill(SPOUSE.name);
  await page.getByRole('link', { name: SPOUSE.name }).click();

  // The spouse's page lists the file she is in, and links to it.
  await expect(page.getByRole('heading', { name: SPOUSE.name })).toBeVisible();
  const files = page.getByRole('table', { name: '困难职工档案' });
  await expect(files.getByRole('row')).toHaveCount(2);
  await expect(files.getByText('配偶')).toBeVisible();
  await expect(files.getByText(HEAD.name)).toBeVisible();
  await shots(page, 'member-files');
  await files.getByRole('link', { name: `打开档案 ${HEAD.name}` }).click();
  await expect(page).toHaveURL(new RegExp(`/files/${fileId}$`));
  await expect(page.getByRole('heading', { name: new RegExp(HEAD.name) }).first()).toBeVisible();

  // The export is in the audit log, without what was in it.
  await page.getByRole('link', { name: '审计日志' }).click();
  await expect(page.getByText('导出档案台账 1 份（身份证号已隐去中间位）')).toBeVisible();
});
