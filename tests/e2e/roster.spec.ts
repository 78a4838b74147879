import type { Page } from '@playwright/test';
import { ADMIN, CREDIT_CODE, ORG_NAME, createReadyUser, rpc, signIn, syntheticIdNumber } from './support';
import { expect, test } from './fixtures';

const CLERK = { username: 'clerk.zhao', displayName: '赵经办', role: 'clerk', password: 'Zhao#2026x' };
const SOFTWARE_PARK = '广州天河软件园有限公司';
/** The same employer as another grassroots union spelt it: to be merged into SOFTWARE_PARK. */
const SOFTWARE_PARK_SHORT = '天河软件园公司';
const UNION = '软件园工会';

// Synthetic people (made-up names and numbers). 单 and 曾 are read as surnames: shàn, zēng.
const SHAN = {
  name: '单雄信',
  id: syntheticIdNumber('44010619850312123'),
  phone: '13800138001',
  unit: SOFTWARE_PARK,
  joinedOn: '2010-05-04',
};
const ZENG = {
  name: '曾小贤',
  id: syntheticIdNumber('44010619900708246'),
  phone: '13900139002',
  unit: SOFTWARE_PARK,
  joinedOn: '2015-03-01',
};
const OUYANG = {
  name: '欧阳明月',
  id: syntheticIdNumber('11010119780215357'),
  phone: '020-87654321',
  unit: SOFTWARE_PARK_SHORT,
  joinedOn: '2001-07-01',
};
type NewMember = typeof SHAN;

/** The check character of a valid number replaced by another one: a typing mistake the form must catch. */
function wrongCheckCharacter(id: string): string {
  return id.slice(0, 17) + (id[17] === '1' ? '2' : '1');
}

async function setUp(origin: string, token: string): Promise<void> {
  await rpc(origin, token, 'system.setup', {
    org: { name: ORG_NAME, creditCode: CREDIT_CODE, regionCode: '440106', mode: 'centre' },
    admin: ADMIN,
  });
  await createReadyUser(origin, token, CLERK);
}

