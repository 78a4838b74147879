import { writeFileSync } from 'node:fs';
import { basename } from 'node:path';
import type { Page } from '@playwright/test';
import { ADMIN, CLERK, chooseFile, createReadyUser, pdfFileText, rpc, setUpOffice, signIn, signOut, syntheticIdNumber } from './support';
import { expect, test } from './fixtures';
import { DAY_MS, localIsoDate } from '../support/test-clock';

const REVIEWER = { username: 'reviewer.li', displayName: '李审核', role: 'reviewer', password: 'Li#2026xyz' };
const HEAD = { name: '测试户主', idNumber: syntheticIdNumber('44010619800101101') };
const SPOUSE = { name: '测试配偶', idNumber: syntheticIdNumber('44010619820202102') };
/** A real 1×1 PNG (a photo of the home as far as the program can tell). */
const PHOTO_PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==', 'base64');

/** Takes a step from the file's 办理 panel: its button, then the confirmation (with a reason when asked). */
async function step(page: Page, action: string, reason?: string) {
  await page.getByRole('button', { name: action, exact: true }).click();
  const dialog = page.getByRole('dialog', { name: action });
  if (reason) await dialog.getByLabel('原因').fill(reason);
  await dialog.getByRole('button', { name: action, exact: true }).click();
  await expect(page.getByText(`已办理：${action}`)).toBeVisible();
}

/** Reads the document a print button opened in a new tab, as text. */
async function printed(page: Page, button: string, path: string): Promise<string> {
  const opening = page.context().waitForEvent('page');
  await page.getByRole('button', { name: button }).first().click();
  const viewer = await opening;
  writeFileSync(path, await (await page.request.get(viewer.url())).body());
  await viewer.close();
  return pdfFileText(path);
}

async function recordVisit(page: Page, unclear?: { item: string; note: string }, photo?: string) {
  await page.getByRole('button', { name: '记录走访' }).click();
  const dialog = page.getByRole('dialog', { name: '记录走访' });
  // The clerk is a visitor already; a colleague from outside the program's users is typed.
  const visitors = dialog.getByRole('combobox', { name: /走访人员/ });
  await visitors.fill('周干事');
  await visitors.press('Enter');
  for (const item of ['家庭成员状况清', '家庭实际收入清', '家庭困难原因清', '家庭生活变化清', '职工现实表现清', '家庭走访住址清']) {
    const group = dialog.getByLabel(item, { exact: true });
    await group.getByRole('radio', { name: item === unclear?.item ? '不清' : '清', exact: true }).check();
    if (item === unclear?.item) await dialog.getByLabel(`${item} 情况说明`).fill(unclear.note);
  }
  await dialog.getByLabel('户主已签字确认').check();
  if (photo) {
    await chooseFile(page, '添加照片', photo);
    await expect(dialog.getByText(basename(photo))).toBeVisible();
  }
  await dialog.getByRole('button', { name: '记录走访' }).click();
  await expect(page.getByText('走访已记录').first()).toBeVisible();
}

