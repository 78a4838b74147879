import type { Page } from '@playwright/test';
import { ADMIN, CREDIT_CODE, ORG_NAME, createReadyUser, rpc, signIn, syntheticIdNumber } from './support';
import { expect, test } from './fixtures';

// A desk clerk's day at 1366 × 768: the roster reads whole, the keys a clerk uses all day work on it, and a tab
// left open over a restart of the web host says what to do.

const CLERK = { username: 'clerk.qian', displayName: '钱经办', role: 'clerk', password: 'Qian#2026x' };
// Synthetic people (made-up names and numbers); long unit names, as real employers have.
const PEOPLE = [
  { name: '欧阳明月', id: syntheticIdNumber('11010119780215357'), unitName: '广州天河软件园信息技术服务有限公司', status: 'active' },
  { name: '司马相如', id: syntheticIdNumber('44010619850312123'), unitName: '广州市天河区城市建设投资集团有限公司', status: 'transferred' },
  { name: '上官婉儿', id: syntheticIdNumber('44010619900708246'), unitName: '天河软件园公司', status: 'withdrawn' },
  { name: '诸葛孔明', id: syntheticIdNumber('44010619600101111'), unitName: '广州重型机械厂', status: 'deceased' },
] as const;
const NEW_MEMBER = { name: '皇甫嵩', id: syntheticIdNumber('44010619880808123') };

async function setUp(origin: string, token: string): Promise<void> {
  await rpc(origin, token, 'system.setup', {
    org: { name: ORG_NAME, creditCode: CREDIT_CODE, regionCode: '440106', mode: 'centre' },
    admin: ADMIN,
  });
  await createReadyUser(origin, token, CLERK);
  await rpc(origin, token, 'auth.signIn', { username: CLERK.username, password: CLERK.password });
  for (const person of PEOPLE) {
    const member = (await rpc(origin, token, 'roster.create', {
      name: person.name,
      idNumber: person.id,
      unitName: person.unitName,
      unionName: '天河区软件园联合工会委员会',
      phone: '13800138000',
      joinedOn: '2010-05-04',
    })) as { id: string; rev: number };
    if (person.status !== 'active') {
      await rpc(origin, token, 'roster.changeStatus', {
        id: member.id,
        rev: member.rev,
        status: person.status,
        on: '2020-01-02',
        reason: '会员本人办理',
      });
    }
  }
  await rpc(origin, token, 'auth.signOut');
}

async function openRoster(page: Page, url: string): Promise<void> {
  await page.goto(url);
  await signIn(page, CLERK.username, CLERK.password);
  await page.getByRole('link', { name: '会员名册' }).click();
  await expect(page.getByTestId('roster-total')).toHaveText(`共 ${PEOPLE.length} 人`);
}

