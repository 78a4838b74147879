import ExcelJS from 'exceljs';
import { ADMIN, CLERK, chooseFile, createReadyUser, rpc, setUpOffice, signIn, signOut, syntheticIdNumber } from './support';
import { expect, test } from './fixtures';

const REVIEWER = { username: 'reviewer.li', displayName: '李审核', role: 'reviewer', password: 'Li#2026xyz' };

const HEADS = [
  { name: '测试特困户主', idNumber: syntheticIdNumber('44010619700101201'), word: '特困职工' },
  { name: '测试边缘户主', idNumber: syntheticIdNumber('44010619700102201'), word: '低保边缘户' },
  { name: '测试一般户主', idNumber: syntheticIdNumber('44010619700103201'), word: '一般困难' },
];

/** An old-files sheet as a district kept it: a title row, then the header, one household a row. */
async function writeSheet(path: string, rows: unknown[][]): Promise<void> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('困难职工');
  sheet.addRow(['XX区困难职工档案台账']);
  sheet.addRow(['序号', '户主姓名', '身份证号', '困难类别', '建档日期', '档案编号']);
  for (const row of rows) sheet.addRow(row);
  await workbook.xlsx.writeFile(path);
}

test('a clerk imports existing files from a spreadsheet (problem seen, corrected, old categories mapped); a reviewer confirms them', async ({
  page,
  host,
  shots,
}, testInfo) => {
  await setUpOffice(host);
  await createReadyUser(host.origin, host.token, CLERK);
  await createReadyUser(host.origin, host.token, REVIEWER);
  await rpc(host.origin, host.token, 'auth.signIn', { username: ADMIN.username, password: ADMIN.password });
  await rpc(host.origin, host.token, 'roster.create', { name: HEADS[0]!.name, idNumber: HEADS[0]!.idNumber, unitName: '甲机械厂' });
  await rpc(host.origin, host.token, 'auth.signOut');

  await page.goto(host.url);
  await signIn(page, CLERK.username, CLERK.password);
  await page.getByRole('link', { name: '困难职工档案' }).click();
  await page.getByRole('button', { name: '导入存量档案' }).click();
  const dialog = page.getByRole('dialog', { name: '导入存量档案' });
  await expect(dialog).toContainText('旧类别 特困、低保户 导入为“深度困难”');

  // The first sheet has a date nobody can read: nothing can be imported until it is corrected.
  const rows = (secondFiledOn: string) => [
    [1, HEADS[0]!.name, HEADS[0]!.idNumber, HEADS[0]!.word, new Date(Date.UTC(2019, 4, 6)), '440106201900012'],
    [2, HEADS[1]!.name, HEADS[1]!.idNumber, HEADS[1]!.word, secondFiledOn, ''],
    [3, HEADS[2]!.name, HEADS[2]!.idNumber, HEADS[2]!.word, '2021-07-01', ''],
  ];
  const wrong = testInfo.outputPath('存量档案.xlsx');
  await writeSheet(wrong, rows('2020年3月'));
  await chooseFile(page, '选择表格', wrong);
  await expect(dialog.getByText('有 1 处需要改正')).toBeVisible();
  const problems = dialog.getByRole('table', { name: '需要改正的地方' });
  await expect(problems.getByRole('row').nth(1)).toContainText('4');
  await expect(problems.getByRole('row').nth(1)).toContainText('建档日期');
  await expect(problems.getByRole('row').nth(1)).toContainText('无法识别的日期“2020年3月”');
  await expect(dialog.getByRole('button', { name: /^导入 \d+ 份档案$/ })).toBeDisabled();
  await shots(page, 'import-existing-problem');

  // Corrected and chosen again: the old words and what they become, members and numbers, then the import.
  const fixed = testInfo.outputPath('存量档案-改正.xlsx');
  await writeSheet(fixed, rows('2020-03-15'));
  await chooseFile(page, '重新选择表格', fixed);
  const check = dialog.getByTestId('existing-check');
  await expect(check).toContainText('共 3 行：会员 1 户，非会员 2 户；沿用原档案编号 1 份，由程序编号 2 份。');
  const mapping = dialog.getByRole('table', { name: '类别对照' });
  await expect(mapping.getByRole('row', { name: /特困/ })).toContainText('深度困难');
  await expect(mapping.getByRole('row', { name: /低保边缘户/ })).toContainText('相对困难');
  await expect(mapping.getByRole('row', { name: /一般困难/ })).toContainText('相对困难');
  await shots(page, 'import-existing-ready');
  await dialog.getByRole('button', { name: '导入 3 份档案' }).click();
  await expect(page.getByText('已导入 3 份存量档案，待审核人或管理员确认')).toBeVisible();

  // Staged, not on record: no number, counted as 导入待确认; the clerk cannot confirm their own import.
  const table = page.getByRole('table', { name: '困难职工档案' });
  await expect(table.getByRole('row')).toHaveCount(4);
  await expect(page.getByRole('radio', { name: '导入待确认 3' })).toBeAttached();
  await expect(page.getByRole('radio', { name: /^在档/ })).toHaveCount(0);
  await expect(table.getByRole('row', { name: new RegExp(HEADS[0]!.name) })).toContainText('确认后编号');
  const pending = page.getByRole('alert', { name: '待确认的存量档案导入' });
  await expect(pending).toContainText(`${CLERK.displayName} 于`);
  await pending.getByRole('button', { name: '查看并确认' }).click();
  const clerkReview = page.getByRole('dialog', { name: '确认存量档案导入' });
  await expect(clerkReview.getByRole('button', { name: '确认导入 3 份档案' })).toBeDisabled();
  // In Chinese punctuation, as the rest of the screen: 确认存量档案导入：需要审核人办理；不能审批自己录入…
  await expect(clerkReview.getByTestId('import-blockers-confirm')).toContainText('确认存量档案导入：需要审核人办理；');
  await expect(clerkReview.getByRole('button', { name: '撤回导入' })).toBeEnabled();
  await clerkReview.getByRole('button', { name: '取消' }).click();
  await signOut(page);

  // A reviewer sees the rows and the mapping, then confirms: the files are on record, numbered.
  await signIn(page, REVIEWER.username, REVIEWER.password);
  await page.getByRole('link', { name: '困难职工档案' }).click();
  await page.getByRole('alert', { name: '待确认的存量档案导入' }).getByRole('button', { name: '查看并确认' }).click();
  const review = page.getByRole('dialog', { name: '确认存量档案导入' });
  await expect(review.getByRole('table', { name: '类别对照' }).getByRole('row', { name: /低保边缘户/ })).toContainText('相对困难');
  const staged = review.getByRole('table', { name: '导入的档案' });
  await expect(staged.getByRole('row', { name: new RegExp(HEADS[0]!.name) })).toContainText('440106201900012');
  await expect(staged.getByRole('row', { name: new RegExp(HEADS[1]!.name) })).toContainText('确认后编号');
  await expect(review.getByRole('button', { name: '撤回导入' })).toHaveCount(0);
  await shots(page, 'import-existing-confirm');
  await review.getByRole('button', { name: '确认导入 3 份档案' }).click();
  await expect(page.getByText('已确认，3 份存量档案已在档')).toBeVisible();
  await expect(page.getByRole('alert', { name: '待确认的存量档案导入' })).toHaveCount(0);

  // On record, numbered, due for their annual review; the timeline says where each came from.
  await expect(table.getByRole('row')).toHaveCount(4);
  await expect(table.getByRole('row', { name: new RegExp(HEADS[0]!.name) })).toContainText('440106201900012');
  await expect(table.getByRole('row', { name: new RegExp(HEADS[1]!.name) })).toContainText('440106202000001');
  await expect(page.getByRole('radio', { name: '在档 3' })).toBeAttached();
  await expect(page.getByText('复核到期 3')).toBeVisible();
  await table.getByRole('link', { name: HEADS[0]!.name }).click();
  await expect(page.getByText('存量', { exact: true })).toBeVisible();
  await page.getByRole('tab', { name: '办理记录' }).click();
  await expect(page.getByRole('list', { name: '办理记录' })).toContainText('导入存量档案');
  await expect(page.getByRole('list', { name: '办理记录' })).toContainText('原类别“特困”，2019-05-06 建档');
  await expect(page.getByRole('list', { name: '办理记录' })).toContainText(
    `${REVIEWER.displayName} · 确认存量档案导入（导入待确认 → 在档）`,
  );
  await shots(page, 'import-existing-file');
});
