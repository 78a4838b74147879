import { ADMIN, CLERK, createReadyUser, setUpOffice, signIn, signOut } from './support';
import { expect, test } from './fixtures';
import { DAY_MS, localIsoDate } from '../support/test-clock';

test('an administrator sets the 低保 line and the notice period with their dates, voids a mistake; a clerk reads them', async ({
  page,
  host,
  shots,
}) => {
  await setUpOffice(host);
  await createReadyUser(host.origin, host.token, CLERK);
  await page.goto(host.url);
  await signIn(page, ADMIN.username, ADMIN.password);
  await page.getByRole('link', { name: '政策参数' }).click();

  // Nothing set: the defaults of docs/domain.md, and a warning that the 低保 line is missing.
  await expect(page.getByText('本单位所在地：440106 广东省广州市天河区')).toBeVisible();
  await expect(page.getByTestId('in-force-lowIncomeLine')).toContainText('未设置');
  await expect(page.getByTestId('in-force-noticeWorkingDays')).toContainText('5 个工作日默认值');
  // The means test's other numbers: relative hardship below 200 % of the line, accident costs above 80 % of income.
  await expect(page.getByTestId('in-force-relativeLinePercent')).toContainText('相对困难线（占低保标准）200 %默认值');
  await expect(page.getByTestId('in-force-accidentThresholdPercent')).toContainText('意外致困支出比例（占年收入）80 %默认值');
  await expect(page.getByRole('alert')).toContainText('还没有设置本地低保标准');
  // Every value in force by default is named, the two percentages too.
  await expect(page.getByText('还没有设置过任何数值')).toContainText('相对困难线和意外致困支出比例正在使用默认值');
  await shots(page, 'policy-empty');

  // The line, typed in yuan, for the office's own district (the form offers it), from today.
  await page.getByRole('button', { name: '新增数值' }).click();
  const dialog = page.getByRole('dialog', { name: '新增政策数值' });
  await expect(dialog.getByLabel('行政区划代码')).toHaveValue('440106');
  await expect(dialog.getByText('广东省广州市天河区')).toBeVisible();
  await dialog.getByLabel('金额（元/人·月）').fill('1320.5');
  await shots(page, 'policy-add');
  await dialog.getByRole('button', { name: '新增数值' }).click();
  await expect(page.getByText('已新增：本地低保标准')).toBeVisible();
  await expect(page.getByTestId('in-force-lowIncomeLine')).toContainText('¥1,320.50/人·月');
  await expect(page.getByRole('alert')).toHaveCount(0);

  // A longer notice period from a day that has not come: listed, not yet in force.
  await page.getByRole('button', { name: '新增数值' }).click();
  await dialog
    .getByRole('textbox', { name: '项目' })
    .or(dialog.getByRole('combobox', { name: '项目' }))
    .first()
    .click();
  await page.getByRole('option', { name: '公示期' }).click();
  await expect(dialog.getByLabel('行政区划代码')).toHaveCount(0);
  await dialog.getByLabel('数值（个工作日）').fill('3');
  await dialog.getByRole('button', { name: '新增数值' }).click();
  await expect(dialog.getByText('请填写允许范围内的数值')).toBeVisible();
  await dialog.getByLabel('数值（个工作日）').fill('7');
  // A date that does not exist is refused in words, not rolled over to 2020-01-01 or quietly put back to today.
  await dialog.getByLabel('起始日期').fill('2019/13/1');
  await dialog.getByLabel('起始日期').press('Tab');
  await expect(dialog.getByText('起始日期：没有“2019/13/1”这一天，请核对年、月、日')).toBeVisible();
  // The refused text stays in the box for the clerk to correct; the date is not taken.
  await expect(dialog.getByLabel('起始日期')).toHaveValue('2019/13/1');
  const laterIso = localIsoDate(new Date((await host.now()).getTime() + 30 * DAY_MS));
  await dialog.getByLabel('起始日期').fill(laterIso);
  await dialog.getByLabel('起始日期').press('Tab');
  await dialog.getByRole('button', { name: '新增数值' }).click();
  await expect(page.getByText('已新增：公示期')).toBeVisible();
  await expect(page.getByTestId('in-force-noticeWorkingDays')).toContainText('5 个工作日默认值');
  const values = page.getByRole('table', { name: '全部数值' });
  await expect(values.getByRole('row').filter({ hasText: '公示期' })).toContainText('7 个工作日');

  // The relative-hardship line as a percent of the 低保 line, from today: at least the line itself.
  await page.getByRole('button', { name: '新增数值' }).click();
  await dialog
    .getByRole('textbox', { name: '项目' })
    .or(dialog.getByRole('combobox', { name: '项目' }))
    .first()
    .click();
  await page.getByRole('option', { name: '相对困难线（占低保标准）' }).click();
  await dialog.getByLabel('数值（%）').fill('90');
  await dialog.getByRole('button', { name: '新增数值' }).click();
  await expect(dialog.getByText('请填写允许范围内的数值')).toBeVisible();
  await expect(dialog.getByText('允许范围：100 至 1000')).toBeVisible();
  // A decimal is refused, not read as 805 with its point dropped.
  await dialog.getByLabel('数值（%）').fill('80.5');
  await expect(dialog.getByLabel('数值（%）')).toHaveValue('80.5');
  await dialog.getByRole('button', { name: '新增数值' }).click();
  await expect(dialog.getByText('请填写整数，不带小数')).toBeVisible();
  await dialog.getByLabel('数值（%）').fill('250');
  await dialog.getByRole('button', { name: '新增数值' }).click();
  await expect(page.getByText('已新增：相对困难线（占低保标准）')).toBeVisible();
  await expect(page.getByTestId('in-force-relativeLinePercent')).toContainText('250 %');
  await expect(page.getByTestId('in-force-relativeLinePercent')).not.toContainText('默认值');

  // The line was a mistake: voided with the reason, kept in the list, no longer in force.
  await values.getByRole('row').filter({ hasText: '本地低保标准' }).getByRole('button', { name: '作废' }).click();
  const voidDialog = page.getByRole('dialog', { name: '作废数值：本地低保标准' });
  await voidDialog.getByLabel('作废原因').fill('录入错误，应按市里的新标准');
  await voidDialog.getByRole('button', { name: '作废' }).click();
  await expect(page.getByText('已作废', { exact: true }).first()).toBeVisible();
  await expect(values.getByRole('row').filter({ hasText: '本地低保标准' })).toContainText('作废：录入错误，应按市里的新标准');
  await expect(page.getByTestId('in-force-lowIncomeLine')).toContainText('未设置');
  await shots(page, 'policy-values');

  // 国庆: a holiday the notice periods skip.
  const year = (await host.now()).getFullYear() + 1;
  const calendar = page.getByRole('table', { name: '节假日与调休' });
  await expect(page.getByText('今年起还没有设置节假日或调休')).toBeVisible();
  await page.getByLabel('日期', { exact: true }).fill(`${year}-10-01`);
  await page.getByLabel('日期', { exact: true }).press('Tab');
  await page.getByRole('button', { name: '设置', exact: true }).click();
  await expect(page.getByText(`已设置 ${year}-10-01`)).toBeVisible();
  await expect(calendar.getByRole('row').filter({ hasText: `${year}-10-01` })).toContainText('放假');

  await page.getByRole('link', { name: '审计日志' }).click();
  await expect(page.getByRole('row', { name: new RegExp(`设置 ${year}-10-01 为放假`) })).toBeVisible();
  await expect(page.getByRole('row', { name: /作废政策参数：本地低保标准/ })).toBeVisible();
  await expect(page.getByRole('row', { name: /新增政策参数：公示期/ })).toBeVisible();

  // A clerk reads the same values and cannot change them.
  await signOut(page);
  await signIn(page, CLERK.username, CLERK.password);
  await page.getByRole('link', { name: '政策参数' }).click();
  await expect(page.getByTestId('in-force-noticeWorkingDays')).toContainText('5 个工作日');
  await expect(page.getByRole('alert')).toContainText('请联系管理员');
  await expect(page.getByRole('button', { name: '新增数值' })).toHaveCount(0);
  await expect(page.getByRole('button', { name: '作废' })).toHaveCount(0);
});
