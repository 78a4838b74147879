import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ADMIN, CLERK, CREDIT_CODE, createReadyUser, ORG_NAME, rpc, setUpOffice, signIn } from './support';
import { expect, test } from './fixtures';

test('setup wizard: a credit code is checked as typed and before 下一步; the region code shows its place', async ({
  page,
  host,
  shots,
}) => {
  await page.goto(host.url);
  await page.getByLabel('单位名称').fill(ORG_NAME);
  const code = page.getByLabel('统一社会信用代码');
  // A letter no credit code holds (I) is wrong at once, without leaving the field.
  await code.fill('91350100MI');
  await expect(page.getByText('应为 18 位数字或大写字母（不含 I、O、Z、S、V）')).toBeVisible();
  // A wrong check character: the first 下一步 stops and says so; nothing skips past it.
  await code.fill('91350100M000100Y44');
  await page.getByLabel('行政区划代码').fill('440106');
  await expect(page.getByTestId('region-place')).toHaveText('广东省广州市天河区');
  await page.getByRole('button', { name: '下一步' }).click();
  await expect(page.getByTestId('credit-code-confirm')).toContainText('校验位（最后一位）不符');
  await shots(page, 'setup-credit-code-confirm');
  await expect(page.getByLabel('用户名')).toBeHidden();
  // Corrected, it goes on at the first press.
  await code.fill(CREDIT_CODE);
  await expect(page.getByTestId('credit-code-confirm')).toBeHidden();
  await page.getByRole('button', { name: '下一步' }).click();
  await expect(page.getByLabel('用户名')).toBeVisible();
});

test('users, audit words and a backup copied out', async ({ page, host, shots }) => {
  await setUpOffice(host);
  await createReadyUser(host.origin, host.token, CLERK);
  // The clerk mistypes the password until the account locks.
  for (let i = 0; i < 5; i++)
    await rpc(host.origin, host.token, 'auth.signIn', { username: CLERK.username, password: 'wrong#1' }).catch(() => null);

  await page.goto(host.url);
  await signIn(page, ADMIN.username, ADMIN.password);
  await page.getByRole('link', { name: '用户管理' }).click();
  const row = page.getByRole('row', { name: new RegExp(CLERK.username.replace('.', '\\.')) });
  await expect(row).toContainText('锁定至');

  // Unlocked by the administrator: no temporary password, the clerk's own one works again.
  await row.getByRole('button', { name: '解锁' }).click();
  await expect(page.getByText(`已解除 ${CLERK.username} 的锁定，密码不变`)).toBeVisible();
  await expect(row).not.toContainText('锁定至');
  // (That the clerk's own password works again is in tests/core/users-unlock.test.ts: a sign-in here would take
  // over this page's session, which the web host shares with its token.)

  // Disabling asks first; cancelling leaves the account as it was.
  await row.getByRole('button', { name: '停用' }).click();
  const dialog = page.getByRole('dialog', { name: '停用账户' });
  await expect(dialog).toContainText(`${CLERK.displayName}（${CLERK.username}）`);
  await dialog.getByRole('button', { name: '取消' }).click();
  await expect(dialog).toBeHidden();
  await expect(row).toContainText('启用');
  await row.getByRole('button', { name: '停用' }).click();
  await page.getByRole('dialog', { name: '停用账户' }).getByRole('button', { name: '确定停用' }).click();
  await expect(row.getByRole('button', { name: '启用' })).toBeVisible();

  // The audit log in words: actions and records named, no channel keys, no hex ids.
  await page.getByRole('link', { name: '审计日志' }).click();
  const unlocked = page.getByRole('row', { name: /解除账户锁定/ });
  await expect(unlocked).toContainText('管理员解除了锁定（密码不变）');
  await expect(unlocked).toContainText(`用户${CLERK.displayName}`);
  await expect(unlocked).toContainText(ADMIN.displayName);
  await expect(page.getByRole('row', { name: /停用或启用用户/ })).toContainText('停用账户');
  const table = page.getByRole('table');
  await expect(table).not.toContainText('users.unlock');
  await expect(table).not.toContainText(/[0-9a-f]{8}/);
  await shots(page, 'audit-in-words');

  // A backup copied out: the browser downloads the backup file as it is (encrypted).
  await page.getByRole('link', { name: '数据备份' }).click();
  await page.getByRole('button', { name: '立即备份' }).click();
  const manual = page.getByRole('row', { name: /手动/ });
  await expect(manual).toBeVisible();
  await expect(page.getByText(/文件仍是加密的/)).toBeVisible();
  await shots(page, 'backup-copy');
  const downloading = page.waitForEvent('download');
  await manual.getByRole('button', { name: '复制到U盘…' }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toMatch(/^bangfu-backup-\d{8}-\d{6}\.db$/);
  const saved = test.info().outputPath('copy.db');
  await download.saveAs(saved);
  const backupsDir = join(host.dataDir, 'backups');
  const [backup] = readdirSync(backupsDir).filter((name) => name.endsWith('.db'));
  const bytes = readFileSync(saved);
  expect(bytes.equals(readFileSync(join(backupsDir, backup!)))).toBe(true);
  expect(bytes.subarray(0, 15).toString('latin1')).not.toBe('SQLite format 3');
});

test('a start that takes long (an upgrade backing up and migrating a big database) says why, and to wait', async ({ page, host }) => {
  // The core answers the first screen's question only once its database is open and migrated: held here, at the
  // transport, for as long as the test says.
  let release = () => {};
  const held = new Promise<void>((resolve) => (release = resolve));
  await page.route('**/rpc/system.status', async (route) => {
    await held;
    await route.continue();
  });
  await page.goto(host.url);
  await expect(page.getByText('正在加载…')).toBeVisible();
  await host.advanceClock(4_000);
  await expect(page.getByTestId('slow-start')).toHaveCount(0);
  await host.advanceClock(1_500);
  await expect(page.getByTestId('slow-start')).toHaveText(
    '启动需要的时间较长。升级到新版本后第一次启动时，程序先备份数据再升级，数据多时可能需要几分钟。请稍候，不要关闭程序。',
  );
  release();
  await expect(page.getByText('首次使用：设置帮扶工作台')).toBeVisible();
  await expect(page.getByTestId('slow-start')).toHaveCount(0);
});
