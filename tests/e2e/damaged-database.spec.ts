import { closeSync, openSync, readdirSync, readSync, statSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { ADMIN, setUpOffice, signIn } from './support';
import { expect, test } from './fixtures';

/** A failing disk: a few bytes in the middle of the database file inverted while the program was closed. */
function flipBytesInTheMiddle(path: string): void {
  const fd = openSync(path, 'r+');
  try {
    const offset = Math.floor(statSync(path).size / 2);
    const bytes = Buffer.alloc(16);
    readSync(fd, bytes, 0, 16, offset);
    writeSync(
      fd,
      bytes.map((b) => b ^ 0xff),
      0,
      16,
      offset,
    );
  } finally {
    closeSync(fd);
  }
}

test('a damaged database: the clerk is told so and restores the newest good backup', async ({ page, host, shots }) => {
  await setUpOffice(host);
  await page.goto(host.url);
  await signIn(page, ADMIN.username, ADMIN.password);
  await page.getByRole('link', { name: '数据备份' }).click();
  await page.getByRole('button', { name: '立即备份' }).click();
  await expect(page.getByRole('row', { name: /手动/ })).toBeVisible();

  await host.restart(); // a clean stop: the WAL is in the database file, where the damage lands
  flipBytesInTheMiddle(join(host.dataDir, 'bangfu.db'));
  await host.restart(); // the host stays up on a damaged database
  await page.goto(host.url);

  await expect(page.getByRole('heading', { name: '数据库已损坏' })).toBeVisible();
  await expect(page.getByText('这不是密钥或密码的问题')).toBeVisible();
  await expect(page.getByText(/找到可用的最新备份：\d{4}-\d{2}-\d{2} \d{2}:\d{2}（手动）/)).toBeVisible();
  await expect(page.getByText('需要恢复码')).toHaveCount(0);
  await expect(page.getByText('首次使用')).toHaveCount(0);
  await shots(page, 'damaged');

  await page.getByRole('button', { name: '恢复这份备份' }).click();
  await expect(page.getByRole('button', { name: '登录', exact: true })).toBeVisible();
  await signIn(page, ADMIN.username, ADMIN.password);
  await page.getByRole('link', { name: '审计日志' }).click();
  await expect(page.getByRole('row', { name: /从备份恢复数据/ })).toBeVisible();
  // The damaged file was kept beside the restored one, renamed.
  expect(readdirSync(host.dataDir).filter((name) => /^bangfu-damaged-.*\.db$/.test(name))).toHaveLength(1);
});
