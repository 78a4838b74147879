import type { Locator, Page } from '@playwright/test';
import { localIsoDate, DAY_MS } from '../support/test-clock';
import { CLERK, createReadyUser, rpc, setUpOffice, signIn, syntheticIdNumber } from './support';
import { expect, test } from './fixtures';

// A synthetic person (made-up name and number).
const MEMBER = { name: '日期测试', idNumber: syntheticIdNumber('44010619800101101') };

/** Types into a date field as a clerk does and leaves it; the field's error (or none) is what the clerk sees. */
async function typeDate(field: Locator, text: string): Promise<void> {
  await field.fill(text);
  await field.press('Tab');
}

/** Each way of writing a day that must never be taken silently, and what the form says about it. */
function badDates(label: string, tomorrow: string): [typed: string, message: string][] {
  return [
    ['2019-02-30', `${label}：没有“2019-02-30”这一天`],
    ['2019/13/1', `${label}：没有“2019/13/1”这一天`],
    ['0', `${label}：无法识别“0”`],
    ['19/3/1', `${label}：无法识别“19/3/1”`],
    [tomorrow, `${label}：“${tomorrow}”晚于今天`],
  ];
}

async function expectRefused(page: Page, dialog: Locator, field: Locator, label: string, tomorrow: string, submit: Locator) {
  for (const [typed, message] of badDates(label, tomorrow)) {
    await typeDate(field, typed);
    await expect(dialog.getByText(message)).toBeVisible();
    // The text stays in the box to be corrected: nothing was changed behind the clerk's back.
    await expect(field).toHaveValue(typed);
    if (await submit.isEnabled()) await submit.click();
    await expect(dialog).toBeVisible();
  }
}

test('a typed date is read as written or refused with the field and the reason; Esc closes a picker, asks before dropping a form', async ({
  page,
  host,
}, testInfo) => {
  await setUpOffice(host);
  await createReadyUser(host.origin, host.token, CLERK);
  const today = localIsoDate(await host.now());
  const tomorrow = localIsoDate(new Date((await host.now()).getTime() + DAY_MS));

  await page.goto(host.url);
  await signIn(page, CLERK.username, CLERK.password);
  await page.getByRole('link', { name: '会员名册' }).click();

  // 新增会员: every bad join date is named and refused; 2019年3月1日 is 2019-03-01.
  await page.getByRole('button', { name: '新增会员' }).click();
  const create = page.getByRole('dialog', { name: '新增会员' });
  await create.getByLabel('姓名').fill(MEMBER.name);
  await create.getByLabel('身份证号').fill(MEMBER.idNumber);
  const joinedOn = create.getByLabel('入会日期');

  // Esc in the open calendar closes the calendar, not the dialog; the calendar reads 2026年3月 (the test clock's month).
  await joinedOn.click();
  const picker = page.locator('[data-dates-dropdown]');
  await expect(picker).toBeVisible();
  await expect(picker.getByText(`${today.slice(0, 4)}年${Number(today.slice(5, 7))}月`)).toBeVisible();
  await joinedOn.press('Escape');
  await expect(picker).toBeHidden();
  await expect(create).toBeVisible();
  // Esc again on a dialog with something typed asks first; 继续填写 keeps it all.
  await joinedOn.press('Escape');
  const ask = page.getByRole('alertdialog', { name: '放弃已填写的内容？' });
  await expect(ask).toBeVisible();
  await ask.getByRole('button', { name: '继续填写' }).click();
  await expect(ask).toBeHidden();
  await expect(create.getByLabel('姓名')).toHaveValue(MEMBER.name);

  const save = create.getByRole('button', { name: '添加会员', exact: true });
  await expectRefused(page, create, joinedOn, '入会日期', tomorrow, save);
  await typeDate(joinedOn, '2019年3月1日');
  await expect(joinedOn).toHaveValue('2019-03-01');
  await save.click();
  await expect(page.getByRole('heading', { name: MEMBER.name })).toBeVisible();

  // 变更状态: the same refusals, under the date; the member stays 在册.
  await page.getByRole('button', { name: '变更状态' }).click();
  const status = page.getByRole('dialog', { name: `变更状态：${MEMBER.name}` });
  await status.getByLabel('原因').fill('调往外地');
  const on = status.getByLabel('日期', { exact: true });
  await expectRefused(page, status, on, '日期', tomorrow, status.getByRole('button', { name: /^确认/ }));
  await status.getByRole('button', { name: '取消' }).click();

  // 记录走访 on a file: a visit dated tomorrow is refused, and the button says what is still missing.
  await rpc(host.origin, host.token, 'auth.signIn', { username: CLERK.username, password: CLERK.password });
  const found = (await rpc(host.origin, host.token, 'roster.search', { query: MEMBER.name })) as {
    members: { id: string; joinedOn: string | null; status: string }[];
  };
  expect(found.members).toMatchObject([{ joinedOn: '2019-03-01', status: 'active' }]);
  const file = (await rpc(host.origin, host.token, 'files.create', { memberId: found.members[0]!.id, workerType: 'urban' })) as {
    id: string;
  };
  await page.getByRole('link', { name: '困难职工档案' }).click();
  await page.getByRole('link', { name: MEMBER.name }).click();
  await page.getByRole('tab', { name: '走访' }).click();
  // The size of the centre's laptops, for the screenshot of the dialog.
  await page.setViewportSize({ width: 1366, height: 768 });
  await page.getByRole('button', { name: '记录走访' }).click();
  const visit = page.getByRole('dialog', { name: '记录走访' });
  const record = visit.getByRole('button', { name: '记录走访' });
  await expect(record).toBeDisabled();
  await expect(visit.getByTestId('form-missing')).toContainText('第二名走访人员');
  await expect(visit.getByTestId('form-missing')).toContainText('家庭成员状况清、家庭实际收入清');
  const date = visit.getByLabel('走访日期');
  await typeDate(date, tomorrow);
  await expect(visit.getByText(`走访日期：“${tomorrow}”晚于今天`).first()).toBeVisible();
  await expect(visit.getByTestId('form-missing')).toContainText(`走访日期：“${tomorrow}”晚于今天`);
  await typeDate(date, '2026-02-30');
  await expect(visit.getByText('走访日期：没有“2026-02-30”这一天').first()).toBeVisible();
  await visit.getByRole('heading', { name: '记录走访' }).click();
  await page.screenshot({ path: testInfo.outputPath('visit-dialog-1366.png') });
  // The dialog is taller than the screen: its button row stays in sight, with what is still missing.
  await expect(visit.getByTestId('form-missing')).toBeInViewport({ ratio: 1 });
  await expect(record).toBeInViewport({ ratio: 1 });
  // Esc on the filled-in visit asks; 放弃并关闭 drops it, and nothing was recorded.
  await date.click();
  await expect(picker).toBeVisible();
  await date.press('Escape');
  await expect(picker).toBeHidden();
  await expect(visit).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(page.getByRole('alertdialog', { name: '放弃已填写的内容？' })).toBeVisible();
  await page.getByRole('button', { name: '放弃并关闭' }).click();
  await expect(visit).toBeHidden();
  const stored = (await rpc(host.origin, host.token, 'files.get', { id: file.id })) as { visits: unknown[] };
  expect(stored.visits).toEqual([]);
});
