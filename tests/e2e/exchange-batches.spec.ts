import { generateKeyPairSync, sign, type KeyObject } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { generateX25519Identity, identityToRecipient } from 'age-encryption';
import { creditCodeCheckChar } from '@shared/domain/credit-code';
import { keyCardBodyText, keyCardFileText, type KeyCard } from '@shared/domain/key-card';
import { writeReceipt } from '../../src/main/core/exchange/format';
import { TEST_CLOCK_START } from '../support/test-clock';
import { ADMIN, CREDIT_CODE, chooseFile, setUpOffice, signIn } from './support';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';

/**
 * 上报批次 at a centre: the federation's card (made here, with a key this test holds so that it can sign the
 * receipt) is trusted, the first batch is exported and saved, and the federation's receipt shows what it refused.
 */

const FEDERATION_CODE = '81350100MC0000009' + creditCodeCheckChar('81350100MC0000009');
const FEDERATION_NAME = '示范市总工会';

async function federationKeys(): Promise<{ card: KeyCard; privateKey: KeyObject }> {
  const { privateKey, publicKey } = generateKeyPairSync('ed25519');
  const raw = publicKey.export({ format: 'der', type: 'spki' }).subarray(12);
  const card: KeyCard = {
    format: 'bangfu-keycard',
    version: 1,
    org: { name: FEDERATION_NAME, code: FEDERATION_CODE, region: '350100', mode: 'federation' },
    keys: { ed25519: raw.toString('base64'), x25519: await identityToRecipient(await generateX25519Identity()) },
    created: TEST_CLOCK_START.toISOString(),
    signature: '',
  };
  card.signature = sign(null, Buffer.from(keyCardBodyText(card), 'utf8'), privateKey).toString('base64');
  return { card, privateKey };
}

/** The administrator imports the federation's card on 交换密钥 and confirms its fingerprint. */
async function trustFederation(page: Page, cardPath: string): Promise<void> {
  await page.getByRole('link', { name: '交换密钥' }).click();
  await chooseFile(page, '导入密钥卡…', cardPath);
  const confirm = page.getByRole('dialog', { name: `核对“${FEDERATION_NAME}”的密钥指纹` });
  await confirm.getByLabel('已通过电话与对方逐组核对指纹，全部一致').check();
  await confirm.getByRole('button', { name: '确认信任' }).click();
  await expect(confirm).toBeHidden();
}

