import type { Locator, Page } from '@playwright/test';
import { ADMIN, chooseFile, signIn } from './support';
import { expect, type Office } from './two-hosts';

/** Key cards between two offices on screens (two-hosts.ts), as the exchange journeys walk them. */

/** The fingerprint as read aloud: its eight groups of digits, whatever lines the screen breaks them on. */
const groupsOf = async (page: Page, testId: string) => ((await page.getByTestId(testId).textContent()) ?? '').trim().split(/\s+/);

export async function openKeys(office: Office): Promise<void> {
  await office.page.goto(office.host.url);
  await signIn(office.page, ADMIN.username, ADMIN.password);
  await office.page.getByRole('link', { name: '交换密钥' }).click();
  await expect(office.page.getByTestId('key-fingerprint')).toHaveText(/^(\d{5}\s+){7}\d{5}$/);
}

/** The office's own key card, as its administrator saves it for the stick. */
export async function exportCard(office: Office, path: string): Promise<void> {
  const downloading = office.page.waitForEvent('download');
  await office.page.getByRole('button', { name: '导出密钥卡（.bfkey）' }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toMatch(/\.bfkey$/);
  await download.saveAs(path);
}

/**
 * `reader` imports `from`'s card, and trusts it only once the fingerprint on screen is the one `from` reads out;
 * `beforeConfirm` looks at the dialog first. The row found by its fingerprint: a replaced key of `from` stays listed.
 */
export async function importAndConfirm(
  reader: Office,
  from: Office,
  path: string,
  beforeConfirm?: (dialog: Locator) => Promise<void>,
): Promise<void> {
  const { page } = reader;
  await chooseFile(page, '导入密钥卡…', path);
  const dialog = page.getByRole('dialog', { name: `核对“${from.org.name}”的密钥指纹` });
  await expect(dialog).toBeVisible();
  const read = await groupsOf(from.page, 'key-fingerprint');
  expect(read).toHaveLength(8);
  expect(await groupsOf(page, 'peer-fingerprint')).toEqual(read);
  await beforeConfirm?.(dialog);
  await dialog.getByLabel('已通过电话与对方逐组核对指纹，全部一致').check();
  await dialog.getByRole('button', { name: '确认信任' }).click();
  await expect(dialog).toBeHidden();
  const row = page
    .getByTestId('peer-row')
    .filter({ hasText: from.org.name })
    .filter({ hasText: read.join(' ') });
  await expect(row).toContainText('已信任');
}

/**
 * A centre and its federation trust each other, as their administrators do it on 交换密钥: each exports its card, the
 * other imports it and confirms the fingerprint by phone. Both stay signed in as the administrator. `path` names the
 * saved cards' files.
 */
export async function trustEachOther(centre: Office, federation: Office, path: (name: string) => string): Promise<void> {
  await openKeys(centre);
  await openKeys(federation);
  await exportCard(centre, path('centre.bfkey'));
  await exportCard(federation, path('federation.bfkey'));
  await importAndConfirm(centre, federation, path('federation.bfkey'));
  await importAndConfirm(federation, centre, path('centre.bfkey'));
}
