import { readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import ExcelJS from 'exceljs';
import { CLERK, chooseFile, createReadyUser, setUpOffice, signIn } from './support';
import { expect, test } from './fixtures';

const FIXTURES = 'tests/fixtures/roster';
/** Excel kept every ID of this file as a number: all its rows must be rejected with that explanation. */
const ID_AS_NUMBER = `${FIXTURES}/roster-id-number.xlsx`;
/** A title row above the header, 身份证号码 as the header, IDs as text. */
const WITH_TITLE = `${FIXTURES}/roster-title.xlsx`;
/** One row for each kind of warning, a clean row and two rows still rejected (scripts/roster-warnings-fixture.mjs). */
const WARNINGS = `${FIXTURES}/roster-warnings.csv`;
/** 测试张三 in WITH_TITLE (a synthetic number). */
const ZHANG_ID = '11010119850312101X';
/** The synthetic people of the fixtures, with their true ID numbers. */
const people = JSON.parse(readFileSync(`${FIXTURES}/people.json`, 'utf8')) as { name: string; id: string }[];

const count = (page: Page, key: string) => page.getByTestId(`import-count-${key}`);
/** What the sheet's column with this header is imported as. */
const column = (page: Page, header: string) => page.getByRole('combobox', { name: `${header} 导入为` });

test.describe('roster import', () => {
  test.beforeEach(async ({ host }) => {
    await setUpOffice(host);
    await createReadyUser(host.origin, host.token, CLERK);
  });

  test('reject IDs Excel stored as numbers, save them, import them fixed, import a file with a title row, warn on a second import', async ({
    page,
    host,
    shots,
  }, testInfo) => {
    await page.goto(host.url);
    await signIn(page, CLERK.username, CLERK.password);
    await page.getByRole('link', { name: '会员名册' }).click();
    await page.getByRole('button', { name: '导入名册' }).click();
    await expect(page.getByRole('heading', { name: '导入名册' })).toBeVisible();
    await expect(page.getByRole('table', { name: '导入记录' })).toBeVisible();
    await expect(page.getByText('还没有导入过名册')).toBeVisible();
    await shots(page, 'import-start');

    // 1. The file: read at once, its format said.
    await chooseFile(page, '选择文件…', ID_AS_NUMBER);
    const facts = page.getByTestId('import-file-facts');
    await expect(facts).toContainText('roster-id-number.xlsx');
    await expect(facts).toContainText('Excel 工作簿（.xlsx）');
    await expect(facts).toContainText('表头在第 1 行');
    await expect(page.getByTestId('previous-import')).toHaveCount(0);
    await shots(page, 'import-file');
    await page.getByRole('button', { name: '下一步', exact: true }).click();

    // 2. The columns, matched from the headers, with the file's first rows under them.
    await expect(column(page, '身份证号')).toHaveValue('身份证号');
    await expect(column(page, '姓名')).toHaveValue('姓名');
    await expect(column(page, '手机')).toHaveValue('手机/电话');
    await expect(column(page, '单位名称')).toHaveValue('工作单位');
    const mapping = page.getByRole('table', { name: '核对列' });
    await expect(mapping).toContainText('测试张三');
    await expect(page.getByRole('radio', { name: '更新已有会员' })).toBeChecked();
    // Without the ID column nothing can be imported, and the screen says so.
    await column(page, '身份证号').click();
    await page.getByRole('option', { name: '不导入' }).click();
    await expect(page.getByRole('alert')).toContainText('还没有指定哪一列是：身份证号');
    await expect(page.getByRole('button', { name: '下一步：预览' })).toBeDisabled();
    await shots(page, 'import-mapping-missing');
    await column(page, '身份证号').click();
    await page.getByRole('option', { name: '身份证号', exact: true }).click();
    await expect(page.getByRole('alert')).toHaveCount(0);
    await shots(page, 'import-mapping');
    await page.getByRole('button', { name: '下一步：预览' }).click();

    // 3. The preview: every row rejected, each with the reason in words.
    await expect(count(page, 'rejected')).toContainText('5');
    await expect(count(page, 'new')).toContainText('0');
    const rejected = page.getByRole('table', { name: '未通过的行' });
    await expect(rejected.getByRole('row')).toHaveCount(6);
    await expect(rejected.getByRole('row').nth(1)).toContainText('身份证号被 Excel 当作数字保存，末几位已丢失');
    await expect(page.getByText('没有可以导入的行')).toBeVisible();
    await expect(page.getByRole('button', { name: '开始导入' })).toBeDisabled();
    await shots(page, 'import-preview-rejected');

    // The rejected rows as a workbook: the sheet's own columns plus 原因, one row per rejected row.
    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: '保存未通过的行' }).click();
    const file = await download;
    expect(file.suggestedFilename()).toMatch(/\.xlsx$/);
    const saved = testInfo.outputPath('rejected.xlsx');
    await file.saveAs(saved);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(saved);
    const sheet = workbook.worksheets[0]!;
    const header = sheet.getRow(1);
    expect(header.getCell(header.cellCount).text).toBe('原因');
    const headers = Array.from({ length: header.cellCount }, (_, i) => header.getCell(i + 1).text);
    expect(headers).toEqual(expect.arrayContaining(['姓名', '身份证号', '手机', '单位名称']));
    expect(sheet.actualRowCount - 1).toBe(5);
    expect(sheet.getRow(2).getCell(header.cellCount).text).toContain('被 Excel 当作数字保存');

    // The grassroots union types the IDs again, as text, into the file it was sent and sends it back: it imports
    // as it is, its 原行号 and 原因 columns left out.
    const idColumn = headers.indexOf('身份证号') + 1;
    const nameColumn = headers.indexOf('姓名') + 1;
    for (let r = 2; r <= sheet.actualRowCount; r++) {
      const row = sheet.getRow(r);
      row.getCell(idColumn).value = people.find((p) => p.name === row.getCell(nameColumn).text)!.id;
    }
    const fixed = testInfo.outputPath('改正后.xlsx');
    await workbook.xlsx.writeFile(fixed);
    await page
      .getByRole('button', { name: /选择文件/ })
      .first()
      .click();
    await chooseFile(page, '换一个文件…', fixed);
    await expect(facts).toContainText('改正后.xlsx');
    await page.getByRole('button', { name: '下一步', exact: true }).click();
    await expect(column(page, '身份证号')).toHaveValue('身份证号');
    await expect(column(page, '原行号')).toHaveValue('不导入');
    await expect(column(page, '原因')).toHaveValue('不导入');
    await page.getByRole('button', { name: '下一步：预览' }).click();
    await expect(count(page, 'new')).toContainText('5');
    await expect(count(page, 'rejected')).toContainText('0');
    await shots(page, 'import-preview-fixed');
    await page.getByRole('button', { name: '开始导入' }).click();
    await expect(page.getByText('导入完成')).toBeVisible();
    await expect(page.getByText('新增 5 人')).toBeVisible();

    // Another file: a title row above the header, IDs kept as text; the five are in it again, with more columns.
    await page.getByRole('button', { name: '导入另一个文件' }).click();
    await chooseFile(page, '选择文件…', WITH_TITLE);
    await expect(facts).toContainText('roster-title.xlsx');
    await expect(facts).toContainText('表头在第 3 行');
    await page.getByRole('button', { name: '下一步', exact: true }).click();
    await expect(column(page, '身份证号码')).toHaveValue('身份证号');
    await expect(column(page, '所属基层工会')).toHaveValue('基层工会');
    await expect(column(page, '序号')).toHaveValue('不导入');
    await shots(page, 'import-mapping-title');
    await page.getByRole('button', { name: '下一步：预览' }).click();
    await expect(count(page, 'new')).toContainText('3');
    await expect(count(page, 'updated')).toContainText('5');
    await expect(count(page, 'rejected')).toContainText('0');
    await shots(page, 'import-preview-ok');

    // 4. The import, then back to the roster: a member found by the last 4 characters of the ID.
    await page.getByRole('button', { name: '开始导入' }).click();
    await expect(page.getByText('导入完成')).toBeVisible();
    await expect(page.getByText('新增 3 人，更新 5 人')).toBeVisible();
    const history = page.getByRole('table', { name: '导入记录' });
    await expect(history.getByRole('row').filter({ hasText: 'roster-title.xlsx' })).toContainText(CLERK.displayName);
    await shots(page, 'import-done');
    await page.getByRole('button', { name: '查看会员名册' }).click();
    await expect(page.getByTestId('roster-total')).toHaveText('共 8 人');
    await page.getByLabel('查找会员').fill(ZHANG_ID.slice(-4));
    await expect(page.getByTestId('roster-search-kind')).toHaveText('按身份证尾号查找');
    await expect(page.getByRole('link', { name: '测试张三' })).toBeVisible();
    await expect(page.getByTestId('roster-total')).toHaveText('共 1 人');
    await shots(page, 'roster-after-import');

    // The same file a second time: the clerk is warned before anything else.
    await page.getByRole('button', { name: '导入名册' }).click();
    await chooseFile(page, '选择文件…', WITH_TITLE);
    await expect(page.getByTestId('previous-import')).toContainText(`由 ${CLERK.displayName} 导入过`);
    await shots(page, 'import-again-warning');
    await page.getByRole('button', { name: '下一步', exact: true }).click();
    await page.getByRole('button', { name: '下一步：预览' }).click();
    await expect(count(page, 'unchanged')).toContainText('8');
    await expect(count(page, 'new')).toContainText('0');

    // With 停止导入 the preview says the import would stop, and does not offer it.
    await page.getByRole('button', { name: '上一步' }).click();
    await page.getByRole('radio', { name: '停止导入' }).check();
    await page.getByRole('button', { name: '下一步：预览' }).click();
    await expect(page.getByRole('note')).toContainText('文件中有 8 人已在名册中，按所选的“停止导入”，导入将停止');
    await expect(page.getByRole('button', { name: '开始导入' })).toBeDisabled();
    await shots(page, 'import-policy-stop');
    await page.getByRole('button', { name: '上一步' }).click();
    await page.getByRole('radio', { name: '跳过' }).check();
    await page.getByRole('button', { name: '下一步：预览' }).click();
    await expect(count(page, 'skipped')).toContainText('8');
  });

  test('import rows with an unusable phone, a sex against the ID and an old 15-digit ID, and say so', async ({
    page,
    host,
    shots,
  }, testInfo) => {
    await page.goto(host.url);
    await signIn(page, CLERK.username, CLERK.password);
    await page.getByRole('link', { name: '会员名册' }).click();
    await page.getByRole('button', { name: '导入名册' }).click();
    await chooseFile(page, '选择文件…', WARNINGS);
    await page.getByRole('button', { name: '下一步', exact: true }).click();
    await expect(page.getByText('性别、出生日期只与身份证号核对')).toBeVisible();
    await page.getByRole('button', { name: '下一步：预览' }).click();

    // Thirteen rows go in, twelve of them with warnings; two are still rejected.
    await expect(count(page, 'new')).toContainText('13');
    await expect(count(page, 'rejected')).toContainText('2');
    await expect(page.getByTestId('import-warnings-summary')).toHaveText('导入 13 行，其中 12 行有提示');
    const kinds = page.getByTestId('import-warning-kinds');
    await expect(kinds).toContainText('手机/电话无效，已留空：2 行');
    await expect(kinds).toContainText('性别与身份证号不符，已按身份证号记：2 行');
    await expect(kinds).toContainText('15 位身份证号已转换为 18 位：1 行');
    const warnings = page.getByRole('table', { name: '有提示的行' });
    await expect(warnings.getByRole('row').filter({ hasText: '手机/电话：“1381234”不是有效的手机号或电话号码，已留空' })).toContainText(
      '3',
    );
    await expect(warnings.getByRole('row').filter({ hasText: '性别：“男”与身份证号不符，已按身份证号记为女' })).toContainText('4');
    await expect(warnings).toContainText('身份证号：15 位身份证号已转换为 18 位');
    await expect(page.getByText('这些提示也保存在同一个文件的“提示”工作表中')).toBeVisible();
    // A status the roster does not know is rejected with the cell quoted and the words it takes instead.
    const rejectedRows = page.getByRole('table', { name: '未通过的行' });
    await expect(rejectedRows.getByRole('row').filter({ hasText: '15' })).toContainText(
      '状态“退休”无法识别，可填在册、转出、退会、去世（留空为在册）',
    );
    await shots(page, 'import-preview-warnings');

    // The file for the grassroots union: the rejected rows, and a sheet 提示 with every warning.
    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: '保存未通过的行' }).click();
    const saved = testInfo.outputPath('warnings.xlsx');
    await (await download).saveAs(saved);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(saved);
    expect(workbook.worksheets.map((sheet) => sheet.name)).toEqual(['未导入的行', '提示']);
    const rejectedSheet = workbook.getWorksheet('未导入的行')!;
    expect(rejectedSheet.getRow(2).getCell(rejectedSheet.actualColumnCount).text).toBe(
      '状态“退休”无法识别，可填在册、转出、退会、去世（留空为在册）',
    );
    const notes = workbook.getWorksheet('提示')!;
    expect(notes.getRow(1).values).toEqual([undefined, '原行号', '列', '原值', '处理']);
    expect(notes.actualRowCount).toBe(1 + 14);

    await page.getByRole('button', { name: '开始导入' }).click();
    await expect(page.getByText('导入完成')).toBeVisible();
    await expect(page.getByText('其中 12 行有提示')).toBeVisible();
    // Two sentences, two lines: no ASCII space stranded between 。 and 其中.
    await expect(page.getByRole('status').filter({ hasText: '导入完成' })).not.toContainText('。 其中');
    await shots(page, 'import-done-warnings');
  });
});