test.describe('at the desk', () => {
  test.beforeEach(async ({ host, page }) => {
    await setUp(host.origin, host.token);
    await page.setViewportSize({ width: 1366, height: 768 });
  });

  test('the roster at 1366 × 768 shows every status badge whole', async ({ page, host, shots }) => {
    await openRoster(page, host.url);
    const table = page.getByRole('table');
    for (const status of ['在册', '转出', '退会', '去世']) await expect(table.getByText(status, { exact: true })).toBeVisible();
    // Cut text still has its words in the DOM: compare what the label needs with what it got.
    const cut = await table
      .locator('.mantine-Badge-label')
      .evaluateAll((labels) => labels.filter((label) => label.scrollWidth > label.clientWidth).map((label) => label.textContent));
    expect(cut).toEqual([]);
    await shots(page, 'roster-1366x768');
  });

  test('the keys a desk clerk uses all day work on the roster, and not while an input method is composing', async ({ page, host }) => {
    await openRoster(page, host.url);
    const searchBox = page.getByLabel('查找会员');
    await expect(searchBox).toHaveAttribute('aria-keyshortcuts', 'Control+F /');
    await expect(searchBox).toHaveAttribute('title', '快捷键：Ctrl+F 或 /');

    // Ctrl+F and / focus the search box from anywhere on the page (the browser's find is not what a clerk wants here).
    await page.getByRole('heading', { name: '会员名册' }).click();
    await expect(searchBox).not.toBeFocused();
    await page.keyboard.press('Control+F');
    await expect(searchBox).toBeFocused();
    await page.keyboard.type('欧阳');
    await expect(page.getByTestId('roster-total')).toHaveText('共 1 人');
    await page.getByRole('heading', { name: '会员名册' }).click();
    await page.keyboard.press('/');
    await expect(searchBox).toBeFocused();
    // The whole query is selected, so typing replaces it; a slash typed in a field stays a slash.
    await page.keyboard.type('a/b');
    await expect(searchBox).toHaveValue('a/b');
    await searchBox.fill('');
    await expect(page.getByTestId('roster-total')).toHaveText(`共 ${PEOPLE.length} 人`);

    // During an IME composition the keys belong to the input method.
    await page.getByRole('heading', { name: '会员名册' }).click();
    await page.evaluate(() =>
      window.dispatchEvent(new KeyboardEvent('keydown', { key: 'n', code: 'KeyN', altKey: true, isComposing: true, bubbles: true })),
    );
    await expect(page.getByRole('dialog')).toHaveCount(0);

    // Alt+N opens 新增会员; Ctrl+S in it saves it (the dialog's save, not anything behind it).
    await expect(page.getByRole('button', { name: '新增会员' })).toHaveAttribute('title', '快捷键：Ctrl+N 或 Alt+N');
    await page.keyboard.press('Alt+N');
    const dialog = page.getByRole('dialog', { name: '新增会员' });
    await expect(dialog).toBeVisible();
    await dialog.getByLabel('姓名').fill(NEW_MEMBER.name);
    await dialog.getByLabel('身份证号').fill(NEW_MEMBER.id);
    await expect(dialog.getByRole('button', { name: '添加会员' })).toHaveAttribute('aria-keyshortcuts', 'Control+S');
    await page.keyboard.press('Control+S');
    await expect(dialog).toBeHidden();
    await expect(page.getByRole('heading', { name: NEW_MEMBER.name })).toBeVisible();
    await page.getByRole('button', { name: '返回会员名册' }).click();
    await expect(page.getByTestId('roster-total')).toHaveText(`共 ${PEOPLE.length + 1} 人`);

    // Ctrl+N does the same where the browser lets the page have it (the desktop window always does).
    await page.keyboard.press('Control+N');
    await expect(dialog).toBeVisible();
    await dialog.getByRole('button', { name: '取消' }).click();
    await expect(dialog).toBeHidden();

    // Ctrl+P prints the list (the PDF opens in a new tab), and the browser's own print of the page is kept away.
    await page.evaluate(() => {
      const seen: boolean[] = [];
      (window as unknown as { ctrlP: boolean[] }).ctrlP = seen;
      window.addEventListener('keydown', (event) => {
        if (event.ctrlKey && event.code === 'KeyP') seen.push(event.defaultPrevented);
      });
    });
    const popup = page.waitForEvent('popup');
    await page.keyboard.press('Control+P');
    const pdf = await popup;
    expect(pdf.url()).toContain('/files/');
    await pdf.close();
    expect(await page.evaluate(() => (window as unknown as { ctrlP: boolean[] }).ctrlP)).toEqual([true]);
  });

  test('a tab left open while the program restarts says to open the new address and sign in again', async ({ page, host, shots }) => {
    await openRoster(page, host.url);
    await host.restart({ samePort: true });

    await page.getByLabel('查找会员').fill('欧阳');
    await expect(page.getByRole('heading', { name: '程序已重新启动' })).toBeVisible();
    await expect(page.getByRole('alert')).toContainText('请打开程序这次显示的地址');
    await expect(page.getByRole('alert')).toContainText('重新登录');
    await expect(page.getByText('您的角色不能进行这个操作')).toHaveCount(0);
    await shots(page, 'host-restarted');
    // Reloading the old tab cannot help (its pass is from the old run): it says the same.
    await page.reload();
    await expect(page.getByRole('heading', { name: '程序已重新启动' })).toBeVisible();

    // The new address works, in a new tab as the clerk would open it.
    const fresh = await page.context().newPage();
    await fresh.goto(host.url);
    await signIn(fresh, CLERK.username, CLERK.password);
    await expect(fresh.getByRole('link', { name: '会员名册' })).toBeVisible();

    // And pasted into the old tab (only the hash changes, no page load): the tab starts afresh with the new pass.
    // (It shares the new tab's sign-in, as any tab of the same browser does.)
    await page.goto(host.url);
    await expect(page.getByRole('heading', { name: '今日待办' })).toBeVisible();
    await expect(page.getByText('没有这个页面')).toHaveCount(0);
  });
});
