import { ADMIN, CLERK, createReadyUser, rpc, setUpOffice, signIn, syntheticIdNumber } from './support';
import { expect, test } from './fixtures';

const HEAD = { name: '测试户主', idNumber: syntheticIdNumber('44010619800101101') };
const WIFE = { name: '张丽', idNumber: syntheticIdNumber('44010619820202102') };
/** The same number with its check character changed: a typing slip on the last digit. */
const WRONG_CHECK = WIFE.idNumber.slice(0, 17) + (WIFE.idNumber.endsWith('1') ? '2' : '1');

test('the hardship file form checks as the clerk types, lists what stops a save beside the button, and keeps the address', async ({
  page,
  host,
  shots,
}) => {
  await setUpOffice(host);
  await createReadyUser(host.origin, host.token, CLERK);
  await rpc(host.origin, host.token, 'auth.signIn', { username: ADMIN.username, password: ADMIN.password });
  await rpc(host.origin, host.token, 'policy.add', {
    key: 'lowIncomeLine',
    regionCode: '440106',
    effectiveFrom: '2020-01-01',
    value: 94_000,
  });
  const member = (await rpc(host.origin, host.token, 'roster.create', { ...HEAD, unitName: '甲机械厂' })) as { id: string };
  await rpc(host.origin, host.token, 'files.create', { memberId: member.id, workerType: 'urban' });
  await rpc(host.origin, host.token, 'auth.signOut');

  await page.setViewportSize({ width: 1366, height: 768 });
  await page.goto(host.url);
  await signIn(page, CLERK.username, CLERK.password);
  await page.getByRole('link', { name: '困难职工档案' }).click();
  await page.getByRole('link', { name: HEAD.name }).first().click();
  await page.getByRole('tab', { name: '填写档案' }).click();

  // A household ID with a wrong check character: the message names the row and the person, as soon as it is complete.
  await page.getByRole('button', { name: '添加家庭成员' }).click();
  await page.getByLabel('姓名 2').fill(WIFE.name);
  await page.getByLabel('身份证号 2').fill(WRONG_CHECK);
  await expect(page.getByText('第 2 行（张丽）：身份证号最后一位校验码不对')).toBeVisible();

  // A negative income and three decimals are errors at once, on the field, before any save.
  await page.getByLabel('月收入（元） 1').fill('-500');
  await expect(page.getByText('金额不能是负数')).toBeVisible();
  await page.getByRole('button', { name: '添加收入或支出' }).click();
  await page.getByLabel('全年金额（元） 1').fill('12000.555');
  await expect(page.getByText('金额最多两位小数（到分），如 12000.55')).toBeVisible();

  // Saving lists the three problems beside the button; each link takes the cursor to its field.
  await page.getByRole('button', { name: '保存档案' }).click();
  const summary = page.getByTestId('save-summary');
  await expect(summary).toContainText('还不能保存');
  await expect(summary.getByRole('button')).toHaveText([
    // In the order of the fields on the screen: row 1's income comes before row 2.
    /第 1 行（测试户主）月收入：金额不能是负数/,
    /第 2 行（张丽）：身份证号最后一位校验码不对/,
    /收入与支出第 1 项（养老金）：金额最多两位小数/,
  ]);
  await shots(page, 'save-summary');
  await page.setViewportSize({ width: 1366, height: 768 });
  await page.screenshot({ path: 'artifacts/e2e/file-form-summary-1366x768.png' });
  await summary.getByRole('button', { name: /第 2 行（张丽）/ }).click();
  await expect(page.getByLabel('身份证号 2')).toBeFocused();
  await expect(page.getByLabel('身份证号 2')).toBeInViewport();

  // Corrected, the summary empties as each is fixed.
  await page.getByLabel('身份证号 2').fill(WIFE.idNumber);
  await page.getByLabel('月收入（元） 1').fill('1000');
  await page.getByLabel('全年金额（元） 1').fill('12000.55');
  await expect(summary).toBeHidden();

  // What only the core can tell (the head's own number typed again on row 2) comes back to the row's field.
  await page.getByLabel('身份证号 2').fill(HEAD.idNumber);
  await page.getByRole('button', { name: '保存档案' }).click();
  await expect(summary).toContainText('第 2 位家庭成员的身份证号与第 1 位相同');
  await expect(page.locator('#' + (await page.getByLabel('身份证号 2').getAttribute('id')) + '-error')).toContainText('与第 1 位相同');
  await page.getByLabel('家庭住址').focus();
  await summary.getByRole('button', { name: /与第 1 位相同/ }).click();
  await expect(page.getByLabel('身份证号 2')).toBeFocused();
  await page.getByLabel('身份证号 2').fill(WIFE.idNumber);
  await expect(summary).toBeHidden();

  // ¥30,000 of accident costs: shown in the accident test against 80 % of income, not in the per-capita figure.
  await page.getByLabel(/意外、灾害或大病支出/).fill('30000');
  const live = page.getByTestId('means-test-live');
  await expect(live).toContainText('人均月收入 ＝ ¥24,000.55 ÷ 12 个月 ÷ 2 人 ＝ ¥1,000.02');
  await expect(live).toContainText(
    '意外致困测试：意外、灾害或大病支出 ¥30,000.00，年收入的 80% 为 ¥19,200.44；支出占年收入的 124.99%，超过 80%，但收入已在标准以下，按收入认定为相对困难（收入标准优先于意外致困）',
  );

  // The home address and phone; a phone that is no number is said so on leaving the field.
  await page.getByLabel('家庭住址').fill('广州市天河区幸福路 8 号 502 室');
  await page.getByLabel('家庭联系电话').fill('12345');
  await page.getByLabel('家庭联系电话').press('Tab');
  await expect(page.locator('#draft-home-phone-error')).toHaveText(/^格式不对，手机为 1 开头的 11 位数字/);
  await page.getByLabel('家庭联系电话').fill('138 0013 8000');
  await page.getByRole('button', { name: '保存档案' }).click();
  await expect(page.getByText('档案已保存')).toBeVisible();

  await page.getByRole('tab', { name: '家庭成员' }).click();
  const home = page.getByTestId('home-facts');
  await expect(home).toContainText('家庭住址：广州市天河区幸福路 8 号 502 室');
  await expect(home).toContainText('家庭联系电话：13800138000');
  await page.getByRole('tab', { name: '收入与核算' }).click();
  await expect(page.getByTestId('means-test')).toContainText('超过 80%，但收入已在标准以下，按收入认定为相对困难');
  await page.screenshot({ path: 'artifacts/e2e/file-page-means-1366x768.png' });
});

test("an administrator sets the centre's phone and address that the 公示 gives for objections", async ({ page, host }) => {
  await setUpOffice(host);
  await page.goto(host.url);
  await signIn(page, ADMIN.username, ADMIN.password);
  await page.getByRole('link', { name: '机构设置' }).click();
  const phone = page.getByLabel(/中心联系电话/);
  await phone.fill('12345');
  await phone.press('Tab');
  await expect(page.getByText('电话号码格式不对')).toBeVisible();
  await phone.fill('020 8765 4321');
  await page.getByLabel(/中心地址/).fill('广州市天河区工人路 1 号');
  await page.getByRole('button', { name: '保存' }).click();
  await expect(page.getByText('机构设置已保存')).toBeVisible();
  // Kept in the roster's form, as the notice prints it.
  await page.reload();
  await expect(page.getByLabel(/中心联系电话/)).toHaveValue('020-87654321');
  await expect(page.getByLabel(/中心地址/)).toHaveValue('广州市天河区工人路 1 号');
});
