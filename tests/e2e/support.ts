import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Download, Page } from '@playwright/test';
import { expect } from './fixtures';

export const ORG_NAME = '示范区总工会职工帮扶中心';
/** A 统一社会信用代码 with a correct check character (the sample code of GB 32100). */
export const CREDIT_CODE = '91350100M000100Y43';
export const ADMIN = { username: 'admin.li', displayName: '李管理', password: 'Bangfu#2026' };
/** The clerk most tests sign in as (made with createReadyUser). */
export const CLERK = { username: 'clerk.sun', displayName: '孙经办', role: 'clerk', password: 'Sun#2026xy' };

/** A PDF file read back as text with pdftotext (poppler). */
export function pdfFileText(path: string): string {
  return execFileSync('pdftotext', ['-layout', path, '-']).toString('utf8');
}

/** A document the program offered for download, read back as text. */
export async function pdfText(download: Download, savePath: string): Promise<string> {
  await download.saveAs(savePath);
  return pdfFileText(savePath);
}

/**
 * What a copy of the data folder would give away: each needle (UTF-8) found in any file's raw bytes, and any PDF
 * lying there in clear, as "what in which file". Empty when the folder holds nothing of them.
 */
export function clearTextInDataFolder(dataDir: string, needles: string[]): string[] {
  const files = (dir: string): string[] =>
    readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? files(join(dir, e.name)) : [join(dir, e.name)]));
  return files(dataDir).flatMap((path) => {
    const content = readFileSync(path);
    const name = path.slice(dataDir.length);
    const found = needles.filter((n) => content.includes(Buffer.from(n))).map((n) => `${n} in ${name}`);
    return content.includes(Buffer.from('%PDF-')) ? [...found, `a PDF in ${name}`] : found;
  });
}

/** Calls the real core through the web host, as the renderer does (for setting up a test's starting state). */
export async function rpc(origin: string, token: string, channel: string, input: unknown = {}): Promise<unknown> {
  const res = await fetch(`${origin}/rpc/${channel}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', 'X-Bangfu-Token': token },
    body: JSON.stringify(input),
  });
  const body = (await res.json()) as { ok: boolean; data?: unknown; error?: unknown };
  if (!body.ok) throw new Error(`${channel}: ${JSON.stringify(body.error)}`);
  return body.data;
}

/** The office set up through the core (the wizard is covered by first-run.spec.ts): ORG_NAME in 440106, ADMIN. */
export async function setUpOffice(host: { origin: string; token: string }): Promise<void> {
  await rpc(host.origin, host.token, 'system.setup', {
    org: { name: ORG_NAME, creditCode: CREDIT_CODE, regionCode: '440106', mode: 'centre' },
    admin: ADMIN,
  });
}

export async function signIn(page: Page, username: string, password: string): Promise<void> {
  await page.getByLabel('用户名').fill(username);
  await page.getByLabel('密码', { exact: true }).fill(password);
  await page.getByRole('button', { name: '登录', exact: true }).click();
}

export async function signOut(page: Page): Promise<void> {
  await page.getByRole('button', { name: '退出登录' }).click();
  await expect(page.getByRole('button', { name: '登录', exact: true })).toBeVisible();
}

/**
 * A synthetic 公民身份号码 for tests: 17 digits (region, birth date, sequence — odd for men) and the GB 11643
 * check character (weights 7 9 10 5 8 4 2 1 6 3 7 9 10 5 8 4 2, sum mod 11 indexes "10X98765432"). Made up, never
 * a real person's number.
 */
export function syntheticIdNumber(first17: string): string {
  const weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
  const sum = [...first17].reduce((total, digit, i) => total + Number(digit) * weights[i]!, 0);
  return first17 + '10X98765432'[sum % 11]!;
}

/**
 * A user of the given role who has already replaced the temporary password, made through the core as the
 * administrator (the users screens are covered by first-run.spec.ts). Leaves nobody signed in.
 */
export async function createReadyUser(
  origin: string,
  token: string,
  user: { username: string; displayName: string; role: string; password: string },
): Promise<void> {
  const temporary = 'Temp#2026x';
  await rpc(origin, token, 'auth.signIn', { username: ADMIN.username, password: ADMIN.password });
  await rpc(origin, token, 'users.create', {
    username: user.username,
    displayName: user.displayName,
    role: user.role,
    password: temporary,
  });
  await rpc(origin, token, 'auth.signOut');
  await rpc(origin, token, 'auth.signIn', { username: user.username, password: temporary });
  await rpc(origin, token, 'auth.changePassword', { currentPassword: temporary, newPassword: user.password });
  await rpc(origin, token, 'auth.signOut');
}

/** Clicks the button that opens the file dialog and answers it with `path` (the web host then uploads the file). */
export async function chooseFile(page: Page, buttonName: string | RegExp, path: string): Promise<void> {
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: buttonName }).click();
  await (await chooser).setFiles(path);
}
