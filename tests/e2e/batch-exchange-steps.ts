import { chooseFile } from './support';
import { expect, type Office } from './two-hosts';

/** A batch and its receipt between two offices on screens (two-hosts.ts), as the exchange journeys walk them. */

/** The centre's next batch, made by the clerk on 上报批次 and saved for the stick; gives its path. */
export async function exportBatch(centre: Office, sequence: number, dir: (name: string) => string): Promise<string> {
  const { page } = centre;
  await page.getByRole('link', { name: '上报批次' }).click();
  await page.getByRole('button', { name: '生成上报批次' }).click();
  const dialog = page.getByRole('dialog', { name: '生成上报批次' });
  await expect(dialog.getByTestId('batch-preview')).toContainText(`生成第 ${sequence} 批上报批次`);
  await expect(dialog.getByTestId('batch-preview')).toContainText(sequence === 1 ? '首批全量' : '增量');
  const downloading = page.waitForEvent('download');
  await dialog.getByRole('button', { name: '开始生成' }).click();
  const download = await downloading;
  const name = `上报批次-${centre.org.creditCode}-第${String(sequence).padStart(4, '0')}批.bfb`;
  expect(download.suggestedFilename()).toBe(name);
  const path = dir(name);
  await download.saveAs(path);
  await expect(dialog.getByTestId('batch-done')).toContainText(`请把文件“${name}”复制到U盘`);
  await dialog.getByRole('button', { name: '关闭' }).click();
  await expect(page.getByTestId(`batch-${sequence}`)).toContainText('已上报');
  await expect(page.getByTestId(`batch-${sequence}`)).toContainText('等待上级工会回执');
  return path;
}

/**
 * The federation imports a centre's batch on 接收批次: applied with nothing refused. Gives the outcome's text (the
 * counts by table) and the receipt saved for the stick back.
 */
export async function importBatch(
  federation: Office,
  from: Office,
  sequence: number,
  path: string,
  receiptPath: string,
): Promise<{ counts: string }> {
  const { page } = federation;
  await page.getByRole('link', { name: '接收批次' }).click();
  await chooseFile(page, '导入批次…', path);
  const outcome = page.getByTestId('import-outcome');
  await expect(outcome).toContainText(`已导入“${from.org.name}”的第 ${sequence} 批`);
  await expect(page.getByTestId('refused-records')).toHaveCount(0);
  const counts = (await page.getByTestId('applied-counts').textContent()) ?? '';
  const downloading = page.waitForEvent('download');
  await outcome.getByRole('button', { name: '下载回执' }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toMatch(/\.bfr$/);
  await download.saveAs(receiptPath);
  return { counts };
}

/** The centre's clerk imports the federation's receipt: the batch is 已确认. */
export async function importReceipt(centre: Office, sequence: number, path: string): Promise<void> {
  const { page } = centre;
  await page.getByRole('link', { name: '上报批次' }).click();
  await chooseFile(page, '导入回执', path);
  await expect(page.getByTestId(`batch-${sequence}`)).toContainText('已确认');
}
