import { writeFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { ADMIN, CLERK, createReadyUser, pdfFileText, rpc, setUpOffice, signIn, signOut, syntheticIdNumber } from './support';
import { addLowIncomeLine, draftOf, toNotice } from './file-steps';
import { expect, test } from './fixtures';
import { DAY_MS, localIsoDate } from '../support/test-clock';

/**
 * Aid from the file page (issue 11): a 助学 payment for the household's college student (the standard's ¥5,000
 * suggested, with its reason), a 医疗 payment whose share of the bill is past the category's cap (the cap suggested,
 * more refused on the screen), 临时救助 for a worker without a file, a reviewer's approval from the payment's page, the
 * voucher read back with pdftotext (the amount in 大写), the aid tab's totals and caps, a payment voided and reissued.
 */

const REVIEWER = { username: 'reviewer.li', displayName: '李审核', role: 'reviewer', password: 'Li#2026xyz' };
const HEAD = { name: '王困难', idNumber: syntheticIdNumber('44010619780101101') };
const SPOUSE = { name: '赵配偶', idNumber: syntheticIdNumber('44010619800202102') };
const STUDENT = { name: '王大学', idNumber: syntheticIdNumber('44010620060303103') };

type File = { id: string; rev: number; category: 'deep' | 'relative' | 'accident' | null; household: { id: string }[] };
type Host = { origin: string; token: string };

const call = async <T = File>(host: Host, channel: string, input: unknown = {}): Promise<T> =>
  (await rpc(host.origin, host.token, channel, input)) as T;
const as = async (host: Host, user: { username: string; password: string }) => {
  await rpc(host.origin, host.token, 'auth.signOut').catch(() => undefined);
  await rpc(host.origin, host.token, 'auth.signIn', { username: user.username, password: user.password });
};

/** A household with a college student, taken through the lifecycle to 在档 through the core (files.spec covers the screens). */
async function activeFile(host: Host & { advanceClock(ms: number): Promise<void>; now(): Promise<Date> }): Promise<File> {
  await as(host, ADMIN);
  const today = localIsoDate(await host.now());
  await addLowIncomeLine(host);
  let f = await call(host, 'files.create', { head: HEAD, workerType: 'urban' });
  f = await call(
    host,
    'files.saveDraft',
    draftOf(
      f,
      [
        { id: f.household[0]!.id, relation: 'self', name: HEAD.name, monthlyIncomeFen: 80_000 },
        { relation: 'spouse', name: SPOUSE.name, idNumber: SPOUSE.idNumber },
        { relation: 'child', name: STUDENT.name, idNumber: STUDENT.idNumber, schoolStage: 'college' },
      ],
      today,
      { bankName: '中国工商银行', bankAccount: '6222020200112233445' },
    ),
  );
  const noticed = await toNotice(host, f, today);
  await host.advanceClock(10 * DAY_MS);
  // Ten days idle lock the session: signed in again.
  await as(host, ADMIN);
  f = await call(host, 'files.act', { id: noticed.id, rev: noticed.rev, action: 'endNotice' });
  await as(host, REVIEWER);
  f = await call(host, 'files.act', { id: f.id, rev: f.rev, action: 'approve' });
  await rpc(host.origin, host.token, 'auth.signOut');
  return f;
}

/** The two programs of the year, set up by the administrator through the core (the programs screens are aid-programs.spec's). */
async function programs(host: Host, year: number) {
  await as(host, ADMIN);
  await call(host, 'aid.saveProgram', {
    type: 'education',
    name: `${year}年金秋助学`,
    year,
    fundSource: 'union',
    budgetFen: 100_000_000,
    standard: { kind: 'perStudent', byStage: { college: 500_000, senior: 300_000 } },
  });
  await call(host, 'aid.saveProgram', {
    type: 'medical',
    name: `${year}年医疗救助`,
    year,
    fundSource: 'local',
    budgetFen: 100_000_000,
    standard: {
      kind: 'billShare',
      byCategory: { relative: { percent: 80, capFen: 1_600_000 }, deep: { percent: 100, capFen: 2_000_000 } },
    },
  });
  await call(host, 'aid.saveProgram', {
    type: 'emergency',
    name: `${year}年临时救助`,
    year,
    fundSource: 'union',
    budgetFen: null,
    standard: { kind: 'emergency', capFen: 200_000 },
  });
  // This year's caps, shown with what is used and left on the aid tab.
  await rpc(host.origin, host.token, 'policy.add', {
    key: 'aidYearCapTotal',
    regionCode: null,
    effectiveFrom: `${year}-01-01`,
    value: 5_000_000,
  });
  await rpc(host.origin, host.token, 'policy.add', {
    key: 'aidYearCapMedical',
    regionCode: null,
    effectiveFrom: `${year}-01-01`,
    value: 3_000_000,
  });
  await rpc(host.origin, host.token, 'auth.signOut');
}

async function openAidTab(page: Page) {
  await page.getByRole('link', { name: '困难职工档案' }).click();
  await page.getByRole('link', { name: HEAD.name, exact: true }).click();
  await expect(page.getByRole('heading', { name: HEAD.name })).toBeVisible();
  await page.getByRole('tab', { name: '帮扶救助' }).click();
}

async function pickProgram(page: Page, name: RegExp) {
  const dialog = page.getByRole('dialog', { name: '新增发放' });
  await dialog.getByRole('combobox', { name: '救助项目' }).click();
  await page.getByRole('option', { name }).click();
}

test('aid from the file page: 助学 for the college student, 医疗 held to its cap, approved by a reviewer, the voucher printed, a mistake voided and paid again', async ({
  page,
  host,
  shots,
}, testInfo) => {
  // About a minute alone (the lifecycle through the core, then the screens); more on a shared machine.
  test.setTimeout(150_000);
  await page.setViewportSize({ width: 1366, height: 768 });
  await setUpOffice(host);
  await createReadyUser(host.origin, host.token, CLERK);
  await createReadyUser(host.origin, host.token, REVIEWER);
  const file = await activeFile(host);
  const year = Number(localIsoDate(await host.now()).slice(0, 4));
  await programs(host, year);
  // The category's cap of the 医疗 standard: the bill below is past both.
  const cap = file.category === 'deep' ? '20,000.00' : '16,000.00';

  // The clerk pays 助学 for the child: the student picked with the school stage, the standard's ¥5,000 suggested.
  await page.goto(host.url);
  await signIn(page, CLERK.username, CLERK.password);
  await openAidTab(page);
  await page.getByRole('button', { name: '新增发放' }).click();
  const dialog = page.getByRole('dialog', { name: '新增发放' });
  await pickProgram(page, /金秋助学/);
  await dialog.getByRole('radio', { name: `${STUDENT.name}（大学）` }).check();
  const suggestion = dialog.getByTestId('aid-suggestion');
  await expect(suggestion).toContainText('建议金额 ¥5,000.00');
  await expect(suggestion).toContainText('大学每生 ¥5,000');
  await expect(dialog.getByLabel('本次发放金额（元）')).toHaveValue('5000.00');
  await expect(dialog.getByText('本次最多 ¥5,000.00').first()).toBeVisible();
  await expect(dialog.getByText(/转入档案登记的账户/)).not.toContainText('6222020200112233445');
  await shots(page, 'aid-new-education');
  await dialog.getByRole('button', { name: '提交审核' }).click();
  await expect(dialog).toBeHidden();
  const list = page.getByRole('table', { name: '发放记录' });
  await expect(list.getByRole('row', { name: /金秋助学/ })).toContainText('待审核');
  await expect(list.getByRole('row', { name: /金秋助学/ })).toContainText('¥5,000.00');

  // 医疗 against a bill whose share is past the cap: the cap is suggested, and more is refused on the screen.
  await page.getByRole('button', { name: '新增发放' }).click();
  await pickProgram(page, /医疗救助/);
  await dialog.getByLabel('医疗票据中个人自付部分（元）').fill('30000');
  await expect(suggestion).toContainText(`建议金额 ¥${cap}`);
  await expect(suggestion).toContainText('封顶');
  const amount = dialog.getByLabel('本次发放金额（元）');
  await expect(amount).toHaveValue(cap.replace(',', ''));
  await amount.fill('25000');
  await expect(dialog.getByText(`不能超过本次最多可发的 ¥${cap}`)).toBeVisible();
  await expect(dialog.getByRole('button', { name: '提交审核' })).toBeDisabled();
  await shots(page, 'aid-medical-over-cap');
  await amount.fill(cap.replace(',', ''));
  await dialog.getByRole('button', { name: '提交审核' }).click();
  await expect(dialog).toBeHidden();
  await expect(list.getByRole('row', { name: /医疗救助/ })).toContainText(`¥${cap}`);

  // The clerk cannot approve what was entered: the page says why.
  await list.getByRole('link', { name: /金秋助学/ }).click();
  await expect(page.getByRole('button', { name: '审核通过' })).toBeDisabled();
  await expect(page.getByTestId('approve-why')).toContainText('审核人');

  // The emergency route, from the payments list: 临时救助 for a worker without a file, within the program's cap.
  await page.getByRole('link', { name: '发放记录' }).click();
  await page.getByRole('button', { name: '临时救助（无档案）' }).click();
  const emergency = page.getByRole('dialog', { name: '临时救助：无档案的职工' });
  await emergency.getByLabel('姓名').fill('李临时');
  await emergency.getByLabel('身份证号').fill(syntheticIdNumber('44010619900909109'));
  await expect(emergency.getByLabel('本次发放金额（元）')).toHaveValue('2000.00');
  // The program's sum is a most per case, not a standard: paying less asks for no reason.
  await emergency.getByLabel('本次发放金额（元）').fill('1500');
  await expect(emergency.getByLabel('调低金额的原因')).toHaveCount(0);
  await emergency.getByRole('button', { name: '提交审核' }).click();
  await expect(page.getByTestId('payment-fields')).toContainText('临时救助（无档案）');
  await expect(page.getByTestId('payment-amount')).toHaveText('¥1,500.00');

  // The same worker again, under another name: the ID number is checked as typed (a wrong check digit is said in the
  // field), then 本次最多 takes off what this ID number received this year, and the other name is flagged.
  const workerId = syntheticIdNumber('44010619900909109');
  await page.getByRole('link', { name: '发放记录' }).click();
  await page.getByRole('button', { name: '临时救助（无档案）' }).click();
  await emergency.getByLabel('姓名').fill('李另名');
  await emergency.getByLabel('身份证号').fill(workerId.slice(0, 17) + (workerId[17] === '1' ? '2' : '1'));
  await expect(emergency.getByText('最后一位校验码不对，请逐位核对')).toBeVisible();
  await expect(emergency.getByTestId('form-missing')).toContainText('更正身份证号');
  await expect(emergency.getByRole('button', { name: '提交审核' })).toBeDisabled();
  await emergency.getByLabel('身份证号').fill(workerId);
  await expect(emergency.getByTestId('aid-suggestion')).toContainText('本年已向该身份证号发放临时救助 ¥1,500，本次最多 ¥500');
  await expect(emergency.getByLabel('本次发放金额（元）')).toHaveValue('500.00');
  await expect(emergency.getByTestId('aid-name-mismatch')).toContainText('该身份证号此前登记的姓名与本次不同');
  await shots(page, 'aid-emergency-second');

  // A member of a household on file is paid from the file: the dialog names the file and links to its aid tab.
  await emergency.getByLabel('身份证号').fill(SPOUSE.idNumber);
  await expect(emergency.getByTestId('aid-suggestion')).toContainText('该职工所在家庭已建档');
  await expect(emergency.getByTestId('form-missing')).toContainText('从档案页发放');
  await expect(emergency.getByTestId('form-missing')).not.toContainText('可以发放的项目');
  const onFile = emergency.getByTestId('aid-on-file');
  await expect(onFile).toHaveText(/^档案 \S+/);
  await expect(onFile).toHaveAttribute('href', `#/files/${file.id}?tab=aid`);
  await onFile.click();
  await expect(emergency).toBeHidden();
  await expect(page.getByRole('tab', { name: '帮扶救助', selected: true })).toBeVisible();
  await signOut(page);

  // A reviewer approves from the payment's page: the voucher number is given.
  await signIn(page, REVIEWER.username, REVIEWER.password);
  await openAidTab(page);
  await page
    .getByRole('table', { name: '发放记录' })
    .getByRole('link', { name: /金秋助学/ })
    .click();
  await expect(page.getByTestId('payment-explanation')).toContainText('大学每生 ¥5,000');
  await page.getByRole('button', { name: '审核通过' }).click();
  const approve = page.getByRole('dialog', { name: '审核通过' });
  await approve.getByRole('button', { name: '审核通过' }).click();
  await expect(page.getByText('已审核通过')).toBeVisible();
  await expect(page.getByRole('heading', { name: new RegExp(`救助发放 ${year}-\\d{6}`) })).toBeVisible();
  await expect(page.getByTestId('payment-history')).toContainText(`${REVIEWER.displayName} 审核通过`);
  await expect(page.getByTestId('print-count')).toHaveText('凭证还没有打印');
  await shots(page, 'aid-payment-approved');

  // The voucher, read back: the amount in figures and in 大写; the print is counted.
  const opening = page.context().waitForEvent('page');
  await page.getByRole('button', { name: '打印领取凭证' }).click();
  const viewer = await opening;
  const path = testInfo.outputPath('voucher.pdf');
  writeFileSync(path, await (await page.request.get(viewer.url())).body());
  await viewer.close();
  const voucher = pdfFileText(path);
  expect(voucher).toContain('伍仟元整');
  expect(voucher).toContain(HEAD.name);
  await expect(page.getByTestId('print-count')).toHaveText('凭证已打印 1 次');
  await expect(page.getByRole('button', { name: '补打领取凭证' })).toBeVisible();

  // The aid tab: this year's totals by type and the caps with what they still allow.
  await page.getByTestId('payment-fields').getByRole('link').click();
  await page.getByRole('tab', { name: '帮扶救助' }).click();
  const byYear = page.getByTestId('aid-by-year');
  await expect(byYear.getByRole('row', { name: /助学/ })).toContainText('¥5,000.00');
  await expect(byYear.getByRole('row', { name: /医疗救助/ })).toContainText(`¥${cap}`);
  const caps = page.getByTestId('aid-caps');
  await expect(caps.getByRole('row', { name: /医疗救助/ })).toContainText('¥30,000.00');
  await expect(caps.getByRole('row', { name: /全部救助/ })).toContainText('¥50,000.00');
  await shots(page, 'aid-tab');

  // A mistake is voided by the reviewer with a reason, and paid again: the two payments point to each other.
  await page
    .getByRole('table', { name: '发放记录' })
    .getByRole('link', { name: /医疗救助/ })
    .click();
  await page.getByRole('button', { name: '作废' }).click();
  const voiding = page.getByRole('dialog', { name: '作废' });
  await voiding.getByLabel('作废原因').fill('票据金额录错');
  await voiding.getByRole('button', { name: '作废' }).click();
  await expect(page.getByTestId('payment-history')).toContainText(`${REVIEWER.displayName} 作废：票据金额录错`);
  await page.getByRole('button', { name: '重新发放' }).click();
  const reissue = page.getByRole('dialog', { name: '重新发放' });
  await expect(reissue.getByLabel('本次发放金额（元）')).toHaveValue(cap.replace(',', ''));
  await reissue.getByRole('button', { name: '重新发放' }).click();
  await expect(page.getByTestId('payment-links')).toContainText('这是对已作废发放的重新发放');
  await page.getByTestId('payment-links').getByRole('link').click();
  await expect(page.getByTestId('payment-links')).toContainText('已重新发放');

  // The 困难职工证明 is offered while the annual review is not due; 13 months on the review is overdue: the button
  // is off and says why (the core's own rule, on its clock), instead of failing when clicked.
  await page.getByTestId('payment-fields').getByRole('link').click();
  await page.getByRole('tab', { name: '帮扶救助' }).click();
  await expect(page.getByRole('button', { name: '打印困难职工证明' })).toBeEnabled();
  await signOut(page);
  await host.advanceClock(400 * DAY_MS);
  await signIn(page, CLERK.username, CLERK.password);
  await openAidTab(page);
  const certificate = page.getByRole('button', { name: '打印困难职工证明' });
  await expect(certificate).toBeDisabled();
  await expect(certificate).toHaveAccessibleDescription(/^年度复核已逾期，请先完成复核（应于 \d{4}-\d{2}-\d{2} 复核）。$/);
  await shots(page, 'aid-certificate-review-overdue');
});
