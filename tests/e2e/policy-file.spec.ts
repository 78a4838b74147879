import { readFileSync, writeFileSync } from 'node:fs';
import { ADMIN, chooseFile, rpc } from './support';
import { educationProgram, staffAndPolicy } from './journey-steps';
import { exportCard, importAndConfirm, openKeys } from './key-exchange-steps';
import { localIsoDate } from '../support/test-clock';
import { CENTRE, expect, FEDERATION, test } from './two-hosts';

/**
 * 政策文件 (issue 12) on screens, between two hosts: the centre trusts the federation's card; the federation's
 * administrator exports its 低保 lines and the year's program on 政策参数; the centre's administrator sees what is new
 * and what it has already, imports, and finds the values marked 来自上级. A file altered on the way is refused.
 * The starting state (users, values, a program) is made through the core as the exchange journey makes it.
 */
test('the federation’s policy file is previewed and taken in by the centre that trusts it; an altered copy is refused', async ({
  offices,
  shots,
}, testInfo) => {
  const federation = await offices.open(FEDERATION);
  const centre = await offices.open(CENTRE);
  await staffAndPolicy(centre.host, '440106');
  await staffAndPolicy(federation.host, '440100');
  // The same line as the centre's own: listed as already here, left as it is.
  await rpc(federation.host.origin, federation.host.token, 'auth.signIn', { username: ADMIN.username, password: ADMIN.password });
  await rpc(federation.host.origin, federation.host.token, 'policy.add', {
    key: 'lowIncomeLine',
    regionCode: '440106',
    effectiveFrom: '2020-01-01',
    value: 99_000,
  });
  await rpc(federation.host.origin, federation.host.token, 'auth.signOut');
  await educationProgram(federation.host);
  const year = localIsoDate(await federation.host.now()).slice(0, 4);

  await openKeys(federation);
  await openKeys(centre);
  const cardPath = testInfo.outputPath('federation.bfkey');
  await exportCard(federation, cardPath);
  await importAndConfirm(centre, federation, cardPath);

  // The federation: 政策参数 → 导出政策文件, the 低保 lines and the caps by default, this year's programs.
  const fed = federation.page;
  await fed.getByRole('link', { name: '政策参数' }).click();
  await fed.getByRole('button', { name: '导出政策文件' }).click();
  const exportDialog = fed.getByRole('dialog', { name: '导出政策文件（发给各帮扶中心）' });
  const programYear = exportDialog.getByLabel('同时发送哪一年的帮扶项目');
  await expect(programYear).toHaveValue(`${year} 年（进行中的项目 1 个）`);
  await shots(fed, 'export-policy-file');
  const downloading = fed.waitForEvent('download');
  await exportDialog.getByRole('button', { name: '生成并保存' }).click();
  const download = await downloading;
  const name = `政策文件-${FEDERATION.creditCode}-第1号.bfp`;
  expect(download.suggestedFilename()).toBe(name);
  const path = testInfo.outputPath(name);
  await download.saveAs(path);
  await expect(fed.getByText('已导出第 1 号政策文件：数值 2 个，项目 1 个')).toBeVisible();
  // A careless clerk clears the keys and sends no programs: nothing to send, and the dialog says so before any number is taken.
  await fed.getByRole('button', { name: '导出政策文件' }).click();
  const keys = exportDialog.getByLabel('要发送的政策参数');
  await keys.click();
  for (let i = 0; i < 12; i += 1) await keys.press('Backspace');
  await keys.press('Escape');
  await programYear.click();
  await fed.getByRole('option', { name: '不发送项目' }).click();
  await expect(exportDialog.getByText('还需要：要发送的政策参数或帮扶项目')).toBeVisible();
  await expect(exportDialog.getByRole('button', { name: '生成并保存' })).toBeDisabled();
  await exportDialog.getByRole('button', { name: '取消' }).click();

  // The centre: an altered copy is refused with its reason.
  const page = centre.page;
  await page.getByRole('link', { name: '政策参数' }).click();
  const bytes = readFileSync(path);
  bytes[bytes.length - 5] = bytes[bytes.length - 5]! ^ 0x01;
  const altered = testInfo.outputPath('altered.bfp');
  writeFileSync(altered, bytes);
  await chooseFile(page, '导入政策文件', altered);
  await expect(page.getByText(/政策文件的签名不对/)).toBeVisible();

  // The real file: the preview, then 导入.
  await chooseFile(page, '导入政策文件', path);
  const dialog = page.getByRole('dialog', { name: `导入政策文件：${FEDERATION.name} 第 1 号` });
  const values = dialog.getByRole('table', { name: '政策数值' });
  await expect(values.getByRole('row', { name: /440100/ })).toContainText('新增');
  await expect(values.getByRole('row', { name: /440106/ })).toContainText('已有，跳过');
  await expect(dialog.getByRole('table', { name: '帮扶项目' })).toContainText(`${year}年金秋助学`);
  await shots(page, 'import-policy-file-preview');
  await dialog.getByRole('button', { name: '导入', exact: true }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByText('已导入第 1 号政策文件：新增数值 1 个、项目 1 个，跳过 1 项')).toBeVisible();
  const table = page.getByRole('table', { name: '全部数值' });
  const fromFederation = table.getByRole('row').filter({ hasText: '来自上级' });
  await expect(fromFederation).toHaveCount(1);
  await expect(fromFederation).toContainText('440100');
  await expect(fromFederation.getByTestId('policy-source')).toHaveText(FEDERATION.name);
  await expect(fromFederation.getByTestId('policy-source')).toHaveAttribute('title', FEDERATION.creditCode);
  await shots(page, 'policy-from-federation');

  // The same file again: a harmless repeat, said before anything is pressed.
  await chooseFile(page, '导入政策文件', path);
  await expect(page.getByText('这份文件（第 1 号）以前已经导入过，再导入不会有任何改动。')).toBeVisible();
  await expect(page.getByRole('button', { name: '导入', exact: true })).toBeDisabled();
});
