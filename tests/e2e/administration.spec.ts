import { ADMIN, ORG_NAME, setUpOffice, signIn } from './support';
import { expect, test } from './fixtures';

test.describe('administration', () => {
  test.beforeEach(async ({ host }) => {
    // The wizard is covered by first-run.spec.ts; here the organisation is set up through the same core call.
    await setUpOffice(host);
  });

  test('settings, backup now, audit log with a verified chain, about', async ({ page, host, shots }) => {
    await page.goto(host.url);
    await signIn(page, ADMIN.username, ADMIN.password);

    await page.getByRole('link', { name: '机构设置' }).click();
    await expect(page.getByLabel('单位名称')).toHaveValue(ORG_NAME);
    await page.getByLabel('空闲自动锁定（分钟）').fill('15');
    await shots(page, 'org-settings');
    await page.getByRole('button', { name: '保存' }).click();
    await expect(page.getByText('机构设置已保存')).toBeVisible();

    await page.getByRole('link', { name: '数据备份' }).click();
    await expect(page.getByText('还没有备份')).toBeVisible();
    await page.getByRole('button', { name: '立即备份' }).click();
    await expect(page.getByRole('row', { name: /手动/ })).toBeVisible();
    await shots(page, 'backups');

    await page.getByRole('link', { name: '审计日志' }).click();
    // The entry names what changed (only the idle lock here), never a phone or address.
    await expect(page.getByRole('row', { name: /修改机构设置/ })).toContainText('修改机构设置：空闲自动锁定时间（空闲自动锁定 15 分钟）');
    await expect(page.getByRole('row', { name: /首次设置/ })).toContainText('运行模式：帮扶中心');
    await page.getByRole('button', { name: '校验审计链' }).click();
    await expect(page.getByText(/审计链完整，共 \d+ 条/)).toBeVisible();
    await shots(page, 'audit-log');

    await page.getByRole('link', { name: '关于' }).click();
    await expect(page.getByText('chacha20')).toBeVisible();
    await expect(page.getByText(host.dataDir)).toBeVisible();
    await shots(page, 'about');
  });

  test('restore a backup: data goes back, everyone signs in again', async ({ page, host }) => {
    await page.goto(host.url);
    await signIn(page, ADMIN.username, ADMIN.password);
    await page.getByRole('link', { name: '数据备份' }).click();
    await page.getByRole('button', { name: '立即备份' }).click();
    await expect(page.getByRole('row', { name: /手动/ })).toBeVisible();

    await page.getByRole('link', { name: '用户管理' }).click();
    await page.getByRole('button', { name: '新建用户' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('用户名').fill('later.user');
    await dialog.getByLabel('姓名').fill('后来者');
    await dialog.getByLabel('初始密码').fill('Start#2026');
    await dialog.getByRole('button', { name: '新建用户' }).click();
    await expect(page.getByRole('row', { name: /later\.user/ })).toBeVisible();

    await page.getByRole('link', { name: '数据备份' }).click();
    await page.getByRole('row', { name: /手动/ }).getByRole('button', { name: '恢复' }).click();
    // What was made after the backup is not restored; its numbers stay used (backup/carry-counters.ts).
    await expect(page.getByRole('dialog')).toContainText('备份之后登记的发放、开具的凭证和建立的档案不在恢复的数据中');
    await page.getByRole('button', { name: '替换并恢复' }).click();
    await expect(page.getByRole('button', { name: '登录', exact: true })).toBeVisible();
    await signIn(page, ADMIN.username, ADMIN.password);
    await page.getByRole('link', { name: '用户管理' }).click();
    await expect(page.getByRole('row', { name: /admin\.li/ })).toBeVisible();
    await expect(page.getByRole('row', { name: /later\.user/ })).toHaveCount(0);
    await page.getByRole('link', { name: '数据备份' }).click();
    await expect(page.getByRole('row', { name: /恢复前/ })).toBeVisible();
  });
});
