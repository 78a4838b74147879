import { DEMO_CENTRES } from '../../src/main/tools/federation-demo';
import { setUpFederationWithDemoCentres } from './federation-demo-steps';
import { ADMIN, signIn } from './support';
import { expect, test } from './fixtures';

/**
 * 统计报表 at a federation (the two demo centres of federation-demo.ts, as the importer leaves their records): the
 * page opens on 各中心合计, the centre picker narrows it to one centre, and a number's list names the centre and links
 * to the centre's read-only file. 东城's two files were approved 15 and 20 days before the test clock (2026-03-10),
 * 西城's one 50 days before: three households on record in 2026's first quarter, as the home page counts them.
 */
test('a federation reports all centres combined, then one centre, and a number lists its centre’s file', async ({ page, host }) => {
  await setUpFederationWithDemoCentres(host);

  await page.goto(host.url);
  await signIn(page, ADMIN.username, ADMIN.password);
  await page.getByRole('navigation').getByRole('link', { name: '统计报表' }).click();
  await expect(page.getByText('统计期间：2026年第一季度，截至 2026-03-10')).toBeVisible();
  await expect(page.getByText('填报单位：示范市总工会')).toBeVisible();
  const totalOf = (title: string) =>
    page.getByRole('table', { name: title }).getByRole('row', { name: /^合计/ }).getByRole('button').first();
  await expect(totalOf('困难职工家庭情况统计表（各中心合计）')).toHaveText('3');

  const picker = page.getByRole('combobox', { name: '中心', exact: true });
  await picker.click();
  await page.getByRole('option', { name: `${DEMO_CENTRES.xicheng.name}（${DEMO_CENTRES.xicheng.code}）` }).click();
  await expect(totalOf(`困难职工家庭情况统计表（${DEMO_CENTRES.xicheng.name}）`)).toHaveText('1');

  await picker.click();
  await page.getByRole('option', { name: `${DEMO_CENTRES.dongcheng.name}（${DEMO_CENTRES.dongcheng.code}）` }).click();
  const total = totalOf(`困难职工家庭情况统计表（${DEMO_CENTRES.dongcheng.name}）`);
  await expect(total).toHaveText('2');
  await total.click();
  const list = page.getByRole('dialog', { name: '数字背后的名单' });
  await expect(list.getByText('名单：2 户')).toBeVisible();
  await expect(list.getByRole('row').nth(1)).toContainText(DEMO_CENTRES.dongcheng.name);
  await expect(list.getByRole('row').nth(2)).toContainText(DEMO_CENTRES.dongcheng.name);
  const link = list.getByRole('link', { name: /^1101012026/ }).first();
  await expect(link).toHaveAttribute('href', new RegExp(`/federation/centres/${DEMO_CENTRES.dongcheng.code}/files/`));
  await link.click();
  await expect(page.getByRole('heading', { name: /档案 1101012026/ })).toBeVisible();
});
