import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { fingerprintGroups } from '@shared/domain/key-fingerprint';
import { keyCardKeysText, type KeyCard } from '@shared/domain/key-card';
import { bundleKeyCardProcess } from '../core/support/bundle';
import { TEST_CLOCK_START } from '../support/test-clock';
import { ADMIN, chooseFile, setUpOffice, signIn } from './support';
import { expect, test } from './fixtures';

/**
 * The federation's key card, exported by a second core database of its own (tests/core/support/key-card-process.ts:
 * setup in federation mode, then org.exportKeyCard), and the fingerprint its screen would show.
 */
function federationCard(dataDir: string): { text: string; fingerprint: string[] } {
  const script = bundleKeyCardProcess();
  mkdirSync(dataDir, { recursive: true });
  try {
    const config = { dataDir, resourcesDir: resolve('resources'), clockAtMs: TEST_CLOCK_START.getTime() };
    const out = execFileSync(process.execPath, [script], { input: `${JSON.stringify(config)}\n`, timeout: 60_000 }).toString('utf8');
    const { text } = JSON.parse(out) as { text: string };
    const card = JSON.parse(text) as KeyCard;
    const digest = new Uint8Array(createHash('sha256').update(keyCardKeysText(card.keys), 'utf8').digest());
    return { text, fingerprint: fingerprintGroups(digest) };
  } finally {
    rmSync(script, { force: true });
  }
}

test('an administrator imports the federation key card and trusts it only after ticking the phone check', async ({
  page,
  host,
  shots,
}, testInfo) => {
  await setUpOffice(host);
  await page.goto(host.url);
  await signIn(page, ADMIN.username, ADMIN.password);
  await page.getByRole('link', { name: '交换密钥' }).click();
  await expect(page.getByTestId('key-fingerprint')).toHaveText(/^(\d{5} ){3}\d{5}\s(\d{5} ){3}\d{5}$/);
  await expect(page.getByText('还没有导入对方的密钥卡。')).toBeVisible();

  // A card changed after export is refused with its reason.
  const { text, fingerprint } = federationCard(testInfo.outputPath('federation-data'));
  const tampered = testInfo.outputPath('tampered.bfkey');
  writeFileSync(tampered, text.replace('示范市总工会', '冒名市总工会'));
  await chooseFile(page, '导入密钥卡…', tampered);
  await expect(page.getByText(/密钥卡的签名不对/)).toBeVisible();

  // The real card: kept as 待核对, and the fingerprint dialog opens at once.
  const path = testInfo.outputPath('federation.bfkey');
  writeFileSync(path, text);
  await chooseFile(page, '导入密钥卡…', path);
  const dialog = page.getByRole('dialog', { name: '核对“示范市总工会”的密钥指纹' });
  await expect(dialog).toBeVisible();
  await expect(dialog.getByTestId('peer-fingerprint')).toHaveText(
    `${fingerprint.slice(0, 4).join(' ')}\n${fingerprint.slice(4).join(' ')}`,
  );
  const trust = dialog.getByRole('button', { name: '确认信任' });
  await expect(trust).toBeDisabled();
  await expect(dialog.getByTestId('form-missing')).toContainText('勾选“已通过电话核对指纹”');
  await shots(page, 'confirm-fingerprint');
  await dialog.getByRole('button', { name: '取消' }).click();
  const row = page.getByTestId('peer-row');
  await expect(row).toContainText('待核对');
  await expect(row).toContainText(fingerprint.join(' '));

  // Later, on the phone: 核对指纹…, the tick, 确认信任.
  await row.getByRole('button', { name: '核对指纹…' }).click();
  await dialog.getByLabel('已通过电话与对方逐组核对指纹，全部一致').check();
  await trust.click();
  await expect(dialog).toBeHidden();
  await expect(row).toContainText('已信任');
  await expect(row).toContainText(`核对：`);
  await expect(row.getByRole('button', { name: '核对指纹…' })).toHaveCount(0);
  await shots(page, 'trusted');
});
