import { createHash, generateKeyPairSync, sign } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { bech32 } from '@scure/base';
import { fingerprintGroups } from '@shared/domain/key-fingerprint';
import { keyCardBodyText, keyCardFileText, keyCardKeysText, type KeyCard, type KeyCardBody } from '@shared/domain/key-card';
import { ADMIN, chooseFile, setUpOffice, signIn } from './support';
import { expect, test } from './fixtures';

/**
 * The federation's key card as its program would export it, made here from fresh keys in the format of
 * docs/domain.md "Key cards" (an Ed25519 key signing the canonical body; an age X25519 recipient).
 */
function federationCard(): { text: string; fingerprint: string[] } {
  const signing = generateKeyPairSync('ed25519');
  const x25519 = generateKeyPairSync('x25519').publicKey.export({ format: 'der', type: 'spki' }).subarray(12);
  const body: Omit<KeyCardBody, 'replaces'> = {
    format: 'bangfu-keycard',
    version: 1,
    org: { name: '示范市总工会', code: '81440100MC0000001R', region: '440100', mode: 'federation' },
    keys: {
      ed25519: signing.publicKey.export({ format: 'der', type: 'spki' }).subarray(12).toString('base64'),
      x25519: bech32.encodeFromBytes('age', x25519),
    },
    created: '2026-03-09T08:00:00.000Z',
  };
  const card: KeyCard = {
    ...body,
    signature: sign(null, Buffer.from(keyCardBodyText(body), 'utf8'), signing.privateKey).toString('base64'),
  };
  const digest = new Uint8Array(createHash('sha256').update(keyCardKeysText(body.keys), 'utf8').digest());
  return { text: keyCardFileText(card), fingerprint: fingerprintGroups(digest) };
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
  const { text, fingerprint } = federationCard();
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
