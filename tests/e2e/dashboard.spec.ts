import ExcelJS from 'exceljs';
import { ADMIN, CLERK, rpc, setUpOffice, signIn, syntheticIdNumber } from './support';
import { expect, test } from './fixtures';

/**
 * The director's home page (issue 13 "Dashboard"): a reviewer sees the payments waiting for approval among the to-dos
 * and, below them, the charts of a small office whose every number is known; each number opens its list, filtered to
 * show exactly what was counted (the files in force of a category or cause, the payments of a month and type, of a
 * program).
 */

const REVIEWER = { username: 'reviewer.li', displayName: '李审核', role: 'reviewer', password: 'Li#2026xyz' };
const HEADS = [
  { name: '甲户', idNumber: syntheticIdNumber('44010619700101301'), category: '特困', cause: '6 患重特大疾病' },
  { name: '乙户', idNumber: syntheticIdNumber('44010619700102301'), category: '特困', cause: '6' },
  { name: '丙户', idNumber: syntheticIdNumber('44010619700103301'), category: '低保边缘户', cause: '3 下岗失业' },
];

type Host = { origin: string; token: string };
const call = <T>(host: Host, channel: string, input: unknown = {}) => rpc(host.origin, host.token, channel, input) as Promise<T>;

/** Three households on record (an old-files sheet the reviewer confirms), a 送温暖 program and two payments of it. */
async function smallOffice(host: Host): Promise<void> {
  const temporary = 'Temp#2026x';
  await setUpOffice(host);
  await call(host, 'auth.signIn', { username: ADMIN.username, password: ADMIN.password });
  for (const user of [CLERK, REVIEWER]) await call(host, 'users.create', { ...user, password: temporary });
  for (const head of HEADS) await call(host, 'roster.create', { name: head.name, idNumber: head.idNumber, unitName: '甲机械厂' });
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('困难职工');
  sheet.addRow(['户主姓名', '身份证号', '困难类别', '建档日期', '主要致困原因']);
  for (const head of HEADS) sheet.addRow([head.name, head.idNumber, head.category, '2024-05-06', head.cause]);
  const uploaded = await fetch(`${host.origin}/upload`, {
    method: 'POST',
    headers: { 'X-Bangfu-Token': host.token, 'X-File-Name': 'files.xlsx' },
    body: await workbook.xlsx.writeBuffer(),
  });
  const { uploadId } = ((await uploaded.json()) as { data: { uploadId: string } }).data;
  const { importId } = await call<{ importId: string }>(host, 'files.importExisting', { uploadId, fileName: 'files.xlsx' });
  const program = await call<{ id: string }>(host, 'aid.saveProgram', {
    type: 'festival',
    name: '春节送温暖',
    year: 2026,
    fundSource: 'union',
    budgetFen: 120_000,
    standard: { kind: 'fixed', amountFen: 50_000, byCategory: {} },
    note: null,
  });
  await call(host, 'auth.signOut');
  for (const user of [REVIEWER, CLERK]) {
    await call(host, 'auth.signIn', { username: user.username, password: temporary });
    await call(host, 'auth.changePassword', { currentPassword: temporary, newPassword: user.password });
    if (user === REVIEWER) await call(host, 'files.decideImport', { id: importId, decision: 'confirm' });
    if (user === CLERK) {
      const { files } = await call<{ files: { id: string; headName: string }[] }>(host, 'files.list', {
        inForce: true,
        page: 1,
        pageSize: 50,
      });
      for (const head of ['甲户', '丙户']) {
        const fileId = files.find((f) => f.headName === head)!.id;
        await call(host, 'aid.createPayment', { programId: program.id, fileId, amountFen: 50_000, method: 'cash' });
      }
    }
    await call(host, 'auth.signOut');
  }
}

test('the home page of a reviewer: payments waiting, and charts whose every number opens its list', async ({ page, host, shots }) => {
  test.setTimeout(90_000);
  await smallOffice(host);
  await page.setViewportSize({ width: 1366, height: 768 });
  await page.goto(host.url);
  await signIn(page, REVIEWER.username, REVIEWER.password);
  // The first sign-in hashes a password: on a loaded machine the home page can take a while.
  await expect(page.getByRole('link', { name: '待审核的救助发放：2' })).toBeVisible({ timeout: 30_000 });
  const charts = page.getByRole('region', { name: '在档困难职工（含复核中）' });
  await expect(charts.getByRole('link', { name: '共 3 户' })).toBeVisible();
  await expect(page.getByRole('region', { name: /各项目预算使用/ })).toContainText('83%');
  await shots(page, 'home-reviewer-dashboard');

  // A category: the files list, in force and of that category.
  await charts.getByRole('link', { name: '深度困难：2 户' }).click();
  await expect(page).toHaveURL(/\/files\?status=inForce&category=deep$/);
  await expect(page.getByText('共 2 份')).toBeVisible();
  await expect(page.getByRole('row', { name: /甲户/ })).toBeVisible();
  await expect(page.getByRole('row', { name: /丙户/ })).toHaveCount(0);
  await page.goBack();

  // A main cause.
  await charts.getByRole('link', { name: '3 下岗失业：1 户' }).click();
  await expect(page).toHaveURL(/cause=3$/);
  await expect(page.getByRole('row', { name: /丙户/ })).toBeVisible();
  await expect(page.getByRole('row', { name: /甲户/ })).toHaveCount(0);
  await page.goBack();

  // A month and type: the payments of 送温暖 entered this month, as many and as much as the chart said.
  const monthly = page.getByTestId('dashboard-monthly');
  await monthly.getByRole('link', { name: '送温暖 3月：¥1,000.00' }).click();
  await expect(page).toHaveURL(/\/aid\/payments\?from=2026-03-01&to=2026-03-10&type=festival$/);
  await expect(page.getByTestId('payments-totals')).toContainText('共 2 笔（不含作废），合计 ¥1,000.00');
  await page.goBack();

  // A program: its payments.
  const programs = page.getByTestId('dashboard-programs');
  await programs.getByRole('link', { name: '春节送温暖', exact: true }).click();
  await expect(page.getByTestId('payments-totals')).toContainText('共 2 笔（不含作废），合计 ¥1,000.00');
  await page.goBack();
  // Its paid part: none yet.
  await programs.getByRole('link', { name: '春节送温暖 已发放：¥0.00' }).click();
  await expect(page).toHaveURL(/status=paid$/);
  await expect(page.getByTestId('payments-totals')).toContainText('共 0 笔');
  await page.goBack();

  // The to-do: the payments list filtered to 待审核.
  await page.getByRole('link', { name: '待审核的救助发放：2' }).click();
  await expect(page).toHaveURL(/\/aid\/payments\?status=pending$/);
  await expect(page.getByTestId('payments-totals')).toContainText('待审核 2');
});