async function addMember(page: Page, member: NewMember, shots?: (page: Page, name: string) => Promise<void>): Promise<void> {
  await page.getByRole('button', { name: '新增会员' }).click();
  const dialog = page.getByRole('dialog', { name: '新增会员' });
  await dialog.getByLabel('姓名').fill(member.name);
  await dialog.getByLabel('身份证号').fill(member.id);
  await expect(dialog.getByLabel('性别')).toHaveValue(Number(member.id[16]) % 2 ? '男' : '女');
  await expect(dialog.getByLabel('出生日期')).toHaveValue(
    `${member.id.slice(6, 10)}-${member.id.slice(10, 12)}-${member.id.slice(12, 14)}`,
  );
  await expect(dialog.getByLabel('民族')).toHaveValue('汉族');
  await dialog.getByLabel('手机/电话').fill(member.phone);
  await dialog.getByLabel('入会日期').fill(member.joinedOn);
  await dialog.getByLabel('工作单位').fill(member.unit);
  await dialog.getByLabel('基层工会').fill(UNION);
  await dialog.getByLabel('会员证号').click();
  if (shots) await shots(page, 'member-form-filled');
  await dialog.getByRole('button', { name: '添加会员' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByRole('heading', { name: member.name })).toBeVisible();
  await page.getByRole('button', { name: '返回会员名册' }).click();
}

/** Types into the roster's search box and waits for the list to answer with that reading of it. */
async function search(page: Page, text: string, kind: string): Promise<void> {
  await page.getByLabel('查找会员').fill(text);
  await expect(page.getByTestId('roster-search-kind')).toHaveText(kind);
}

const rows = (page: Page) => page.getByRole('table').getByRole('row');

test.describe('member roster', () => {
  test.beforeEach(async ({ host }) => {
    await setUp(host.origin, host.token);
  });

  test('add members, find them as clerks search, reveal an ID, edit, change status', async ({ page, host, shots }) => {
    await page.goto(host.url);
    await signIn(page, CLERK.username, CLERK.password);
    await page.getByRole('link', { name: '会员名册' }).click();
    await expect(page.getByText('名册里还没有会员')).toBeVisible();
    await shots(page, 'roster-empty');

    // A wrong check character is caught while typing, in words.
    await page.getByRole('button', { name: '新增会员' }).click();
    const dialog = page.getByRole('dialog', { name: '新增会员' });
    await dialog.getByLabel('身份证号').fill(wrongCheckCharacter(SHAN.id));
    await expect(dialog.getByText('最后一位校验码不对，请逐位核对')).toBeVisible();
    await expect(dialog.getByLabel('性别')).toHaveValue('');
    await dialog.getByLabel('手机/电话').fill('1380013');
    await dialog.getByRole('button', { name: '添加会员' }).click();
    await expect(dialog.getByText('请填写姓名（最多 50 个字）')).toBeVisible();
    await expect(dialog.getByText(/号码格式不对/)).toBeVisible();
    await shots(page, 'member-form-invalid');
    await dialog.getByRole('button', { name: '取消' }).click();

    await addMember(page, SHAN, shots);
    await addMember(page, ZENG);
    await addMember(page, OUYANG);
    await expect(page.getByTestId('roster-total')).toHaveText('共 3 人');
    // ID numbers are masked in the list.
    await expect(page.getByRole('table')).not.toContainText(SHAN.id);
    await expect(rows(page).filter({ hasText: SHAN.name })).toContainText(`440106********${SHAN.id.slice(-4)}`);
    await shots(page, 'roster-list');

    // The same member, however the clerk remembers them.
    await search(page, '雄信', '按姓名或单位名称查找');
    await expect(rows(page).filter({ hasText: SHAN.name })).toHaveCount(1);
    await expect(page.getByTestId('roster-total')).toHaveText('共 1 人');
    await search(page, 'sxx', '按拼音或首字母查找');
    await expect(page.getByRole('link', { name: SHAN.name })).toBeVisible();
    await expect(page.getByTestId('roster-total')).toHaveText('共 1 人');
    await shots(page, 'roster-search-initials');
    await search(page, 'zengxiaoxian', '按拼音或首字母查找');
    await expect(page.getByRole('link', { name: ZENG.name })).toBeVisible();
    await expect(page.getByTestId('roster-total')).toHaveText('共 1 人');
    await search(page, OUYANG.id.slice(-4), '按身份证尾号查找');
    await expect(page.getByRole('link', { name: OUYANG.name })).toBeVisible();
    await search(page, ZENG.id.slice(-6), '按身份证尾号查找');
    await expect(page.getByRole('link', { name: ZENG.name })).toBeVisible();
    await expect(page.getByTestId('roster-total')).toHaveText('共 1 人');
    await search(page, SHAN.phone, '按手机号查找');
    await expect(page.getByRole('link', { name: SHAN.name })).toBeVisible();
    await expect(page.getByTestId('roster-total')).toHaveText('共 1 人');
    await search(page, 'qqq', '按拼音或首字母查找');
    await expect(page.getByText('没有找到符合条件的会员')).toBeVisible();
    await shots(page, 'roster-no-result');
    await page.getByRole('button', { name: '清除搜索和筛选' }).click();
    await expect(page.getByLabel('查找会员')).toHaveValue('');
    await expect(page.getByTestId('roster-total')).toHaveText('共 3 人');

    // Filter by employer.
    await page.getByRole('combobox', { name: '工作单位' }).click();
    await page.getByRole('option', { name: SOFTWARE_PARK }).click();
    await expect(page.getByTestId('roster-total')).toHaveText('共 2 人');
    await expect(page.getByRole('link', { name: OUYANG.name })).toHaveCount(0);
    await shots(page, 'roster-filter-unit');

    // A member: reveal the ID (audited), edit the phone, transfer out.
    await rows(page).filter({ hasText: SHAN.name }).click();
    await expect(page.getByRole('heading', { name: SHAN.name })).toBeVisible();
    await expect(page.getByTestId('member-id-number')).toHaveText(`440106********${SHAN.id.slice(-4)}`);
    await shots(page, 'member-page');
    await page.getByRole('button', { name: '显示完整号码' }).hover();
    await expect(page.getByText(/查看完整号码会记入审计日志/)).toBeVisible();
    await page.getByRole('button', { name: '显示完整号码' }).click();
    await expect(page.getByTestId('member-id-number')).toHaveText(SHAN.id);
    const history = page.getByRole('table', { name: '修改记录' });
    await expect(history.getByRole('row').filter({ hasText: '查看完整身份证号' })).toHaveCount(1);
    await shots(page, 'member-id-revealed');
    await page.getByRole('button', { name: '隐藏' }).click();
    await expect(page.getByTestId('member-id-number')).not.toHaveText(SHAN.id);

    await page.getByRole('button', { name: '编辑' }).click();
    const edit = page.getByRole('dialog', { name: `编辑会员：${SHAN.name}` });
    // Editing shows the number masked: correcting a phone reveals nothing (no second reveal in the history).
    await expect(edit.getByLabel('身份证号')).toHaveValue(`440106********${SHAN.id.slice(-4)}`);
    await expect(edit.getByRole('button', { name: '修改身份证号' })).toBeVisible();
    await edit.getByLabel('手机/电话').fill('13800138009');
    await shots(page, 'member-edit');
    await edit.getByRole('button', { name: '保存' }).click();
    await expect(edit).toBeHidden();
    await expect(page.getByRole('row', { name: /手机\/电话/ }).first()).toContainText('13800138009');
    await expect(history.getByRole('row').filter({ hasText: '修改了手机/电话' })).toHaveCount(1);
    await expect(history.getByRole('row').filter({ hasText: '查看完整身份证号' })).toHaveCount(1);

    // Changing the number reveals it first (audited); the field is then checked as it is typed.
    await page.getByRole('button', { name: '编辑' }).click();
    await edit.getByRole('button', { name: '修改身份证号' }).click();
    await expect(edit.getByLabel('身份证号')).toHaveValue(SHAN.id);
    await edit.getByLabel('身份证号').fill(wrongCheckCharacter(SHAN.id));
    await expect(edit.getByText('最后一位校验码不对，请逐位核对')).toBeVisible();
    await shots(page, 'member-edit-id');
    await edit.getByRole('button', { name: '取消' }).click();
    await expect(edit).toBeHidden();
    await expect(history.getByRole('row').filter({ hasText: '查看完整身份证号' })).toHaveCount(2);

    await page.getByRole('button', { name: '变更状态' }).click();
    const status = page.getByRole('dialog', { name: `变更状态：${SHAN.name}` });
    await expect(status.getByLabel('变更为')).toHaveValue('转出');
    await status.getByRole('button', { name: '确认转出' }).click();
    await expect(status.getByText('请填写原因')).toBeVisible();
    await status.getByLabel('原因').fill('调往深圳分公司');
    await shots(page, 'member-status');
    await status.getByRole('button', { name: '确认转出' }).click();
    await expect(status).toBeHidden();
    await expect(history.getByRole('row').filter({ hasText: '状态由在册改为转出' })).toHaveCount(1);
    await expect(page.getByText('调往深圳分公司')).toBeVisible();
    await shots(page, 'member-transferred');

    // Back to the same list (employer filter kept); the status filter finds the transferred member.
    await page.getByRole('button', { name: '返回会员名册' }).click();
    await expect(page.getByTestId('roster-total')).toHaveText('共 2 人');
    await page.getByRole('combobox', { name: '状态' }).click();
    await page.getByRole('option', { name: '转出' }).click();
    await expect(page.getByTestId('roster-total')).toHaveText('共 1 人');
    await expect(rows(page).filter({ hasText: SHAN.name })).toContainText('转出');

    // The same ID number cannot be added twice; the clerk is taken to the member who has it.
    await page.getByRole('button', { name: '新增会员' }).click();
    const again = page.getByRole('dialog', { name: '新增会员' });
    await again.getByLabel('姓名').fill('单雄信');
    await again.getByLabel('身份证号').fill(SHAN.id.toLowerCase());
    await again.getByRole('button', { name: '添加会员' }).click();
    await expect(again.getByText('名册里已有这个身份证号的会员，不能重复添加。')).toBeVisible();
    await shots(page, 'member-duplicate');
    await again.getByRole('button', { name: '打开已有的会员' }).click();
    await expect(again).toBeHidden();
    await expect(page.getByRole('heading', { name: SHAN.name })).toBeVisible();
  });

  test('rename a union and merge two spellings of an employer: the members move', async ({ page, host, shots }) => {
    await rpc(host.origin, host.token, 'auth.signIn', { username: CLERK.username, password: CLERK.password });
    for (const member of [SHAN, ZENG, OUYANG]) {
      await rpc(host.origin, host.token, 'roster.create', {
        name: member.name,
        idNumber: member.id,
        phone: member.phone,
        unitName: member.unit,
        unionName: UNION,
      });
    }
    await rpc(host.origin, host.token, 'auth.signOut');

    await page.goto(host.url);
    await signIn(page, CLERK.username, CLERK.password);
    await page.getByRole('link', { name: '单位与工会' }).click();
    const employers = page.getByRole('table', { name: '工作单位' });
    await expect(employers.getByRole('row').filter({ hasText: SOFTWARE_PARK })).toContainText('2');
    await expect(employers.getByRole('row').filter({ hasText: SOFTWARE_PARK_SHORT })).toContainText('1');
    await shots(page, 'units-employers');

    await employers.getByRole('row').filter({ hasText: SOFTWARE_PARK_SHORT }).getByRole('button', { name: '合并到…' }).click();
    const merge = page.getByRole('dialog', { name: `合并“${SOFTWARE_PARK_SHORT}”` });
    await merge.getByRole('combobox', { name: '保留的单位' }).click();
    await page.getByRole('option', { name: `${SOFTWARE_PARK}（2 人）` }).click();
    await expect(merge.getByText(`“${SOFTWARE_PARK_SHORT}”的 1 名会员将转到“${SOFTWARE_PARK}”。`)).toBeVisible();
    await shots(page, 'units-merge');
    await merge.getByRole('button', { name: '确认合并' }).click();
    await expect(merge).toBeHidden();
    await expect(employers.getByRole('row').filter({ hasText: SOFTWARE_PARK_SHORT })).toHaveCount(0);
    await expect(employers.getByRole('row').filter({ hasText: SOFTWARE_PARK })).toContainText('3');

    await page.getByRole('tab', { name: '基层工会' }).click();
    const unions = page.getByRole('table', { name: '基层工会' });
    await unions.getByRole('row').filter({ hasText: UNION }).getByRole('button', { name: '重命名' }).click();
    const rename = page.getByRole('dialog', { name: `重命名：${UNION}` });
    await rename.getByLabel('新名称').fill('天河软件园联合工会');
    await shots(page, 'units-rename');
    await rename.getByRole('button', { name: '重命名' }).click();
    await expect(rename).toBeHidden();
    await expect(unions.getByRole('row').filter({ hasText: '天河软件园联合工会' })).toContainText('3');
    await shots(page, 'units-unions');

    // The roster shows the kept employer and the new union name for everyone, the merged one for nobody.
    await page.getByRole('link', { name: '会员名册' }).click();
    await expect(page.getByTestId('roster-total')).toHaveText('共 3 人');
    await expect(rows(page).filter({ hasText: OUYANG.name })).toContainText(SOFTWARE_PARK);
    await expect(page.getByRole('table')).not.toContainText(SOFTWARE_PARK_SHORT);
    await expect(rows(page).filter({ hasText: '天河软件园联合工会' })).toHaveCount(3);
    await shots(page, 'roster-after-merge');
  });

  test('a viewer reads the roster and the warnings, and can change nothing', async ({ page, host, shots }) => {
    // A county code missing from the list (a warning, not an error), and an old 15-digit number (converted).
    const unknownRegion = { name: '解晓东', id: syntheticIdNumber('44999919850312135') };
    const oldNumber = { name: '仇雨涵', fifteen: '320102720405246' };
    await rpc(host.origin, host.token, 'auth.signIn', { username: CLERK.username, password: CLERK.password });
    const saved = (await rpc(host.origin, host.token, 'roster.create', { name: oldNumber.name, idNumber: oldNumber.fifteen })) as {
      warnings: string[];
    };
    expect(saved.warnings).toContain('CONVERTED_FROM_15');
    await rpc(host.origin, host.token, 'roster.create', { name: unknownRegion.name, idNumber: unknownRegion.id });
    await rpc(host.origin, host.token, 'auth.signOut');
    await createReadyUser(host.origin, host.token, {
      username: 'viewer.qian',
      displayName: '钱查阅',
      role: 'viewer',
      password: 'Qian#2026x',
    });

    await page.goto(host.url);
    await signIn(page, 'viewer.qian', 'Qian#2026x');
    await page.getByRole('link', { name: '会员名册' }).click();
    await expect(page.getByRole('link', { name: '单位与工会' })).toHaveCount(0);
    await expect(page.getByRole('button', { name: '新增会员' })).toHaveCount(0);
    // 解 and 仇 are read as surnames: xiè, qiú.
    await search(page, 'xxd', '按拼音或首字母查找');
    await expect(page.getByRole('link', { name: unknownRegion.name })).toBeVisible();
    await search(page, 'qiuyuhan', '按拼音或首字母查找');
    await expect(page.getByRole('link', { name: oldNumber.name })).toBeVisible();
    // A viewer may not reveal an ID: the start of a number finds nobody (growing it would read the birth date), the
    // whole number finds its member, and beside the mask stands the birth year, never the date.
    await search(page, unknownRegion.id.slice(0, 10), '身份证号请输入完整的 18 位，或只输入后 4 位');
    await expect(page.getByTestId('roster-total')).toHaveText('共 0 人');
    // What the box and the empty list suggest is what a viewer's search reads (not the clerk's "后 4–6 位").
    await expect(page.getByLabel('查找会员')).toHaveAttribute('placeholder', /身份证后4位或完整18位/);
    await expect(page.getByText('身份证后 4 位或完整的 18 位')).toBeVisible();
    await search(page, unknownRegion.id, '按完整身份证号查找');
    const row = rows(page).filter({ hasText: unknownRegion.name });
    await expect(row).toContainText(`449999********${unknownRegion.id.slice(-4)}`);
    await expect(row).toContainText('1985');
    await expect(row).not.toContainText('1985-03-12');
    await expect(page.getByRole('table').getByRole('columnheader', { name: '出生年份' })).toBeVisible();
    await page.getByLabel('查找会员').fill('');
    await expect(page.getByTestId('roster-total')).toHaveText('共 2 人');

    await page.getByRole('link', { name: unknownRegion.name }).click();
    await expect(page.getByRole('note')).toContainText('行政区划代码不在现行目录中，请核对');
    await expect(page.getByRole('button', { name: '编辑' })).toHaveCount(0);
    await expect(page.getByRole('button', { name: '变更状态' })).toHaveCount(0);
    await expect(page.getByRole('button', { name: '显示完整号码' })).toHaveCount(0);
    await expect(page.getByText('1985-03-12')).toHaveCount(0);
    await shots(page, 'viewer-member-warning');
    await page.goto(`${host.origin}/#/units`);
    await expect(page.getByText('无权访问')).toBeVisible();
  });
});
