import type { Page } from '@playwright/test';
import { chooseFile } from './support';
import { CENTRE, expect, type Office } from './two-hosts';

/** Steps of the restore specs (exchange-restore, federation-restore): a batch written at the centre, imported at the federation. */

/** The centre's next batch from 上报批次, its preview naming its number and kind; the saved file's path. */
export async function exportBatch(centre: Office, sequence: number, kind: string, path: string): Promise<string> {
  const { page } = centre;
  await page.getByRole('link', { name: '上报批次' }).click();
  await page.getByRole('button', { name: '生成上报批次' }).click();
  const dialog = page.getByRole('dialog', { name: '生成上报批次' });
  await expect(dialog.getByTestId('batch-preview')).toContainText(`生成第 ${sequence} 批上报批次`);
  await expect(dialog.getByTestId('batch-preview')).toContainText(kind);
  const downloading = page.waitForEvent('download');
  await dialog.getByRole('button', { name: '开始生成' }).click();
  await (await downloading).saveAs(path);
  await dialog.getByRole('button', { name: '关闭' }).click();
  await expect(dialog).toBeHidden();
  return path;
}

/** The federation imports it on 接收批次: applied. */
export async function importBatch(federation: Office, sequence: number, path: string): Promise<Page> {
  const { page } = federation;
  await page.getByRole('link', { name: '接收批次' }).click();
  await chooseFile(page, '导入批次…', path);
  await expect(page.getByTestId('import-outcome')).toContainText(`已导入“${CENTRE.name}”的第 ${sequence} 批`);
  return page;
}
