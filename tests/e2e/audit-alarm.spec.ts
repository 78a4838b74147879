import { copyFileSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { ADMIN, rpc, setUpOffice, signIn } from './support';
import { expect, test } from './fixtures';

test('a database swapped for its older backup is reported to the administrator, who acknowledges it', async ({ page, host, shots }) => {
  await setUpOffice(host);
  await rpc(host.origin, host.token, 'auth.signIn', { username: ADMIN.username, password: ADMIN.password });
  await rpc(host.origin, host.token, 'backup.create', {});
  await expect
    .poll(async () => ((await rpc(host.origin, host.token, 'audit.list', { action: 'backup.create' })) as { total: number }).total)
    .toBe(1);
  await rpc(host.origin, host.token, 'users.create', {
    username: 'later.user',
    displayName: '后来者',
    role: 'clerk',
    password: 'Start#2026',
  });

  // Someone with the data folder alone puts the older copy in place while the program is not running.
  await host.crash();
  const backups = join(host.dataDir, 'backups');
  const [backup] = readdirSync(backups).filter((name) => name.startsWith('bangfu-manual-'));
  for (const suffix of ['-wal', '-shm']) rmSync(join(host.dataDir, `bangfu.db${suffix}`), { force: true });
  copyFileSync(join(backups, backup!), join(host.dataDir, 'bangfu.db'));
  await host.restart();

  await page.goto(host.url);
  await signIn(page, ADMIN.username, ADMIN.password);
  const banner = page.getByRole('alert').filter({ hasText: '审计警报' });
  await expect(banner).toContainText('有 1 条审计警报尚未确认');
  await banner.getByRole('link', { name: '查看审计警报' }).click();

  const alarm = page.getByTestId('audit-alarms').getByRole('alert');
  await expect(alarm).toContainText('审计日志被回滚');
  await expect(alarm).toContainText('启动时发现');
  await shots(page, 'audit-alarm');
  await alarm.getByRole('button', { name: '确认已知悉' }).click();
  await expect(page.getByText('已确认的审计警报（1 条，仍保留在审计日志中）')).toBeVisible();
  await expect(page.getByRole('row', { name: /确认审计警报/ })).toContainText('管理员确认已知悉');
  await expect(page.getByRole('row', { name: /校验审计链/ }).first()).toContainText('启动时发现：审计日志被回滚或末尾被删除');

  await page.getByRole('link', { name: '首页' }).click();
  await expect(page.getByRole('alert').filter({ hasText: '审计警报' })).toHaveCount(0);
});