/** The next batch from 上报批次, its preview first naming its number and kind; the file saved. */
async function generateBatch(page: Page, sequence: number, kind: string, shot?: () => Promise<void>): Promise<void> {
  await page.getByRole('link', { name: '上报批次' }).click();
  await page.getByRole('button', { name: '生成上报批次' }).click();
  const dialog = page.getByRole('dialog', { name: '生成上报批次' });
  await expect(dialog.getByTestId('batch-preview')).toContainText(`生成第 ${sequence} 批上报批次`);
  await expect(dialog.getByTestId('batch-preview')).toContainText(kind);
  await shot?.();
  const downloading = page.waitForEvent('download');
  await dialog.getByRole('button', { name: '开始生成' }).click();
  await downloading;
  await dialog.getByRole('button', { name: '关闭' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByTestId(`batch-${sequence}`)).toContainText('已上报');
}

test('the centre exports its first batch, carries the file, and reads the federation’s receipt', async ({
  page,
  host,
  shots,
}, testInfo) => {
  await setUpOffice(host);
  const { card, privateKey } = await federationKeys();
  const cardPath = testInfo.outputPath('federation.bfkey');
  writeFileSync(cardPath, keyCardFileText(card));

  await page.goto(host.url);
  await signIn(page, ADMIN.username, ADMIN.password);
  // Before the card is trusted, the page says what to do and offers nothing to export.
  await page.getByRole('link', { name: '上报批次' }).click();
  await expect(page.getByTestId('no-federation')).toContainText('尚未信任上级工会的密钥卡');
  await expect(page.getByRole('button', { name: '生成上报批次' })).toBeDisabled();

  await trustFederation(page, cardPath);

  await page.getByRole('link', { name: '上报批次' }).click();
  await expect(page.getByText(`上报给：${FEDERATION_NAME}（${FEDERATION_CODE}）`)).toBeVisible();
  await expect(page.getByText('还没有生成过上报批次。')).toBeVisible();
  await page.getByRole('button', { name: '生成上报批次' }).click();
  const dialog = page.getByRole('dialog', { name: '生成上报批次' });
  await expect(dialog.getByTestId('batch-preview')).toContainText('生成第 1 批上报批次');
  await expect(dialog.getByTestId('batch-preview')).toContainText('首批全量');
  await expect(dialog.getByTestId('batch-preview')).toContainText('本单位信息：1 条');
  await shots(page, 'next-batch');
  const downloading = page.waitForEvent('download');
  await dialog.getByRole('button', { name: '开始生成' }).click();
  const download = await downloading;
  const fileName = `上报批次-${CREDIT_CODE}-第0001批.bfb`;
  expect(download.suggestedFilename()).toBe(fileName);
  const batchPath = testInfo.outputPath('batch.bfb');
  await download.saveAs(batchPath);
  await expect(dialog.getByTestId('batch-done')).toContainText(`请把文件“${fileName}”复制到U盘`);
  await dialog.getByRole('button', { name: '关闭' }).click();

  const row = page.getByTestId('batch-1');
  await expect(row).toContainText('首批全量');
  await expect(row).toContainText('1 条');
  await expect(row).toContainText('已上报');
  await expect(row).toContainText('等待上级工会回执');
  await expect(row).toContainText(fileName);

  // A lost stick: 重新导出 from batch 1 writes the very same bytes again.
  await page.getByRole('button', { name: '重新导出' }).click();
  const again = page.getByRole('dialog', { name: '重新导出上报批次（补发）' });
  await again.getByLabel('从第几批开始').click();
  await page.getByRole('option', { name: /^第 1 批/ }).click();
  const downloadingAgain = page.waitForEvent('download');
  await again.getByRole('button', { name: '导出' }).click();
  const copy = await downloadingAgain;
  expect(copy.suggestedFilename()).toBe(fileName);
  const copyPath = testInfo.outputPath('batch-again.bfb');
  await copy.saveAs(copyPath);
  expect(readFileSync(copyPath).equals(readFileSync(batchPath))).toBe(true);
  await expect(page.getByText('已重新导出 1 个批次文件')).toBeVisible();

  // The federation's receipt: it names the batch by its header's payload hash and refuses the office record.
  const header = JSON.parse(readFileSync(batchPath).toString('utf8').split('\n')[1]!) as {
    sender: { code: string; key: string };
    payload: { sha256: string };
  };
  expect(header.sender.code).toBe(CREDIT_CODE);
  const orgId = '0190c2d4-0000-7000-8000-000000000001';
  const receiptPath = testInfo.outputPath('回执.bfr');
  await writeReceipt(
    receiptPath,
    {
      recipient: header.sender,
      batch: { sequence: 1, sha256: header.payload.sha256 },
      // The federation imported it the next day.
      receivedAt: new Date(TEST_CLOCK_START.getTime() + 86_400_000).toISOString(),
      outcome: 'applied',
      applied: {},
      refused: [{ table: 'org', id: orgId, reason: 'unknown-code' }],
    },
    { code: FEDERATION_CODE, signingKey: privateKey },
  );
  await chooseFile(page, '导入回执', receiptPath);
  const refused = page.getByRole('dialog', { name: '第 1 批被拒收的记录' });
  await expect(refused).toContainText('本单位信息');
  await expect(refused).toContainText('代码（地区、民族等）不正确');
  await shots(page, 'receipt-refused');
  await refused.getByRole('button', { name: '关闭' }).click();
  await expect(row).toContainText('有问题');
  await expect(row).toContainText('1 条记录被拒收');
  await shots(page, 'batches');
});

test('after a restore of a backup older than a batch sent, the next batch is a full one and the page says why', async ({
  page,
  host,
  shots,
}, testInfo) => {
  await setUpOffice(host);
  const cardPath = testInfo.outputPath('federation.bfkey');
  writeFileSync(cardPath, keyCardFileText((await federationKeys()).card));
  await page.goto(host.url);
  await signIn(page, ADMIN.username, ADMIN.password);
  await trustFederation(page, cardPath);
  await generateBatch(page, 1, '首批全量');
  await page.getByRole('link', { name: '数据备份' }).click();
  await page.getByRole('button', { name: '立即备份' }).click();
  await expect(page.getByRole('row', { name: /手动/ })).toBeVisible();
  await generateBatch(page, 2, '增量');

  await page.getByRole('link', { name: '数据备份' }).click();
  await page.getByRole('row', { name: /手动/ }).getByRole('button', { name: '恢复' }).click();
  await expect(page.getByRole('dialog')).toContainText('已上报给上级工会的批次仍算已上报');
  await shots(page, 'restore-confirm');
  await page.getByRole('button', { name: '替换并恢复' }).click();
  await signIn(page, ADMIN.username, ADMIN.password);

  // Batch 2 is still listed as sent; the next is number 3, a full one, and the page says why.
  await page.getByRole('link', { name: '上报批次' }).click();
  await expect(page.getByTestId('full-batch-due')).toContainText('下一批会包含本中心的全部记录');
  await expect(page.getByTestId('batch-2')).toContainText('增量');
  await shots(page, 'full-batch-due');
  await generateBatch(page, 3, '恢复备份后的第一批', () => shots(page, 'full-batch-preview'));
  await expect(page.getByTestId('batch-3')).toContainText('全量（恢复备份后）');
  await expect(page.getByTestId('full-batch-due')).toHaveCount(0);
  await shots(page, 'after-full-batch');
});
