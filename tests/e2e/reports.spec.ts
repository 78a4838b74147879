import { openDatabase } from '../../src/main/core/db/client';
import { readKeyFile } from '../../src/main/core/keys/key-file';
import { dataPaths } from '../../src/main/core/paths';
import { writeHandFiles } from '../core/support/report-files';
import { ADMIN, setUpOffice, signIn } from './support';
import { expect, test } from './fixtures';

/**
 * 统计报表 in the browser: an office with three files on record in 2025's fourth quarter (written into the web host's
 * database with their timelines), the quarter chosen, a number clicked, the files behind it listed with links.
 */
test('the reports page computes a quarter and a number opens the files behind it', async ({ page, host }) => {
  await setUpOffice(host);
  const paths = dataPaths(host.dataDir);
  const { sqlite } = openDatabase(paths.database, readKeyFile(paths.keyFile)!);
  const ids = writeHandFiles(sqlite, [
    {
      key: 'A',
      category: 'deep',
      worker: 'urban',
      entry: 'new',
      cause: '6',
      status: 'active',
      steps: [['approve', '2025-11-03T02:00:00.000Z']],
    },
    {
      key: 'B',
      category: 'relative',
      worker: 'migrant',
      entry: 'relapsed',
      cause: '3',
      status: 'active',
      steps: [['approve', '2025-12-01T02:00:00.000Z']],
    },
    {
      key: 'C',
      category: 'deep',
      worker: 'urban',
      entry: 'new',
      cause: '1',
      status: 'exited',
      steps: [
        ['approve', '2025-08-01T02:00:00.000Z'],
        ['exit', '2025-11-20T02:00:00.000Z', '2025-11-20'],
      ],
    },
  ]);
  sqlite.close();

  await page.goto(host.url);
  await signIn(page, ADMIN.username, ADMIN.password);
  await page.getByRole('navigation').getByRole('link', { name: '统计报表' }).click();
  // Opened on the current quarter (the office's clock: 2026-03-10), as of today.
  await expect(page.getByText('统计期间：2026年第一季度，截至 2026-03-10')).toBeVisible();

  await page.getByLabel('年份').fill('2025');
  await page.getByRole('combobox', { name: '季度' }).click();
  await page.getByRole('option', { name: '第4季度' }).click();
  await page.getByRole('button', { name: '生成报表' }).click();
  await expect(page.getByText('统计期间：2025年第四季度，截至 2026-03-10')).toBeVisible();

  const households = page.getByRole('table', { name: '困难职工家庭情况统计表' });
  const deep = households.getByRole('row', { name: /^深度困难/ });
  await expect(deep.getByRole('button').first()).toHaveText('1');
  await deep.getByRole('button').first().click();
  const list = page.getByRole('dialog', { name: '数字背后的名单' });
  await expect(list.getByText('名单：1 户')).toBeVisible();
  await expect(list.getByRole('link', { name: /^1101052026/ })).toHaveAttribute('href', new RegExp(`/files/${ids.get('A')}$`));
  await page.keyboard.press('Escape');

  await page.getByRole('tab', { name: '增减变动' }).click();
  const movements = page.getByRole('table', { name: '困难职工档案增减变动表' });
  await expect(movements.getByRole('row', { name: /^合计/ })).toHaveText(/合计\s*1\s*1\s*1\s*0\s*1\s*2/);
  await expect(page.getByText('核对：期初 1 + 新增 1 − 脱困 1 − 注销 0 + 返困 1 = 期末 2，相符。')).toBeVisible();
});
