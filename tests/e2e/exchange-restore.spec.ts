import { ADMIN, signIn } from './support';
import { householdAtNotice, staffAndPolicy } from './journey-steps';
import { trustEachOther } from './key-exchange-steps';
import { exportBatch, importBatch } from './exchange-restore-steps';
import { CENTRE, expect, FEDERATION, test } from './two-hosts';

/**
 * A centre restores a backup older than a batch it sent (issue 12, features/backup/carry-exchange.ts), on screens at
 * both offices: batch 1 goes to the federation, a backup is made, a household is entered and batch 2 carries it, the
 * backup is restored; 上报批次 then says the next batch is a full one, numbered 3, and the federation's import of it
 * says the household the centre no longer has was withdrawn. The household is entered through the core
 * (files.spec drives those screens).
 */

test('a restore at the centre: batch 3 is a full one, and the federation withdraws what the centre no longer has', async ({
  offices,
  shots,
}, testInfo) => {
  test.setTimeout(240_000);
  const centre = await offices.open(CENTRE);
  const federation = await offices.open(FEDERATION);
  await staffAndPolicy(centre.host, CENTRE.regionCode);
  await trustEachOther(centre, federation, (name) => testInfo.outputPath(name));

  await importBatch(federation, 1, await exportBatch(centre, 1, '首批全量', testInfo.outputPath('1.bfb')));
  await centre.page.getByRole('link', { name: '数据备份' }).click();
  await centre.page.getByRole('button', { name: '立即备份' }).click();
  await expect(centre.page.getByRole('row', { name: /手动/ })).toBeVisible();
  // Entered through the core, which signs the office's session out after: the administrator signs in again.
  await householdAtNotice(centre.host, false);
  await centre.page.goto(centre.host.url);
  await signIn(centre.page, ADMIN.username, ADMIN.password);
  await importBatch(federation, 2, await exportBatch(centre, 2, '增量', testInfo.outputPath('2.bfb')));

  await centre.page.getByRole('link', { name: '数据备份' }).click();
  await centre.page.getByRole('row', { name: /手动/ }).getByRole('button', { name: '恢复' }).click();
  await centre.page.getByRole('button', { name: '替换并恢复' }).click();
  await signIn(centre.page, ADMIN.username, ADMIN.password);
  await centre.page.getByRole('link', { name: '上报批次' }).click();
  await expect(centre.page.getByTestId('full-batch-due')).toContainText('下一批会包含本中心的全部记录');
  const path = await exportBatch(centre, 3, '恢复备份后的第一批', testInfo.outputPath('3.bfb'));
  await expect(centre.page.getByTestId('batch-3')).toContainText('全量（恢复备份后）');

  const page = await importBatch(federation, 3, path);
  await expect(page.getByTestId('import-outcome')).toContainText('恢复备份后的完整批次');
  await expect(page.getByTestId('import-withdrawn')).toContainText(`“${CENTRE.name}”恢复了备份`);
  await expect(page.getByTestId('import-withdrawn')).toContainText('现在已没有的 1 条记录已标为已撤回');
  await shots(page, 'federation-withdrawn');
  await expect(page.getByTestId('received-batch').filter({ hasText: '全部（恢复备份后）' })).toHaveCount(1);
});
