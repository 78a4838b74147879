import { readFileSync, writeFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { maskIdNumber } from '@shared/domain/id-number';
import { CLERK, chooseFile, signIn, signOut } from './support';
import { approveAfterNotice, educationProgram, HEAD, householdAtNotice, REVIEWER, SPOUSE, STUDENT, staffAndPolicy } from './journey-steps';
import { DAY_MS, localIsoDate } from '../support/test-clock';
import { exportBatch, importBatch, importReceipt } from './batch-exchange-steps';
import { exportCard, importAndConfirm, openKeys } from './key-exchange-steps';
import { CENTRE, expect, FEDERATION, SECOND_CENTRE, test, type Office } from './two-hosts';

/**
 * Issue 12's journey between offices, each on its own web host and data folder (two-hosts.ts), on screens: the centre
 * and the city federation exchange key cards and confirm each other's fingerprint, reading it from one screen to the
 * other as two administrators on the phone would; the centre's first batch goes to the federation, which sees the
 * centre's file and returns a receipt the centre imports (已确认); the centre changes the file and pays aid, and the
 * second batch carries both; a second centre with the same household sends its first batch, and 重复核查 lists the
 * people filed in both; it pays the same 助学, and the same-year list shows the double payment. Only the starting state (users, a household through its notice) is made through the core.
 */

/**
 * The federation is given a damaged copy of a batch it imported: refused, the page says the batch imported stands,
 * and offers no receipt in the outcome (a refusal receipt would turn the centre's batch to 有问题).
 */
async function importDamagedCopy(federation: Office, batchPath: string, copyPath: string): Promise<void> {
  const { page } = federation;
  const bytes = readFileSync(batchPath);
  writeFileSync(copyPath, bytes.subarray(0, bytes.length - 100));
  await page.getByRole('link', { name: '接收批次' }).click();
  await chooseFile(page, '导入批次…', copyPath);
  const refused = page.getByTestId('import-refused');
  await expect(refused).toContainText('文件不完整');
  await expect(refused).toContainText('这一批已于');
  await expect(refused).toContainText('不需要帮扶中心重新导出');
  await expect(page.getByTestId('import-outcome').getByRole('button', { name: '下载回执' })).toHaveCount(0);
}

/**
 * At the federation, 各中心 → the centre → its files (read-only): HEAD's file with this status, its ID number masked;
 * the file opened shows the household the centre entered.
 */
async function seeCentreFile(federation: Office, centre: Office, status: string): Promise<void> {
  const { page } = federation;
  await page.getByRole('link', { name: '各中心' }).click();
  const centres = page.getByRole('table', { name: '各中心' });
  await expect(centres.getByRole('row', { name: new RegExp(centre.org.name) })).toContainText('正常');
  await centres.getByRole('link', { name: centre.org.name }).click();
  await expect(page.getByText('以下是该中心报送的数据，只能查看，不能修改。')).toBeVisible();
  const files = page.getByRole('table', { name: '困难职工档案' });
  const row = files.getByRole('row', { name: new RegExp(HEAD.name) });
  await expect(row).toContainText(status);
  await expect(row).toContainText(maskIdNumber(HEAD.idNumber));
  await expect(files).not.toContainText(HEAD.idNumber);
  await row.getByRole('link', { name: new RegExp(`^${centre.org.regionCode}`) }).click();
  await expect(page.getByRole('heading', { name: new RegExp(`档案 ${centre.org.regionCode}`) })).toBeVisible();
  await expect(page.getByRole('table', { name: '家庭成员' })).toContainText(SPOUSE.name);
}

/** The centre's file of HEAD, opened from the files list. */
async function openHeadFile(page: Page): Promise<void> {
  await page.getByRole('link', { name: '困难职工档案' }).click();
  await page.getByRole('link', { name: HEAD.name, exact: true }).click();
  await expect(page.getByRole('heading', { name: HEAD.name })).toBeVisible();
}

/**
 * A centre's work on HEAD's file, on screens: the clerk starts the file's annual review (when `review`: a change the
 * next batch carries) and enters 金秋助学 for the student; the reviewer approves the payment (its voucher number given).
 */
async function changeFileAndPayAid(centre: Office, review: boolean): Promise<void> {
  const { page } = centre;
  await signIn(page, CLERK.username, CLERK.password);
  await openHeadFile(page);
  if (review) {
    await page.getByRole('button', { name: '开始年度复核', exact: true }).click();
    await page.getByRole('dialog', { name: '开始年度复核' }).getByRole('button', { name: '开始年度复核', exact: true }).click();
    await expect(page.getByText('已办理：开始年度复核')).toBeVisible();
  }
  await page.getByRole('tab', { name: '帮扶救助' }).click();
  await page.getByRole('button', { name: '新增发放' }).click();
  const dialog = page.getByRole('dialog', { name: '新增发放' });
  await dialog.getByRole('combobox', { name: '救助项目' }).click();
  await page.getByRole('option', { name: /金秋助学/ }).click();
  await dialog.getByRole('radio', { name: `${STUDENT.name}（大学）` }).check();
  await expect(dialog.getByLabel('本次发放金额（元）')).toHaveValue('5000.00');
  await dialog.getByRole('button', { name: '提交审核' }).click();
  await expect(dialog).toBeHidden();
  await signOut(page);
  await signIn(page, REVIEWER.username, REVIEWER.password);
  await openHeadFile(page);
  await page.getByRole('tab', { name: '帮扶救助' }).click();
  await page
    .getByRole('table', { name: '发放记录' })
    .getByRole('link', { name: /金秋助学/ })
    .click();
  await page.getByRole('button', { name: '审核通过' }).click();
  await page.getByRole('dialog', { name: '审核通过' }).getByRole('button', { name: '审核通过' }).click();
  await expect(page.getByText('已审核通过')).toBeVisible();
  await signOut(page);
}

test('key cards → first batch → 各中心 → receipt → a change and aid → second batch → a second centre → 重复核查 (files and aid)', async ({
  offices,
  shots,
}, testInfo) => {
  // About 80 s alone (three hosts set up, each user's password hashed, two batches from each centre); more on a shared machine.
  test.setTimeout(240_000);
  const centre = await offices.open(CENTRE);
  const federation = await offices.open(FEDERATION);

  // 0. The centre's year so far, through the core (files.spec and aid-file.spec drive these screens): a household
  // through its ten-day notice to 在档, and the 金秋助学 program.
  await staffAndPolicy(centre.host, CENTRE.regionCode);
  const noticed = await householdAtNotice(centre.host, true);
  await offices.advanceClock(10 * DAY_MS);
  await approveAfterNotice(centre.host, noticed);
  await educationProgram(centre.host);

  // 1. Key cards: each administrator exports the office's card; the other imports it and confirms by phone.
  await openKeys(centre);
  await openKeys(federation);
  await expect(centre.page.getByText('本单位运行模式：帮扶中心')).toBeVisible();
  await expect(federation.page.getByText('本单位运行模式：上级工会')).toBeVisible();
  const centreCard = testInfo.outputPath('centre.bfkey');
  const federationCard = testInfo.outputPath('federation.bfkey');
  await exportCard(centre, centreCard);
  await exportCard(federation, federationCard);
  await importAndConfirm(centre, federation, federationCard);
  await importAndConfirm(federation, centre, centreCard);
  await shots(centre.page, 'centre-trusts-federation');
  await shots(federation.page, 'federation-trusts-centre');
  await signOut(centre.page);

  // 2. The centre's clerk exports the first batch: everything, the household's file among it.
  await signIn(centre.page, CLERK.username, CLERK.password);
  const first = await exportBatch(centre, 1, (name) => testInfo.outputPath(name));
  await shots(centre.page, 'centre-first-batch');

  // 3. The federation imports it and returns the receipt.
  const firstReceipt = testInfo.outputPath('receipt-1.bfr');
  const { counts } = await importBatch(federation, centre, 1, first, firstReceipt);
  expect(counts).toContain('困难职工档案1');
  await shots(federation.page, 'federation-first-batch');
  await seeCentreFile(federation, centre, '在档');
  await shots(federation.page, 'federation-centre-file');
  // A second stick with a copy of batch 1 cut short: refused, and batch 1 stands (no refusal receipt to carry back).
  await importDamagedCopy(federation, first, testInfo.outputPath('cut-1.bfb'));

  // 4. The centre imports the receipt: 已确认.
  await importReceipt(centre, 1, firstReceipt);
  await shots(centre.page, 'centre-first-receipt');
  await signOut(centre.page);

  // 5. The centre changes the file and pays aid.
  await changeFileAndPayAid(centre, true);

  // 6. The second batch carries the changes (the file, the payment); the federation imports it, the centre its receipt.
  await signIn(centre.page, CLERK.username, CLERK.password);
  const secondBatch = await exportBatch(centre, 2, (name) => testInfo.outputPath(name));
  const secondReceipt = testInfo.outputPath('receipt-2.bfr');
  const changes = await importBatch(federation, centre, 2, secondBatch, secondReceipt);
  expect(changes.counts).toContain('困难职工档案1');
  expect(changes.counts).toContain('救助发放1');
  await importReceipt(centre, 2, secondReceipt);
  // The federation sees the file in its annual review, and the payment among the centre's payments.
  await seeCentreFile(federation, centre, '复核中');
  await federation.page.getByRole('link', { name: '返回档案列表' }).click();
  await federation.page.getByRole('tab', { name: '发放记录' }).click();
  await expect(federation.page.getByTestId('fed-payment-totals')).toContainText('合计 1 笔，¥5,000.00');
  await signOut(centre.page);
  await signOut(federation.page);

  // 8. A second centre has the same household on file too (at its notice, ten days, approved; its 金秋助学 program),
  // and swaps key cards with the federation.
  const second = await offices.open(SECOND_CENTRE);
  await staffAndPolicy(second.host, SECOND_CENTRE.regionCode);
  const secondNoticed = await householdAtNotice(second.host, true);
  await offices.advanceClock(10 * DAY_MS);
  await approveAfterNotice(second.host, secondNoticed);
  await educationProgram(second.host);
  await openKeys(second);
  await openKeys(federation);
  const secondCard = testInfo.outputPath('second-centre.bfkey');
  await exportCard(second, secondCard);
  await importAndConfirm(second, federation, federationCard);
  await importAndConfirm(federation, second, secondCard);

  // 9. The second centre's first batch, imported at the federation.
  const secondFirst = await exportBatch(second, 1, (name) => testInfo.outputPath(name));
  const secondCounts = await importBatch(federation, second, 1, secondFirst, testInfo.outputPath('second-receipt-1.bfr'));
  expect(secondCounts.counts).toContain('困难职工档案1');

  // 10. 重复核查: the household's three people are on file in both centres.
  await federation.page.getByRole('link', { name: '重复核查' }).click();
  const duplicates = federation.page.getByRole('table', { name: '多个中心建档' });
  for (const person of [HEAD, SPOUSE, STUDENT]) {
    const row = duplicates.getByRole('row', { name: new RegExp(person.name) });
    await expect(row).toContainText(CENTRE.name);
    await expect(row).toContainText(SECOND_CENTRE.name);
  }
  await expect(duplicates.getByRole('row')).toHaveCount(4);
  await shots(federation.page, 'federation-duplicates');

  // 11. The second centre pays 金秋助学 to the same student in the same year; after its second batch, the federation's
  // 同年多个中心救助 lists the double payment with each centre's sum.
  await signOut(second.page);
  await changeFileAndPayAid(second, false);
  await signIn(second.page, CLERK.username, CLERK.password);
  const secondChanges = await exportBatch(second, 2, (name) => testInfo.outputPath(name));
  const secondPaid = await importBatch(federation, second, 2, secondChanges, testInfo.outputPath('second-receipt-2.bfr'));
  expect(secondPaid.counts).toContain('救助发放1');
  await federation.page.getByRole('link', { name: '重复核查' }).click();
  await federation.page.getByRole('tab', { name: '同年多个中心救助' }).click();
  const doubleAid = federation.page.getByRole('table', { name: '同年多个中心救助' });
  // The payment's recipient is the head of household (the student's 助学 goes to the household's account).
  await expect(doubleAid.getByRole('row', { name: new RegExp(HEAD.name) })).toContainText(
    localIsoDate(await federation.host.now()).slice(0, 4),
  );
  await expect(doubleAid).toContainText(`${CENTRE.name}：1 笔 ¥5,000.00`);
  await expect(doubleAid).toContainText(`${SECOND_CENTRE.name}：1 笔 ¥5,000.00`);
  await expect(doubleAid.getByRole('row')).toHaveCount(2);
  await shots(federation.page, 'federation-double-aid');
});
