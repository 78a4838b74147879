import type { Page } from '@playwright/test';
import { exportBatch, importBatch, importReceipt } from './batch-exchange-steps';
import { chooseFile } from './support';
import { exportCard, importAndConfirm, trustEachOther } from './key-exchange-steps';
import { CENTRE, expect, FEDERATION, test } from './two-hosts';

/**
 * 更换密钥 between two offices on screens: the centre replaces its key, its new card (signed by the old key) goes to
 * the federation, whose administrator is told on the fingerprint dialog that this is a signed key change and
 * confirms it by phone; the old key moves to the history, and the centre's next batch, signed by the new key, is
 * imported and acknowledged. Then the federation replaces its key: a batch sealed to its old key still goes in, and
 * the receipt signed by its new key is taken once the centre has confirmed the new card (the refusal before says so).
 */

const fingerprintOf = async (page: Page) => ((await page.getByTestId('key-fingerprint').textContent()) ?? '').trim().split(/\s+/).join(' ');

test('a centre, then the federation, replace their keys: each change confirmed by phone, batches and receipts go on', async ({
  offices,
  shots,
}, testInfo) => {
  test.setTimeout(180_000);
  const centre = await offices.open(CENTRE);
  const federation = await offices.open(FEDERATION);
  await trustEachOther(centre, federation, (name) => testInfo.outputPath(name));
  const first = await exportBatch(centre, 1, (name) => testInfo.outputPath(name));
  await importBatch(federation, centre, 1, first, testInfo.outputPath('receipt-1.bfr'));

  // The centre's administrator replaces the key: the page names the old fingerprint.
  await centre.page.getByRole('link', { name: '交换密钥' }).click();
  const old = await fingerprintOf(centre.page);
  await centre.page.getByRole('button', { name: '更换密钥…' }).click();
  await centre.page.getByRole('dialog', { name: '更换本单位密钥' }).getByRole('button', { name: '确认更换' }).click();
  await expect(centre.page.getByText(`旧密钥指纹：${old}`)).toBeVisible();
  const renewed = await fingerprintOf(centre.page);
  expect(renewed).not.toBe(old);
  await exportCard(centre, testInfo.outputPath('centre-new.bfkey'));

  // The federation imports the new card: the dialog says it is the centre's new key, signed by the old one.
  await federation.page.getByRole('link', { name: '交换密钥' }).click();
  await importAndConfirm(federation, centre, testInfo.outputPath('centre-new.bfkey'), async (dialog) => {
    await expect(dialog.getByTestId('confirm-key-change')).toContainText('更换后的新密钥');
    await expect(dialog.getByTestId('confirm-key-change')).toContainText(old);
    await shots(federation.page, 'signed-key-change');
  });
  const row = federation.page.getByTestId('peer-row').filter({ hasText: renewed });
  await expect(row.getByTestId('peer-key-change')).toHaveText(`更换密钥（旧密钥已签名），旧指纹：${old}`);
  await expect(federation.page.getByText('历史密钥（已替换或停止信任）')).toBeVisible();
  const replaced = federation.page.getByTestId('peer-row').filter({ hasText: old });
  await expect(replaced.getByText('已被新密钥替换', { exact: true })).toBeVisible();

  // The next batch is signed by the new key: imported, and its receipt acknowledged at the centre.
  const second = await exportBatch(centre, 2, (name) => testInfo.outputPath(name));
  await importBatch(federation, centre, 2, second, testInfo.outputPath('receipt-2.bfr'));
  await importReceipt(centre, 2, testInfo.outputPath('receipt-2.bfr'));
  await shots(centre.page, 'second-batch-acknowledged');

  // Now the federation replaces its key. The centre's next batch, sealed to the federation's old key before the
  // centre has the new card, still goes in; its receipt, signed by the new key, waits for the new card.
  await federation.page.getByRole('link', { name: '交换密钥' }).click();
  await federation.page.getByRole('button', { name: '更换密钥…' }).click();
  await federation.page.getByRole('dialog', { name: '更换本单位密钥' }).getByRole('button', { name: '确认更换' }).click();
  await expect(federation.page.getByText('旧密钥指纹：')).toBeVisible();
  const third = await exportBatch(centre, 3, (name) => testInfo.outputPath(name));
  await importBatch(federation, centre, 3, third, testInfo.outputPath('receipt-3.bfr'));
  await centre.page.getByRole('link', { name: '上报批次' }).click();
  await chooseFile(centre.page, '导入回执', testInfo.outputPath('receipt-3.bfr'));
  await expect(centre.page.getByText(/如果上级工会更换过密钥，请先在“交换密钥”页导入它的新密钥卡/)).toBeVisible();
  await expect(centre.page.getByTestId('batch-3')).toContainText('等待上级工会回执');

  await federation.page.getByRole('link', { name: '交换密钥' }).click();
  await exportCard(federation, testInfo.outputPath('federation-new.bfkey'));
  await centre.page.getByRole('link', { name: '交换密钥' }).click();
  await importAndConfirm(centre, federation, testInfo.outputPath('federation-new.bfkey'), async (dialog) => {
    await expect(dialog.getByTestId('confirm-key-change')).toContainText('更换后的新密钥');
  });
  await importReceipt(centre, 3, testInfo.outputPath('receipt-3.bfr'));
});