test('a clerk files a household through the six clears and the notice, a reviewer approves it, the annual review ends it', async ({
  page,
  host,
  shots,
}, testInfo) => {
  await setUpOffice(host);
  await createReadyUser(host.origin, host.token, CLERK);
  await createReadyUser(host.origin, host.token, REVIEWER);
  await rpc(host.origin, host.token, 'auth.signIn', { username: ADMIN.username, password: ADMIN.password });
  await rpc(host.origin, host.token, 'policy.add', {
    key: 'lowIncomeLine',
    regionCode: '440106',
    effectiveFrom: '2020-01-01',
    value: 94_000,
  });
  await rpc(host.origin, host.token, 'roster.create', {
    name: HEAD.name,
    idNumber: HEAD.idNumber,
    phone: '13800001000',
    unitName: '甲机械厂',
  });
  await rpc(host.origin, host.token, 'roster.create', {
    name: '另一职工',
    idNumber: syntheticIdNumber('44010619850505105'),
    unitName: '乙纺织厂',
  });
  await rpc(host.origin, host.token, 'auth.signOut');

  // A clerk starts the file from the roster. (The page's fake timers, installed by the fixture, let the test fire the
  // idle lock's poll.)
  await page.goto(host.url);
  await signIn(page, CLERK.username, CLERK.password);
  await page.getByRole('link', { name: '困难职工档案' }).click();
  await expect(page.getByText('还没有困难职工档案')).toBeVisible();
  await page.getByRole('button', { name: '新建档案' }).click();
  const create = page.getByRole('dialog', { name: '新建困难职工档案' });
  await create.getByLabel('查找会员').fill(HEAD.idNumber.slice(-6));
  await create.getByRole('radio', { name: new RegExp(HEAD.name) }).check();
  await shots(page, 'file-create');
  await create.getByRole('button', { name: '建档' }).click();
  await expect(page.getByRole('heading', { name: HEAD.name })).toBeVisible();
  await expect(page.getByText('草稿', { exact: true })).toBeVisible();

  // The household, income, cause and consents.
  await page.getByRole('tab', { name: '填写档案' }).click();
  await page.getByLabel('月收入（元） 1').fill('500');
  await page.getByRole('button', { name: '添加家庭成员' }).click();
  await page.getByLabel('姓名 2').fill(SPOUSE.name);
  await page.getByLabel('身份证号 2').fill(SPOUSE.idNumber);
  await page.getByRole('combobox', { name: '医保 2' }).click();
  await page.getByRole('option', { name: '居民医保' }).click();
  // The means test follows what is typed, before saving.
  await expect(page.getByTestId('means-test-live')).toContainText('人均月收入 ¥250.00，低于本地低保标准 ¥940.00 → 深度困难');
  await page.getByRole('combobox', { name: /主要致困原因/ }).click();
  await page.getByRole('option', { name: '6 患重特大疾病' }).click();

  // The clerk is called away: the screen locks, and what was typed is still there after unlocking.
  await host.advanceClock(11 * 60_000);
  await page.clock.fastForward(30_000);
  const lock = page.getByRole('dialog', { name: '屏幕已锁定' });
  await expect(lock).toBeVisible();
  await lock.getByLabel('密码').fill(CLERK.password);
  await lock.getByRole('button', { name: '解锁' }).click();
  await expect(lock).toBeHidden();
  await expect(page.getByLabel('姓名 2')).toHaveValue(SPOUSE.name);
  await expect(page.getByLabel('身份证号 2')).toHaveValue(SPOUSE.idNumber);
  await expect(page.getByLabel('月收入（元） 1')).toHaveValue('500');
  await expect(page.getByRole('combobox', { name: /主要致困原因/ })).toHaveValue('6 患重特大疾病');
  await expect(page.getByTestId('means-test-live')).toContainText('人均月收入 ¥250.00');
  const today = localIsoDate(await host.now());
  for (const consent of ['收入核查', '公示', '向上级报送']) {
    await page.getByLabel(consent, { exact: true }).fill(today);
    await page.getByLabel(consent, { exact: true }).press('Tab');
  }
  await shots(page, 'file-draft');
  await page.getByRole('button', { name: '保存档案' }).click();
  await expect(page.getByText('档案已保存')).toBeVisible();
  await page.getByRole('tab', { name: '收入与核算' }).click();
  // (500 × 12) ÷ 12 ÷ 2 = 250.00 a month each, below the line of 940.00.
  await expect(page.getByTestId('means-test')).toContainText('人均月收入 ¥250.00，低于本地低保标准 ¥940.00 → 深度困难');

  await step(page, '提交申请');
  await step(page, '开始入户调查');

  // A visit with one item not clear: the file cannot go on to the committee.
  await page.getByRole('tab', { name: '走访' }).click();
  await recordVisit(page, { item: '家庭实际收入清', note: '配偶收入未核实' });
  await expect(page.getByTestId('blockers-sendToCommittee')).toContainText('最近一次入户调查有“不清”的项目');
  // At the centre's 1366×768: the six marks read whole, each by the word that tells it apart; visitors joined by 、.
  await page.setViewportSize({ width: 1366, height: 768 });
  const visits = page.getByRole('table', { name: '走访' });
  await expect(visits).toContainText('孙经办、周干事');
  for (const word of ['成员清', '收入清', '原因清', '变化清', '表现清', '住址清']) await expect(visits.getByText(word)).toBeVisible();
  const cut = await visits
    .locator('.mantine-Badge-label')
    .evaluateAll((labels) => labels.filter((label) => label.scrollWidth > label.clientWidth).map((label) => label.textContent));
  expect(cut).toEqual([]);
  await page.screenshot({ path: testInfo.outputPath('visit-list-1366.png') });
  await page.setViewportSize({ width: 1366, height: 800 });
  await shots(page, 'file-visit-unclear');
  const photo = testInfo.outputPath('入户照片.png');
  writeFileSync(photo, PHOTO_PNG);
  await recordVisit(page, undefined, photo);
  // The photo is kept with its visit and shown in the program.
  await page.getByRole('button', { name: /走访的第 1 张照片/ }).click();
  const preview = page.getByRole('dialog', { name: '入户照片.png' });
  const image = preview.getByRole('img', { name: '入户照片.png' });
  await expect(image).toBeVisible();
  expect(await image.evaluate((img: HTMLImageElement) => img.naturalWidth)).toBe(1);
  await shots(page, 'file-visit-photo');
  await page.keyboard.press('Escape');
  await expect(preview).toBeHidden();
  const visitRecord = await printed(page, '打印调查表', testInfo.outputPath('visit.pdf'));
  expect(visitRecord).toContain('家庭实际收入清');
  expect(visitRecord).toContain('孙经办');
  expect(visitRecord).toMatch(/入户照片\s+1 张，存于档案附件/);
  await step(page, '提交民主评议');

  // The committee's minutes, then the notice.
  await expect(page.getByTestId('blockers-startNotice')).toContainText('还没有上传民主评议会议纪要');
  await page.getByRole('tab', { name: '附件' }).click();
  await page.getByRole('combobox', { name: '附件类型' }).click();
  await page.getByRole('option', { name: '会议纪要' }).click();
  const minutes = testInfo.outputPath('会议纪要.pdf');
  writeFileSync(minutes, '%PDF-1.4\n% 会议纪要\n');
  await chooseFile(page, '上传附件', minutes);
  await expect(page.getByText('附件已上传')).toBeVisible();
  await step(page, '开始公示');
  await expect(page.getByTestId('file-facts')).toContainText('公示至');
  const notice = await printed(page, '打印公示', testInfo.outputPath('notice.pdf'));
  expect(notice).toContain(HEAD.name);
  expect(notice).toContain('深度困难');
  for (const secret of [HEAD.idNumber, HEAD.idNumber.slice(-4), SPOUSE.idNumber, '13800001000', '250.00'])
    expect(notice).not.toContain(secret);
  await page.getByRole('button', { name: '记录异议', exact: true }).click();
  const objection = page.getByRole('dialog', { name: '记录异议' });
  await objection.getByLabel('异议内容').fill('群众反映其配偶有经营收入');
  await objection.getByRole('button', { name: '记录异议', exact: true }).click();
  await expect(page.getByText('已办理：记录异议')).toBeVisible();
  await shots(page, 'file-notice');
  await signOut(page);

  // A reviewer dismisses the objection.
  await signIn(page, REVIEWER.username, REVIEWER.password);
  await page.getByRole('link', { name: '困难职工档案' }).click();
  await page.getByRole('link', { name: HEAD.name }).click();
  await step(page, '异议不成立', '经入户核实，配偶无经营收入');
  await expect(page.getByTestId('blockers-endNotice')).toContainText('公示到');
  await signOut(page);

  // Ten days later the notice is over; the clerk finds it among the to-dos of the head's unit, sends it for
  // approval, but cannot approve it.
  await host.advanceClock(10 * DAY_MS);
  await signIn(page, CLERK.username, CLERK.password);
  await page.getByRole('link', { name: '困难职工档案' }).click();
  await page.getByRole('combobox', { name: '单位' }).click();
  await page.getByRole('option', { name: '乙纺织厂' }).click();
  await expect(page.getByText('没有符合筛选条件的档案')).toBeVisible();
  await page.getByRole('combobox', { name: '单位' }).click();
  await page.getByRole('option', { name: '甲机械厂' }).click();
  await page.getByText('公示期已满 1').click();
  await expect(page.getByRole('table', { name: '困难职工档案' }).getByRole('row')).toHaveCount(2);
  await shots(page, 'files-notice-over');
  await page.getByRole('link', { name: HEAD.name }).click();
  await step(page, '公示结束，报审批');
  await expect(page.getByTestId('blockers-approve')).toContainText('不能审批自己录入');
  await signOut(page);

  // The reviewer approves: the file number appears, the category is fixed.
  await signIn(page, REVIEWER.username, REVIEWER.password);
  await page.getByRole('link', { name: '困难职工档案' }).click();
  await page.getByRole('link', { name: HEAD.name }).click();
  await step(page, '审批通过');
  const year = (await host.now()).getFullYear();
  await expect(page.getByTestId('file-facts')).toContainText(`档案编号 440106${year}00001`);
  await expect(page.getByText('在档', { exact: true })).toBeVisible();
  await shots(page, 'file-active');
  const application = await printed(page, '打印申报表', testInfo.outputPath('application.pdf'));
  expect(application.replace(/\s+/g, '')).toContain(`440106${year}00001`);
  expect(application).toContain(HEAD.name);
  expect(application).toContain(SPOUSE.name);

  // The annual review ends in 已脱困.
  await step(page, '开始年度复核');
  await page.getByRole('button', { name: '脱困退出', exact: true }).click();
  const exit = page.getByRole('dialog', { name: '脱困退出' });
  await exit.getByLabel('原因').fill('配偶病愈复工，家庭收入稳定');
  await exit.getByRole('button', { name: '脱困退出' }).click();
  await expect(page.getByText('已办理：脱困退出')).toBeVisible();
  await expect(page.getByText('已脱困', { exact: true }).first()).toBeVisible();
  await page.getByRole('tab', { name: '办理记录' }).click();
  await expect(page.getByRole('list', { name: '办理记录' })).toContainText('配偶病愈复工');
  await shots(page, 'file-timeline');
});
