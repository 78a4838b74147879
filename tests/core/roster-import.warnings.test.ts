import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import type { JobResult } from '@shared/contract';
import type { ColumnMapping, DuplicatePolicy } from '@shared/contract/roster-import';
import { inboxUpload, outboxCopy, startSetUpCore, type TestCore } from './support/core';

/**
 * Rows with an unusable optional field, a gender or birth date that contradicts the ID number, or an old 15-digit
 * ID number are imported with a warning instead of being rejected (tests/fixtures/roster/roster-warnings.csv, made
 * by scripts/roster-warnings-fixture.mjs: one row per kind of warning).
 */
const FILE = 'roster-warnings.csv';
const BYTES = readFileSync(join('tests/fixtures/roster', FILE));
/** The file's row numbers (the header is row 1). */
const ROW = {
  clean: 2,
  shortPhone: 3,
  genderMismatch: 4,
  genderUnknown: 5,
  birthMismatch: 6,
  birthBad: 7,
  ethnicity: 8,
  joinedBad: 9,
  joinedFuture: 10,
  old15: 11,
  longNote: 12,
  several: 13,
  region: 14,
  retired: 15,
  badId: 16,
};

async function planFor(t: TestCore, policy: DuplicatePolicy = 'update', bytes = BYTES, fileName = FILE) {
  const source = inboxUpload(t, fileName, bytes);
  const inspected = await t.call('rosterImport.inspect', source);
  return { ...source, mapping: inspected.suggested as ColumnMapping, policy };
}

async function preview(t: TestCore, plan: Awaited<ReturnType<typeof planFor>>): Promise<JobResult<'rosterImport.preview'>> {
  const { result } = await t.job('rosterImport.preview', plan);
  if (!result.ok) throw new Error(JSON.stringify(result.error));
  return result.data;
}

async function memberNamed(t: TestCore, name: string) {
  const found = (await t.call('roster.search', { query: name })).members.find((m) => m.name === name);
  if (!found) throw new Error(`${name} was not imported`);
  return t.call('roster.get', { id: found.id });
}

async function workbookOf(t: TestCore, fileId: string) {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(await outboxCopy(t, fileId)); // the outbox is sealed: read a clear temp copy
  return workbook;
}

const sheetRows = (sheet: ExcelJS.Worksheet) =>
  Array.from({ length: sheet.actualRowCount }, (_, r) =>
    Array.from({ length: sheet.actualColumnCount }, (_, c) => sheet.getRow(r + 1).getCell(c + 1).text),
  );

