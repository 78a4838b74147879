import { ADMIN, signIn } from './support';
import { householdAtNotice, staffAndPolicy } from './journey-steps';
import { trustEachOther } from './key-exchange-steps';
import { exportBatch, importBatch } from './exchange-restore-steps';
import { CENTRE, expect, FEDERATION, test, type Office } from './two-hosts';

/**
 * A federation restores a backup older than a batch it applied (features/exchange/import-kept.ts), on screens: batch 1
 * is imported, the federation makes a backup, batch 2 is imported, the backup is restored; 接收批次 then names batch 2
 * as kept on this computer and to import again, and one button does it. The household is entered through the core
 * (files.spec drives those screens).
 */

async function backupNow(office: Office): Promise<void> {
  await office.page.getByRole('link', { name: '数据备份' }).click();
  await office.page.getByRole('button', { name: '立即备份' }).click();
  await expect(office.page.getByRole('row', { name: /手动/ })).toBeVisible();
}

test('a restore at the federation: the kept batch 2 is listed and imported again with one button', async ({ offices, shots }, testInfo) => {
  test.setTimeout(240_000);
  const centre = await offices.open(CENTRE);
  const federation = await offices.open(FEDERATION);
  await staffAndPolicy(centre.host, CENTRE.regionCode);
  await trustEachOther(centre, federation, (name) => testInfo.outputPath(name));

  await importBatch(federation, 1, await exportBatch(centre, 1, '首批全量', testInfo.outputPath('1.bfb')));
  await backupNow(federation);
  // Entered through the core, which signs the office's session out after: the administrator signs in again.
  await householdAtNotice(centre.host, false);
  await centre.page.goto(centre.host.url);
  await signIn(centre.page, ADMIN.username, ADMIN.password);
  await importBatch(federation, 2, await exportBatch(centre, 2, '增量', testInfo.outputPath('2.bfb')));

  const { page } = federation;
  await page.getByRole('link', { name: '数据备份' }).click();
  await page.getByRole('row', { name: /手动/ }).getByRole('button', { name: '恢复' }).click();
  await expect(page.getByRole('dialog')).toContainText('恢复后在“接收批次”页点“重新导入”即可补回');
  await page.getByRole('button', { name: '替换并恢复' }).click();
  await signIn(page, ADMIN.username, ADMIN.password);
  await page.getByRole('link', { name: '接收批次' }).click();
  const kept = page.getByTestId('kept-pending');
  await expect(kept.getByTestId('kept-run')).toHaveText(`待重新导入：${CENTRE.name} 第 2 批（文件已保存在本机）`);
  await expect(page.getByTestId('received-batch')).toHaveCount(1);
  await shots(page, 'federation-kept-pending');

  await kept.getByRole('button', { name: '重新导入' }).click();
  await expect(kept.getByTestId('kept-outcome')).toHaveText(`已重新导入“${CENTRE.name}”的第 2 批。`);
  await expect(kept.getByTestId('kept-run')).toHaveCount(0);
  await expect(page.getByTestId('received-batch')).toHaveCount(2);
  await expect(page.getByTestId('received-centre')).toContainText('下一批应为第 3 批');
  await shots(page, 'federation-kept-reimported');
});
