import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { ADMIN, CREDIT_CODE, ORG_NAME, rpc, signIn } from './support';
import { expect, test } from './fixtures';

test('the key store lost the key: the recovery code printed at setup opens the data again', async ({ page, host, shots }) => {
  const setup = (await rpc(host.origin, host.token, 'system.setup', {
    org: { name: ORG_NAME, creditCode: CREDIT_CODE, regionCode: '440106', mode: 'centre' },
    admin: ADMIN,
  })) as { recoveryCode: string };

  // A new Windows profile: the program starts again without its key (under the web host, the key file).
  await host.restart();
  rmSync(join(host.dataDir, 'bangfu.key'));
  await host.restart();
  await page.goto(host.url);
  await expect(page.getByText('需要恢复码')).toBeVisible();
  await shots(page, 'recovery-needed');

  await page.getByLabel('恢复码').fill('AAAAA-BBBBB-CCCCC-DDDDD-EEEEE-FFFFF');
  await page.getByRole('button', { name: '恢复' }).click();
  await expect(page.getByText(/恢复码不正确/)).toBeVisible();

  // Typed as a person would: lower case, spaces instead of dashes.
  await page.getByLabel('恢复码').fill(setup.recoveryCode.toLowerCase().replaceAll('-', ' '));
  await page.getByRole('button', { name: '恢复' }).click();
  await expect(page.getByRole('button', { name: '登录', exact: true })).toBeVisible();
  await signIn(page, ADMIN.username, ADMIN.password);
  await expect(page.getByText(ORG_NAME).first()).toBeVisible();

  // The key was stored again: the next start needs no recovery code.
  await host.restart();
  await page.goto(host.url);
  await expect(page.getByRole('button', { name: '登录', exact: true })).toBeVisible();
});
