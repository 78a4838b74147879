import { ADMIN, setUpOffice, signIn } from './support';
import { expect, test } from './fixtures';

test('smoke', async ({ page, host }) => {
  await page.setViewportSize({ width: 1366, height: 768 });
  await setUpOffice(host);
  await page.goto(host.url);
  await signIn(page, ADMIN.username, ADMIN.password);
  await page.getByRole('link', { name: '救助项目' }).click();
  await page.getByRole('button', { name: '新建项目' }).click();
  const d = page.getByRole('dialog', { name: '新建救助项目' });
  await expect(d.getByRole('combobox', { name: '救助类型' })).toHaveValue('送温暖');
  await page.screenshot({ path: 'artifacts/smoke-fixed.png' });
  await d.getByRole('combobox', { name: '救助类型' }).click();
  await page.getByRole('option', { name: '医疗救助' }).click();
  await page.screenshot({ path: 'artifacts/smoke-medical.png' });
  await d.getByRole('combobox', { name: '救助类型' }).click();
  await page.getByRole('option', { name: '助学' }).click();
  await page.screenshot({ path: 'artifacts/smoke-edu.png' });
  await d.getByRole('combobox', { name: '救助类型' }).click();
  await page.getByRole('option', { name: '生活救助' }).click();
  await page.screenshot({ path: 'artifacts/smoke-living.png' });
});