describe('roster import: warnings, not only rejections', () => {
  it('imports each kind of warning row, says what was done with it, and still rejects what cannot be a member', async () => {
    const t = await startSetUpCore();
    const plan = await planFor(t);
    const result = await preview(t, plan);
    expect(result.counts).toMatchObject({ rows: 15, new: 13, rejected: 2 });

    const byRow = (row: number) =>
      result.warnings.first.filter((w) => w.rowNumber === row).map(({ field, problem, params }) => ({ field, problem, params }));
    expect(byRow(ROW.clean)).toEqual([]);
    expect(byRow(ROW.shortPhone)).toEqual([{ field: 'phone', problem: 'BAD_PHONE', params: { value: '1381234' } }]);
    expect(byRow(ROW.genderMismatch)).toEqual([{ field: 'gender', problem: 'MISMATCH', params: { value: '男', gender: 'female' } }]);
    expect(byRow(ROW.genderUnknown)).toEqual([{ field: 'gender', problem: 'UNKNOWN', params: { value: '未知', gender: 'male' } }]);
    expect(byRow(ROW.birthMismatch)).toEqual([{ field: 'birthDate', problem: 'MISMATCH', params: { value: '1984-05-06' } }]);
    expect(byRow(ROW.birthBad)).toEqual([{ field: 'birthDate', problem: 'BAD_DATE', params: { value: '1985-13-06' } }]);
    expect(byRow(ROW.ethnicity)).toEqual([{ field: 'ethnicity', problem: 'UNKNOWN', params: { value: '火星族' } }]);
    expect(byRow(ROW.joinedBad)).toEqual([{ field: 'joinedOn', problem: 'BAD_DATE', params: { value: '五月一日' } }]);
    expect(byRow(ROW.joinedFuture)).toEqual([{ field: 'joinedOn', problem: 'FUTURE', params: { value: '2099-01-01' } }]);
    expect(byRow(ROW.old15)).toEqual([{ field: 'idNumber', problem: 'CONVERTED_FROM_15' }]);
    expect(byRow(ROW.longNote)).toEqual([{ field: 'note', problem: 'TOO_LONG', params: { max: 500 } }]);
    expect(byRow(ROW.several).map((w) => `${w.field}.${w.problem}`)).toEqual(['gender.MISMATCH', 'phone.BAD_PHONE', 'ethnicity.UNKNOWN']);
    expect(byRow(ROW.region)).toEqual([{ field: 'idNumber', problem: 'UNKNOWN_REGION' }]);

    // Counts by kind, most frequent first (ties as first met): the preview's summary.
    expect(result.warnings.rows).toBe(12);
    expect(result.warnings.kinds.slice(0, 3)).toEqual([
      { field: 'phone', problem: 'BAD_PHONE', rows: 2 },
      { field: 'gender', problem: 'MISMATCH', rows: 2 },
      { field: 'ethnicity', problem: 'UNKNOWN', rows: 2 },
    ]);
    expect(result.warnings.kinds.reduce((sum, k) => sum + k.rows, 0)).toBe(result.warnings.first.length);

    // An unknown status is still a rejection (empty would mean 在册); a bad ID number too, and the row's other
    // problems come along so the union fixes the row in one go.
    const rejected = Object.fromEntries(result.rejected.map((r) => [r.rowNumber, r.problems.map((p) => `${p.field}.${p.problem}`)]));
    expect(rejected).toEqual({ [ROW.retired]: ['status.UNKNOWN'], [ROW.badId]: ['idNumber.BAD_CHECKSUM', 'phone.BAD_PHONE'] });

    // The commit writes the members with the unusable fields empty and reports the same warnings.
    const committed = await t.job('rosterImport.commit', plan);
    if (!committed.result.ok) throw new Error(JSON.stringify(committed.result.error));
    expect(committed.result.data.counts).toEqual(result.counts);
    expect(committed.result.data.warnings).toEqual({ rows: result.warnings.rows, kinds: result.warnings.kinds });
    expect(await memberNamed(t, '测试短号')).toMatchObject({ phone: null, ethnicity: '01', joinedOn: '2015-07-01' });
    expect(await memberNamed(t, '测试性别')).toMatchObject({ gender: 'female', birthYear: 1982, phone: '13800002003' });
    expect(await memberNamed(t, '测试生日')).toMatchObject({ birthYear: 1984 });
    expect(await memberNamed(t, '测试民族')).toMatchObject({ ethnicity: null, phone: '13800002007' });
    expect(await memberNamed(t, '测试入会')).toMatchObject({ joinedOn: null });
    expect(await memberNamed(t, '测试未来')).toMatchObject({ joinedOn: null });
    expect(await memberNamed(t, '测试旧证')).toMatchObject({ birthYear: 1989, gender: 'male' });
    expect(await memberNamed(t, '测试备注')).toMatchObject({ note: null, unitName: '示例机械厂' });
    expect(await memberNamed(t, '测试多项')).toMatchObject({ gender: 'male', phone: null, ethnicity: null });
  });

  it('counts only the rows a commit writes: skipped and unchanged rows bring no warnings', async () => {
    const t = await startSetUpCore();
    expect((await t.job('rosterImport.commit', await planFor(t))).result).toMatchObject({ ok: true });
    const skipped = await preview(t, await planFor(t, 'skip'));
    expect(skipped.counts).toMatchObject({ new: 0, skipped: 13 });
    expect(skipped.warnings).toEqual({ rows: 0, kinds: [], first: [] });
    const unchanged = await preview(t, await planFor(t, 'update'));
    expect(unchanged.counts).toMatchObject({ new: 0, updated: 0, unchanged: 13 });
    expect(unchanged.warnings.rows).toBe(0);
  });

  it('adds a sheet 提示 to the rejected-rows file: row, column, the cell as written, what was done', async () => {
    const t = await startSetUpCore();
    const plan = await planFor(t);
    const file = await t.job('rosterImport.rejectedFile', plan);
    if (!file.result.ok) throw new Error(JSON.stringify(file.result.error));
    expect(file.result.data.name).toBe('roster-warnings-未导入的行.xlsx');
    const workbook = await workbookOf(t, file.result.data.fileId);
    expect(workbook.worksheets.map((s) => s.name)).toEqual(['未导入的行', '提示']);
    expect(workbook.worksheets[0]!.actualRowCount).toBe(1 + 2);

    const rows = sheetRows(workbook.getWorksheet('提示')!);
    expect(rows[0]).toEqual(['原行号', '列', '原值', '处理']);
    expect(rows).toHaveLength(1 + 14);
    const at = (row: number) => rows.filter((r) => r[0] === String(row));
    expect(at(ROW.shortPhone)).toEqual([[String(ROW.shortPhone), '手机号码', '1381234', '不是有效的手机号或电话号码，已留空']]);
    expect(at(ROW.genderMismatch)).toEqual([[String(ROW.genderMismatch), '性别', '男', '与身份证号不符，已按身份证号记为女']]);
    expect(at(ROW.genderUnknown)[0]![3]).toBe('无法识别，已按身份证号记为男');
    expect(at(ROW.birthMismatch)[0]!.slice(1)).toEqual(['出生日期', '1984-05-06', '与身份证号中的出生日期不符，以身份证号为准']);
    expect(at(ROW.ethnicity)[0]!.slice(1)).toEqual(['民族', '火星族', '不是可识别的民族名称，已留空']);
    expect(at(ROW.joinedBad)[0]!.slice(1)).toEqual(['入会日期', '五月一日', '不是有效日期，已留空']);
    expect(at(ROW.joinedFuture)[0]![3]).toBe('晚于今天，已留空');
    expect(at(ROW.longNote)[0]!.slice(1)).toEqual(['备注', '', '超过 500 个字，已留空']);
    // The ID number is not repeated: the row and column point to it.
    expect(at(ROW.old15)).toEqual([[String(ROW.old15), '身份证号', '', '15 位身份证号已转换为 18 位']]);

    // Nothing the union's sheet did not hold: every quoted value is a cell of the original file.
    const original = BYTES.toString('utf8');
    for (const [, , value] of rows.slice(1)) expect(original).toContain(value);
    expect(rows.flat().join('\n')).not.toMatch(/\d{15}/);
  });

  it('names a file of warnings only for what it holds, its rejected-rows sheet empty', async () => {
    const t = await startSetUpCore();
    const lines = BYTES.toString('utf8')
      .split('\r\n')
      .filter((line) => !line.startsWith('测试退休') && !line.startsWith('测试坏号'));
    const plan = await planFor(t, 'update', Buffer.from(lines.join('\r\n')), '名册.csv');
    const file = await t.job('rosterImport.rejectedFile', plan);
    if (!file.result.ok) throw new Error(JSON.stringify(file.result.error));
    expect(file.result.data.name).toBe('名册-导入提示.xlsx');
    const workbook = await workbookOf(t, file.result.data.fileId);
    expect(workbook.worksheets[0]!.actualRowCount).toBe(1);
    expect(workbook.getWorksheet('提示')!.actualRowCount).toBe(1 + 14);
  });

  it('counts every warning but lists only the first 500 in the preview; the file lists them all', async () => {
    const t = await startSetUpCore();
    const lines = ['姓名,身份证号,手机'];
    for (let i = 0; i < 600; i++) {
      const first17 = `110101198001${String(1 + (i % 28)).padStart(2, '0')}${String(100 + Math.floor(i / 28)).padStart(3, '0')}`;
      const sum = [...first17].reduce((s, d, k) => s + Number(d) * [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2][k]!, 0);
      lines.push(`测试${i},${first17}${'10X98765432'[sum % 11]},12345`);
    }
    const plan = await planFor(t, 'update', Buffer.from(lines.join('\r\n')), 'many.csv');
    const result = await preview(t, plan);
    expect(result.counts).toMatchObject({ new: 600, rejected: 0 });
    expect(result.warnings.rows).toBe(600);
    expect(result.warnings.kinds).toEqual([{ field: 'phone', problem: 'BAD_PHONE', rows: 600 }]);
    expect(result.warnings.first).toHaveLength(500);
    expect(result.warnings.first.at(-1)!.rowNumber).toBe(501);
    const file = await t.job('rosterImport.rejectedFile', plan);
    if (!file.result.ok) throw new Error(JSON.stringify(file.result.error));
    expect((await workbookOf(t, file.result.data.fileId)).getWorksheet('提示')!.actualRowCount).toBe(1 + 600);
  });

  it('leaves the 提示 sheet out when no row has a warning', async () => {
    const t = await startSetUpCore();
    const lines = BYTES.toString('utf8').split('\r\n').slice(0, ROW.clean);
    const file = await t.job('rosterImport.rejectedFile', await planFor(t, 'update', Buffer.from(lines.join('\r\n'))));
    if (!file.result.ok) throw new Error(JSON.stringify(file.result.error));
    expect((await workbookOf(t, file.result.data.fileId)).worksheets.map((s) => s.name)).toEqual(['未导入的行']);
  });
});
