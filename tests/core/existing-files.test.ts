import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { addDays } from '@shared/domain/calendar';
import { categoryFromWord, workerTypeFromWord } from '@shared/domain/existing-files';
import { inboxUpload } from './support/core';
import { fileForMember, idOf, office } from './support/hardship';

/** 存量档案: old files from a spreadsheet, their categories mapped to today's three (docs/domain.md "Hardship file"). */

/** Synthetic heads (never real people): born on consecutive days of 1970. */
const headId = (n: number) => idOf(`110105${new Date(Date.UTC(1970, 0, 1 + n)).toISOString().slice(0, 10).replaceAll('-', '')}201`);

async function xlsx(rows: unknown[][]): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('存量档案');
  for (const row of rows) sheet.addRow(row);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

const TITLE = ['XX区总工会困难职工档案（2019 年底）'];
const HEADER = ['序号', '户主姓名', '身份证号码（18位）', '困难类别', '建档日期', '档案编号', '职工类型', '主要致困原因'];
/** Longer than any old number (40 characters): a note typed in the number's column. */
const TOO_LONG_NUMBER = 'A-2019-3' + '0'.repeat(33);

describe('existing files (存量档案)', () => {
  it("maps the old category words to today's three", () => {
    expect(['特困', '特困职工', '低保户', '低保', '深度困难职工'].map((w) => categoryFromWord(w)?.category)).toEqual([
      'deep',
      'deep',
      'deep',
      'deep',
      'deep',
    ]);
    expect(['一般困难', '一般困难户', '低保边缘户', '低保边缘家庭', '相对困难'].map((w) => categoryFromWord(w)?.category)).toEqual(
      Array(5).fill('relative'),
    );
    expect(categoryFromWord('意外致困')?.category).toBe('accident');
    expect(categoryFromWord('低保边缘家庭')).toEqual({ word: '低保边缘户', category: 'relative' });
    expect([categoryFromWord('困难'), categoryFromWord(''), categoryFromWord('特别困难')]).toEqual([null, null, null]);
    expect(['', '城镇职工', '农民工', '困难农民工', '个体户'].map(workerTypeFromWord)).toEqual([
      'urban',
      'urban',
      'migrant',
      'migrant',
      null,
    ]);
  });

  it('imports a sheet with a title row and old words as files 在档 (存量) once a reviewer confirms it, numbered, reviewed from their filing date', async () => {
    const { t, today } = await office();
    await t.call('roster.create', { name: '会员户主', idNumber: headId(1), unitName: '甲机械厂' });
    // Filed within the last year (whatever today is): its annual review is not due yet.
    const filedLately = addDays(today, -200);
    const sheet = await xlsx([
      TITLE,
      HEADER,
      [1, '会员  户主', headId(1), '特困职工', new Date(Date.UTC(2019, 4, 6)), `1101052019${'00007'}`, '城镇职工', '6'],
      [2, '非会员户主', headId(2), '低保边缘户', '2020/3/15', '', '', '下岗失业'],
      [3, '一般困难户主', headId(3), '一般困难', '2021年7月1日', '', '', ''],
      [4, '去年户主', headId(4), '深度困难', filedLately, '', '城镇', '9 子女上学'],
    ]);
    const file = inboxUpload(t, '存量档案.xlsx', sheet);
    const check = await t.call('files.checkExisting', file, 'clerk');
    expect(check).toMatchObject({
      rows: 4,
      missingColumns: [],
      problems: [],
      problemCount: 0,
      members: 1,
      nonMembers: 3,
      keptNumbers: 1,
      newNumbers: 3,
    });
    expect(check.categories).toEqual([
      { word: '特困', category: 'deep', count: 1 },
      { word: '低保边缘户', category: 'relative', count: 1 },
      { word: '一般困难', category: 'relative', count: 1 },
      { word: '深度困难', category: 'deep', count: 1 },
    ]);
    expect(await t.call('files.list', {})).toMatchObject({ total: 0 });

    const { staged, importId } = await t.call('files.importExisting', file, 'clerk');
    expect(staged).toBe(4);
    await t.call('files.decideImport', { id: importId, decision: 'confirm' }, 'reviewer');
    const list = await t.call('files.list', { status: 'active' });
    const byName = Object.fromEntries(list.files.map((f) => [f.headName, f]));
    expect(byName['会员户主']).toMatchObject({ fileNo: '11010520190000' + '7', category: 'deep', unitName: '甲机械厂' });
    // The kept number moves the 2019 numbering past it; the others are numbered by the year they were filed.
    expect(byName['非会员户主']).toMatchObject({ fileNo: '11010520200000' + '1', category: 'relative', unitName: null });
    expect(byName['一般困难户主']).toMatchObject({ fileNo: '11010520210000' + '1', category: 'relative' });
    expect(byName['去年户主']!.fileNo).toBe(`110105${filedLately.slice(0, 4)}00001`);
    // Filed years ago: their annual review is due at once; the one filed lately is not.
    expect(byName['会员户主']!.flags).toContain('reviewDue');
    expect(byName['去年户主']!.flags).not.toContain('reviewDue');

    const detail = await t.call('files.get', { id: byName['会员户主']!.id }, 'clerk');
    expect(detail).toMatchObject({
      status: 'active',
      entryKind: 'existing',
      isMember: true,
      draft: { mainCause: '6', workerType: 'urban' },
    });
    expect(detail.household).toMatchObject([{ relation: 'self', name: '会员户主' }]);
    expect(detail.timeline).toMatchObject([
      { action: 'importExisting', from: null, to: 'staged', reason: null, code: '特困', onDate: '2019-05-06' },
      { action: 'confirmImport', from: 'staged', to: 'active', reason: null, code: '特困', onDate: '2019-05-06' },
    ]);
    expect((await t.call('files.history', { id: detail.id })).entries.map((e) => [e.summary.event, e.summary.params])).toEqual([
      ['file.imported', { category: 'deep', from: '特困' }],
      ['file.importStaged', { category: 'deep', from: '特困' }],
    ]);
    // The same sheet again: every head now has a file.
    const again = await t.call('files.checkExisting', inboxUpload(t, '存量档案.xlsx', sheet), 'clerk');
    expect(again.problems.map((p) => [p.row, p.problem])).toEqual([
      [3, 'FILE_NO_TAKEN'],
      [3, 'FILE_OPEN'],
      [4, 'FILE_OPEN'],
      [5, 'FILE_OPEN'],
      [6, 'FILE_OPEN'],
    ]);

    // A file approved later in 2019 would get 00008: no number is given twice.
    const sqlite = t.core.state.conn!.sqlite;
    expect(sqlite.prepare("SELECT last FROM file_numbers WHERE region_code = '110105' AND year = 2019").pluck().get()).toBe(7);
  });

  it('imports nothing while any row has a problem, and names each one by row and column', async () => {
    const { t, today } = await office();
    await t.call('roster.create', { name: '名册姓名', idNumber: headId(10) });
    await fileForMember(t, headId(11), '已有档案户主');
    const tomorrow = new Date(Date.UTC(Number(today.slice(0, 4)), Number(today.slice(5, 7)) - 1, Number(today.slice(8)) + 1));
    const rows = [
      HEADER,
      [1, '正常户主', headId(12), '特困', '2019-01-01', '', '', ''],
      [2, '数字身份证', 110105197001130000, '特困', '2019-01-01', '', '', ''],
      [3, '类别不明', headId(14), '困难', '2019-01-01', '', '', ''],
      [4, '明天建档', headId(15), '特困', tomorrow, '', '', ''],
      [5, '重复户主', headId(12), '特困', '2019-01-01', '', '', ''],
      [6, '已有档案户主', headId(11), '特困', '2019-01-01', '', '', ''],
      [7, '农民工非会员', headId(17), '特困', '2019-01-01', '', '农民工', ''],
      [8, '别的姓名', headId(10), '特困', '2019-01-01', '', '', ''],
      [9, '编号太长', headId(19), '特困', '2019-01-01', TOO_LONG_NUMBER, '', ''],
      [10, '', headId(20), '', '', '', '', '患病'],
    ];
    const file = inboxUpload(t, '有问题.xlsx', await xlsx(rows));
    const check = await t.call('files.checkExisting', file, 'clerk');
    expect(check.problems.map((p) => [p.row, p.field, p.problem, p.detail])).toEqual([
      [3, 'idNumber', 'ID_INVALID', 'STORED_AS_NUMBER'],
      [4, 'category', 'CATEGORY_UNKNOWN', '困难'],
      [5, 'approvedOn', 'DATE_FUTURE', expect.any(String)],
      [6, 'idNumber', 'ID_TWICE', '2'],
      [7, 'idNumber', 'FILE_OPEN', null],
      [8, 'workerType', 'MIGRANT_NOT_MEMBER', null],
      [9, 'name', 'NAME_DIFFERS', '名册姓名'],
      [10, 'fileNo', 'FILE_NO_FORMAT', TOO_LONG_NUMBER],
      [11, 'name', 'REQUIRED', null],
      [11, 'category', 'REQUIRED', null],
      [11, 'approvedOn', 'REQUIRED', null],
      [11, 'mainCause', 'CAUSE_UNKNOWN', '患病'],
    ]);
    expect(check.problemCount).toBe(12);
    const before = t.core.state.conn!.sqlite.prepare('SELECT count(*) FROM hardship_files').pluck().get();
    expect(await t.fail('files.importExisting', file, 'clerk')).toMatchObject({ code: 'FILE_IMPORT_INVALID', params: { problems: 12 } });
    expect(t.core.state.conn!.sqlite.prepare('SELECT count(*) FROM hardship_files').pluck().get()).toBe(before);

    // A sheet with its header and nothing below: nothing to import, and said so.
    const headerOnly = inboxUpload(t, '空表.xlsx', await xlsx([HEADER]));
    expect(await t.call('files.checkExisting', headerOnly, 'clerk')).toMatchObject({ rows: 0, missingColumns: [], problemCount: 0 });
    expect(await t.fail('files.importExisting', headerOnly, 'clerk')).toMatchObject({
      code: 'FILE_IMPORT_INVALID',
      params: { problems: 0, missingColumns: 0, rows: 0 },
    });

    // A sheet without the columns it needs says which.
    const bare = inboxUpload(t, '名单.csv', Buffer.from('姓名,身份证号\r\n某人,' + headId(30) + '\r\n', 'utf8'));
    expect(await t.call('files.checkExisting', bare, 'clerk')).toMatchObject({ rows: 0, missingColumns: ['category', 'approvedOn'] });
    expect((await t.fail('files.importExisting', bare, 'clerk')).code).toBe('FILE_IMPORT_INVALID');
  });
});
