import { createHash, createPublicKey, generateKeyPairSync, sign, verify } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { fingerprintGroups } from '@shared/domain/key-fingerprint';
import { keyCardBodyText, keyCardKeysText, type KeyCard } from '@shared/domain/key-card';
import { formatSignedCode, signedMessage, type VoucherCode } from '@shared/domain/signed-code';
import { ADMIN, CLERK, CREDIT_CODE, createReadyUser, setUpOffice, signIn, signOut } from './support';
import { expect, test } from './fixtures';

const SPKI_ED25519 = Buffer.from('302a300506032b6570032100', 'hex');

/** A voucher code for this office's code, signed by a key that is not the office's. */
function forgedCode(orgCode: string): string {
  const code: VoucherCode = {
    kind: 'voucher',
    orgCode,
    serial: '2027-000001',
    paymentId: '0193a000-0000-7000-8000-0000000000b1',
    amountFen: 50_000,
    issuedOn: '2027-01-18',
  };
  return formatSignedCode(code, sign(null, signedMessage(code), generateKeyPairSync('ed25519').privateKey));
}

test('the administrator reads the key fingerprint and exports the signed key card; a clerk checks codes on 凭证核验', async ({
  page,
  host,
  shots,
}, testInfo) => {
  await setUpOffice(host);
  await createReadyUser(host.origin, host.token, CLERK);
  await page.goto(host.url);
  await signIn(page, ADMIN.username, ADMIN.password);

  // 交换密钥: the fingerprint in 8 groups of 5 digits, and the .bfkey card signed by the key it names.
  await page.getByRole('link', { name: '交换密钥' }).click();
  const fingerprint = page.getByTestId('key-fingerprint');
  await expect(fingerprint).toHaveText(/^(\d{5} ){3}\d{5}\s(\d{5} ){3}\d{5}$/);
  await shots(page, 'signing-key');
  const downloading = page.waitForEvent('download');
  await page.getByRole('button', { name: '导出密钥卡（.bfkey）' }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toBe(`${CREDIT_CODE}.bfkey`);
  const cardPath = testInfo.outputPath('card.bfkey');
  await download.saveAs(cardPath);
  const card = JSON.parse(readFileSync(cardPath, 'utf8')) as KeyCard;
  const publicKey = Buffer.from(card.keys.ed25519, 'base64');
  const keyObject = createPublicKey({ key: Buffer.concat([SPKI_ED25519, publicKey]), format: 'der', type: 'spki' });
  expect(verify(null, Buffer.from(keyCardBodyText(card), 'utf8'), keyObject, Buffer.from(card.signature, 'base64'))).toBe(true);
  const digest = new Uint8Array(createHash('sha256').update(keyCardKeysText(card.keys), 'utf8').digest());
  expect((await fingerprint.textContent())!.replace(/\s+/g, '')).toBe(fingerprintGroups(digest).join(''));
  await signOut(page);

  // A clerk: 凭证核验 is in the navigation.
  await signIn(page, CLERK.username, CLERK.password);
  await page.getByRole('link', { name: '凭证核验' }).click();
  const field = page.getByLabel('二维码文字或凭证编号');
  await expect(field).toBeFocused();
  const verdict = page.getByRole('status');

  // A scanner types the code and Enter: checked at once. Signed by another key: forged.
  await page.keyboard.type(forgedCode(CREDIT_CODE));
  await page.keyboard.press('Enter');
  await expect(verdict).toContainText('伪造或被改动');
  await expect(verdict).toHaveAttribute('data-verdict', 'forged');
  await shots(page, 'forged');

  // The next scan replaces the last (the text stays selected): another organisation's code.
  await page.keyboard.type(forgedCode('81110105MC00000017'));
  await page.keyboard.press('Enter');
  await expect(verdict).toContainText('不是本单位开具的');

  // Chinese in the field (an input method left on) is named, not guessed at.
  await field.fill('张三 500元');
  await page.getByRole('button', { name: '核验' }).click();
  await expect(verdict).toContainText('无法识别');
  await expect(verdict).toContainText('扫码时请把输入法切换为英文');

  // A typed serial this office does not have: said so, with what to check (not "another organisation's").
  await field.fill('2027-000001');
  await field.press('Enter');
  await expect(verdict).toContainText('本机没有这个编号的凭证');
  await expect(verdict).toContainText('请核对编号和年份');
  await expect(verdict).toHaveAttribute('data-verdict', 'serial-not-found');
});
