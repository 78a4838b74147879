import { DEMO_CENTRES } from '../../src/main/tools/federation-demo';
import { setUpFederationWithDemoCentres } from './federation-demo-steps';
import { ADMIN, signIn } from './support';
import { expect, test } from './fixtures';

/**
 * A federation's home page (the two demo centres of federation-demo.ts, as the importer leaves their records): the
 * bars per centre and the charts of 各中心合计, a centre's bar opening its files in force or its payments of the year
 * paid, and the centre picker narrowing the charts to one centre whose numbers open that centre's lists. 东城: two
 * files in force (深度, 相对) and ¥800.00 of 生活救助 entered 2026-03-02; 西城: one (深度) and ¥500.00 of 送温暖 in January.
 */
test('a federation’s home shows its centres’ charts, and a bar or a number opens the centre’s list', async ({ page, host, shots }) => {
  test.setTimeout(90_000);
  await setUpFederationWithDemoCentres(host);
  await page.setViewportSize({ width: 1366, height: 768 });
  await page.goto(host.url);
  await signIn(page, ADMIN.username, ADMIN.password);

  const centres = page.getByRole('region', { name: '各中心概况' });
  await expect(centres.getByRole('link', { name: `${DEMO_CENTRES.dongcheng.name}：2 户` })).toBeVisible({ timeout: 30_000 });
  await expect(centres.getByRole('link', { name: `${DEMO_CENTRES.xicheng.name}：¥500.00` })).toBeVisible();
  const households = page.getByRole('region', { name: '在档困难职工（含复核中）' });
  // 各中心合计: no one list holds both centres' files, so the total is a number, not a link.
  await expect(households.getByTestId('dashboard-households-total')).toHaveText('共 3 户');
  await expect(households.getByRole('link')).toHaveCount(0);
  await expect(page.getByText('截至 2026-03-10，各中心合计')).toBeVisible();
  await shots(page, 'home-federation-all');

  // A centre's bar of households: its files in force.
  await centres.getByRole('link', { name: `${DEMO_CENTRES.dongcheng.name}：2 户` }).click();
  await expect(page).toHaveURL(new RegExp(`/federation/centres/${DEMO_CENTRES.dongcheng.code}\\?inForce=1$`));
  await expect(page.getByRole('combobox', { name: '状态' })).toHaveValue('在档（含复核中）');
  await expect(page.getByText('共 2 条')).toBeVisible();
  await page.goBack();

  // A centre's bar of aid paid: its payments of the year, 已发放, summing to the bar.
  await centres.getByRole('link', { name: `${DEMO_CENTRES.xicheng.name}：¥500.00` }).click();
  await expect(page).toHaveURL(/\?tab=payments&year=2026&status=paid$/);
  await expect(page.getByTestId('fed-payment-totals')).toContainText('合计 1 笔，¥500.00');
  await page.goBack();

  // One centre: the charts count its records, and each number opens its list there.
  await page.getByRole('combobox', { name: '中心', exact: true }).click();
  await page.getByRole('option', { name: `${DEMO_CENTRES.dongcheng.name}（${DEMO_CENTRES.dongcheng.code}）` }).click();
  await expect(page.getByText(`截至 2026-03-10，${DEMO_CENTRES.dongcheng.name}`)).toBeVisible();
  await expect(households.getByTestId('dashboard-households-total')).toHaveText('共 2 户');
  await shots(page, 'home-federation-one-centre');
  await households.getByRole('link', { name: '深度困难：1 户' }).click();
  await expect(page).toHaveURL(new RegExp(`/federation/centres/${DEMO_CENTRES.dongcheng.code}\\?inForce=1&category=deep$`));
  await expect(page.getByText('共 1 条')).toBeVisible();
  await expect(page.getByRole('row', { name: /张建国/ })).toBeVisible();
  await page.goBack();

  await page.getByRole('combobox', { name: '中心', exact: true }).click();
  await page.getByRole('option', { name: `${DEMO_CENTRES.dongcheng.name}（${DEMO_CENTRES.dongcheng.code}）` }).click();
  await page.getByTestId('dashboard-monthly').getByRole('link', { name: '生活救助 3月：¥800.00' }).click();
  await expect(page).toHaveURL(/\?tab=payments&from=2026-03-01&to=2026-03-10&type=living$/);
  await expect(page.getByText('录入日期 2026-03-01 至 2026-03-10')).toBeVisible();
  await expect(page.getByTestId('fed-payment-totals')).toContainText('合计 1 笔，¥800.00');
  await shots(page, 'centre-payments-from-chart');
});
