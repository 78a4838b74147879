import { writeFileSync } from 'node:fs';
import { ADMIN, CREDIT_CODE, chooseFile, rpc, signIn } from './support';
import { expect, test } from './fixtures';

/**
 * 接收批次 in federation mode: the page is there, and a file that is not a batch is refused with its reason and
 * nothing imported. (The whole centre → federation flow is the two-host journey.)
 */
test('a federation clerk sees 接收批次 and a file that is not a batch is refused with its reason', async ({
  page,
  host,
  shots,
}, testInfo) => {
  await rpc(host.origin, host.token, 'system.setup', {
    org: { name: '示范市总工会', creditCode: CREDIT_CODE, regionCode: '350100', mode: 'federation' },
    admin: ADMIN,
  });
  await page.goto(host.url);
  await signIn(page, ADMIN.username, ADMIN.password);
  await page.getByRole('link', { name: '接收批次' }).click();
  await expect(page.getByRole('heading', { name: '接收批次' })).toBeVisible();
  await expect(page.getByText('还没有信任的帮扶中心。')).toBeVisible();

  const path = testInfo.outputPath('名册.bfb');
  writeFileSync(path, '姓名,身份证号\n');
  await chooseFile(page, '导入批次…', path);
  await expect(page.getByTestId('import-refused')).toContainText('这不是帮扶工作台的上报批次文件');
  await expect(page.getByRole('button', { name: '下载回执' })).toHaveCount(0);
  await shots(page, 'refused');
});
