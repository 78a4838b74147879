import { ADMIN, CLERK, createReadyUser, rpc, setUpOffice, signIn, syntheticIdNumber } from './support';
import { expect, test } from './fixtures';

const HEAD = { name: '测试农民工', idNumber: syntheticIdNumber('44010619800303101') };

test('a migrant worker is filed only after a year of labour relationship: the form asks for it, the submit button says why', async ({
  page,
  host,
  shots,
}) => {
  await setUpOffice(host);
  await createReadyUser(host.origin, host.token, CLERK);
  await rpc(host.origin, host.token, 'auth.signIn', { username: ADMIN.username, password: ADMIN.password });
  const { today } = (await rpc(host.origin, host.token, 'policy.list')) as { today: string };
  await rpc(host.origin, host.token, 'policy.add', {
    key: 'lowIncomeLine',
    regionCode: '440106',
    effectiveFrom: '2020-01-01',
    value: 94_000,
  });
  const member = (await rpc(host.origin, host.token, 'roster.create', {
    name: HEAD.name,
    idNumber: HEAD.idNumber,
    unitName: '某建筑公司',
  })) as { id: string };
  await rpc(host.origin, host.token, 'files.create', { memberId: member.id, workerType: 'migrant' });
  await rpc(host.origin, host.token, 'auth.signOut');

  await page.goto(host.url);
  await signIn(page, CLERK.username, CLERK.password);
  await page.getByRole('link', { name: '困难职工档案' }).click();
  await page.getByRole('link', { name: HEAD.name }).click();
  await expect(page.getByTestId('blockers-submit')).toContainText('困难农民工须填写劳动关系起始日期');
  await expect(page.getByTestId('blockers-submit')).toContainText('困难农民工须填写用工单位');

  // Begun on the first of this month: recorded, and the file cannot be submitted until a year has passed.
  await page.getByRole('tab', { name: '填写档案' }).click();
  const since = `${today.slice(0, 7)}-01`;
  // Typed as clerks write it: read; a day still to come: refused in words, not quietly dropped.
  await page.getByLabel('劳动关系起始日期').fill('2019年3月1日');
  await page.getByLabel('劳动关系起始日期').press('Tab');
  await expect(page.getByLabel('劳动关系起始日期')).toHaveValue('2019-03-01');
  await page.getByLabel('劳动关系起始日期').fill('2099-01-01');
  await page.getByLabel('劳动关系起始日期').press('Tab');
  await expect(page.getByText('劳动关系起始日期：“2099-01-01”晚于今天，不能填将来的日期')).toBeVisible();
  // The refused text stays in the box for the clerk to correct; the date is not taken.
  await expect(page.getByLabel('劳动关系起始日期')).toHaveValue('2099-01-01');
  await page.getByLabel('劳动关系起始日期').fill(since);
  await page.getByLabel('劳动关系起始日期').press('Tab');
  await page.getByLabel('用工单位').fill('某建筑公司第三项目部');
  await page.getByRole('combobox', { name: /主要致困原因/ }).click();
  await page.getByRole('option', { name: '3 下岗失业' }).click();
  await shots(page, 'migrant-labour');
  await page.getByRole('button', { name: '保存档案' }).click();
  await expect(page.getByText('档案已保存')).toBeVisible();
  const oneYearOn = `${Number(since.slice(0, 4)) + 1}${since.slice(4)}`;
  await expect(page.getByTestId('blockers-submit')).toContainText(`劳动关系自 ${since} 起未满一年，${oneYearOn} 起才能申报`);
  await expect(page.getByTestId('blockers-submit')).not.toContainText('用工单位');

  // The date corrected to years ago: nothing stands in the way any more.
  await page.getByLabel('劳动关系起始日期').fill('2020-06-01');
  await page.getByLabel('劳动关系起始日期').press('Tab');
  // The first save's notice still covers the button: the keyboard reaches it.
  await page.getByRole('button', { name: '保存档案' }).press('Enter');
  await expect(page.getByText('档案已保存').first()).toBeVisible();
  await expect(page.getByTestId('blockers-submit')).toHaveCount(0);
  await expect(page.getByRole('button', { name: '提交申请', exact: true })).toBeEnabled();
});
