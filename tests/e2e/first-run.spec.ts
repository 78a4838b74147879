import { ADMIN, clearTextInDataFolder, CREDIT_CODE, ORG_NAME, pdfText, signIn, signOut } from './support';
import { expect, test } from './fixtures';

test('first run → recovery code PDF → sign in → create a clerk → the clerk cannot reach admin pages → idle lock → unlock', async ({
  page,
  host,
  shots,
}, testInfo) => {
  // The fixture's fake timers in the page let the test fire the renderer's session poll; the core's clock moves
  // through the host, the page's with it.
  await page.goto(host.url);

  // 1. The setup wizard: organisation.
  await expect(page.getByText('首次使用：设置帮扶工作台')).toBeVisible();
  await page.getByLabel('单位名称').fill(ORG_NAME);
  await page.getByLabel('统一社会信用代码').fill('91350100M000100Y44');
  await expect(page.getByText('校验位不符，请核对；早期代码可能如此，可继续')).toBeVisible();
  await page.getByLabel('统一社会信用代码').fill(CREDIT_CODE);
  await expect(page.getByText('代码格式和校验位正确')).toBeVisible();
  await page.getByLabel('行政区划代码').fill('440106');
  await shots(page, 'setup-organisation');
  await page.getByRole('button', { name: '下一步' }).click();

  // 2. The administrator.
  await page.getByLabel('用户名').fill(ADMIN.username);
  await page.getByLabel('姓名').fill(ADMIN.displayName);
  await page.getByLabel('密码', { exact: true }).fill('short');
  await page.getByLabel('确认密码').fill('short');
  await page.getByLabel('密码', { exact: true }).fill(ADMIN.password);
  await page.getByLabel('确认密码').fill(ADMIN.password);
  await shots(page, 'setup-administrator');
  await page.getByRole('button', { name: '创建单位和管理员' }).click();

  // 3. The recovery code, shown once, and its PDF read back.
  await expect(page.getByText('请立即保存恢复码')).toBeVisible();
  const code = (await page.getByText(/^[2-9A-Z]{5}(-[2-9A-Z]{5}){5}$/).textContent())!.trim();
  await shots(page, 'setup-recovery-code');
  const downloading = page.waitForEvent('download');
  await page.getByRole('button', { name: '下载恢复码 PDF' }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toMatch(/\.pdf$/);
  const text = await pdfText(download, testInfo.outputPath('recovery-code.pdf'));
  expect(text).toContain('数据库恢复码');
  expect(text).toContain(ORG_NAME);
  expect(text).toContain(ADMIN.username);
  // The sheet letter-spaces the code, so pdftotext may put spaces between its letters.
  for (const group of code.split('-')) expect(text.replace(/\s+/g, '')).toContain(group);
  // The sheet reached the browser, yet the data folder holds neither the code nor the PDF in clear
  // (with recovery.json beside them they would give the database key to whoever copies the folder).
  expect(clearTextInDataFolder(host.dataDir, [code, code.replace(/-/g, '')])).toEqual([]);
  await expect(page.getByRole('button', { name: '完成，去登录' })).toBeDisabled();
  await page.getByLabel('我已打印或抄写恢复码并交专人保管').check();
  await page.getByRole('button', { name: '完成，去登录' }).click();

  // 4. Sign in as the administrator.
  await expect(page.getByRole('button', { name: '登录', exact: true })).toBeVisible();
  await shots(page, 'sign-in');
  await signIn(page, ADMIN.username, 'wrong-password-1');
  await expect(page.getByText(/用户名或密码不正确/)).toBeVisible();
  await signIn(page, ADMIN.username, ADMIN.password);
  await expect(page.getByText(ORG_NAME).first()).toBeVisible();
  await shots(page, 'home-admin');

  // 5. Create a clerk.
  await page.getByRole('link', { name: '用户管理' }).click();
  await page.getByRole('button', { name: '新建用户' }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByLabel('用户名').fill('clerk.wang');
  await dialog.getByLabel('姓名').fill('王经办');
  await dialog.getByLabel('角色').click();
  await page.getByRole('option', { name: '经办人' }).click();
  await dialog.getByLabel('初始密码').fill('Start#2026');
  await shots(page, 'users-create');
  await dialog.getByRole('button', { name: '新建用户' }).click();
  await expect(dialog).toBeHidden();
  const row = page.getByRole('row', { name: /clerk\.wang/ });
  await expect(row).toContainText('经办人');
  await shots(page, 'users-list');
  await signOut(page);
  // What the administrator was told is not left on screen for the next person at the desk.
  await expect(page.getByText('已创建用户 clerk.wang')).toHaveCount(0);

  // 6. The clerk signs in, must replace the temporary password, and sees no admin pages.
  await signIn(page, 'clerk.wang', 'Start#2026');
  await expect(page.getByText('请设置您自己的密码')).toBeVisible();
  await page.getByLabel('临时密码').fill('Start#2026');
  await page.getByLabel('新密码', { exact: true }).fill('Wang#2026x');
  await page.getByLabel('确认新密码').fill('Wang#2026x');
  await shots(page, 'clerk-forced-password');
  await page.getByRole('button', { name: '修改密码' }).click();
  await expect(page.getByRole('link', { name: '首页' })).toBeVisible();
  for (const adminArea of ['用户管理', '机构设置', '交换密钥', '数据备份', '审计日志', '关于']) {
    await expect(page.getByRole('link', { name: adminArea })).toHaveCount(0);
  }
  await shots(page, 'home-clerk');
  await page.goto(`${host.origin}/#/users`);
  await expect(page.getByText('无权访问')).toBeVisible();
  await expect(page.getByRole('table')).toHaveCount(0);
  await shots(page, 'clerk-no-access');
  await page.getByRole('link', { name: '首页' }).click();

  // 7. Idle lock: a half-filled form survives the lock.
  await page.getByRole('button', { name: '修改密码' }).click();
  const form = page.getByRole('dialog', { name: '修改密码' });
  await form.getByLabel('当前密码').fill('typed-before-the-lock');
  await host.advanceClock(11 * 60_000);
  await page.clock.fastForward(30_000);
  const lock = page.getByRole('dialog', { name: '屏幕已锁定' });
  await expect(lock).toBeVisible();
  await shots(page, 'idle-locked');
  await lock.getByLabel('密码').fill('not-my-password');
  await lock.getByRole('button', { name: '解锁' }).click();
  await expect(lock.getByText(/用户名或密码不正确/)).toBeVisible();
  await lock.getByLabel('密码').fill('Wang#2026x');
  await lock.getByRole('button', { name: '解锁' }).click();
  await expect(lock).toBeHidden();
  await expect(form.getByLabel('当前密码')).toHaveValue('typed-before-the-lock');
  await shots(page, 'unlocked-form-kept');
});
