import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { addUser, outboxCopy } from './support/core';
import {
  act,
  consented,
  draftOf,
  fileForMember,
  HEAD,
  HEAD_PHONE,
  idOf,
  office,
  OTHER_HEAD,
  OTHER_PHONE,
  SPOUSE,
  toNotice,
} from './support/hardship';

/**
 * Finding files (issue 10 §4): the file list's search box reads as the roster's, combined with the filters and
 * paged in SQL; the selection exports as a .xlsx 台账; a member's page lists the files they are in.
 */
const NON_MEMBER = idOf('11010519900909107');

/** 张三丰 (approved, with a household of three), 欧阳娜娜 (a draft), 李四 (a draft, not on the roster). */
async function offices() {
  const o = await office();
  const { t, today, advanceDays } = o;
  const head = await fileForMember(t, HEAD, '张三丰');
  let file = await toNotice(t, today, await t.call('files.saveDraft', draftOf(head, consented(today)), 'clerk'));
  await advanceDays(10);
  file = await act(t, file, 'endNotice');
  file = await act(t, file, 'approve', 'reviewer');
  const other = await fileForMember(t, OTHER_HEAD, '欧阳娜娜', { phone: OTHER_PHONE, unitName: '乙纺织厂' });
  const nonMember = await t.call('files.create', { head: { name: '李四', idNumber: NON_MEMBER }, workerType: 'urban' }, 'clerk');
  const spouse = await t.call('roster.create', { name: '测试配偶', idNumber: SPOUSE });
  return { ...o, approved: file, other, nonMember, spouse };
}

describe('the file list search', () => {
  it('finds a file by name part, pinyin, ID tail or whole ID, phone tail or start, file number and unit', async () => {
    const { t, approved } = await offices();
    const find = async (query: string, client = 'test') => {
      const list = await t.call('files.list', { query }, client);
      return { kind: list.kind, names: list.files.map((f) => f.headName), total: list.total };
    };
    expect(await find('三丰')).toEqual({ kind: 'name', names: ['张三丰'], total: 1 });
    expect((await find('欧阳')).names).toEqual(['欧阳娜娜']);
    expect((await find('李')).names).toEqual(['李四']); // not on the roster: found by the name on the file
    expect((await find('纺织')).names).toEqual(['欧阳娜娜']); // the head's unit
    expect(await find('zsf')).toEqual({ kind: 'pinyin', names: ['张三丰'], total: 1 });
    expect((await find('ouyang')).names).toEqual(['欧阳娜娜']);
    expect(await find(HEAD.slice(-4))).toEqual({ kind: 'id-suffix', names: ['张三丰'], total: 1 });
    expect((await find(OTHER_HEAD.slice(-6))).names).toEqual(['欧阳娜娜']);
    expect((await find(NON_MEMBER.slice(-4))).names).toEqual(['李四']);
    expect((await find(HEAD_PHONE.slice(-4))).names).toEqual(['张三丰']);
    expect((await find(OTHER_PHONE.slice(-4))).names).toEqual(['欧阳娜娜']);
    expect(await find(OTHER_PHONE.slice(0, 7))).toEqual({ kind: 'phone', names: ['欧阳娜娜'], total: 1 });
    expect((await find(HEAD)).names).toEqual(['张三丰']);
    expect((await find(SPOUSE)).names).toEqual(['张三丰']); // anyone in the household, typed whole
    expect(approved.fileNo).toMatch(/^110105\d{4}00001$/);
    expect((await find(approved.fileNo!)).names).toEqual(['张三丰']);
    expect((await find('00001')).names).toEqual(['张三丰']);
    expect((await find(' 张 三 ')).names).toEqual(['张三丰']); // spaces dropped, as the roster does
  });

  it('searches by the rules of the roster for a role without reveal: the last 4 or the whole number, never a start or longer tail', async () => {
    const { t, approved } = await offices();
    await addUser(t, 'viewer', 'viewer.wu', 'viewer');
    const find = async (query: string) => (await t.call('files.list', { query }, 'viewer')).files.map((f) => f.headName);
    expect(await find(HEAD.slice(-4))).toEqual(['张三丰']);
    expect(await find(HEAD.slice(-6))).toEqual([]);
    expect((await t.call('files.list', { query: HEAD.slice(0, 10) }, 'viewer')).kind).toBe('id-partial');
    expect(await find(HEAD.slice(0, 10))).toEqual([]);
    expect(await find(HEAD)).toEqual(['张三丰']);
    // A file number is no secret: typed whole it answers, whatever the ID rules.
    expect(await find(approved.fileNo!)).toEqual(['张三丰']);
  });

  it('combines the search with the filters and pages it', async () => {
    const { t } = await offices();
    for (let i = 0; i < 5; i++) await fileForMember(t, idOf(`110105198001${10 + i}20${i}`), `王测试${i}`, { unitName: '甲机械厂' });
    const names = async (input: Record<string, unknown>) =>
      (await t.call('files.list', { query: '', ...input })).files.map((f) => f.headName).sort();
    expect(await names({ query: HEAD_PHONE.slice(-4), status: 'draft' })).toEqual([]);
    expect(await names({ query: HEAD_PHONE.slice(-4), status: 'active' })).toEqual(['张三丰']);
    const units = await t.call('units.list', { kind: 'employer', query: '甲机械厂' });
    const unitId = units.units[0]!.id;
    expect(await names({ query: '测试', unitId })).toEqual(['王测试0', '王测试1', '王测试2', '王测试3', '王测试4']);
    expect(await names({ query: '欧阳', unitId })).toEqual([]);
    expect(await names({ query: 'wcs', category: 'deep' })).toEqual([]);

    const pages = await Promise.all([1, 2, 3].map((page) => t.call('files.list', { query: '王测试', page, pageSize: 2 })));
    expect(pages.map((p) => p.files.length)).toEqual([2, 2, 1]);
    expect(pages.map((p) => p.total)).toEqual([5, 5, 5]);
    expect(new Set(pages.flatMap((p) => p.files.map((f) => f.headName))).size).toBe(5);
  });
});

describe('the file list as a .xlsx 台账', () => {
  async function workbookOf(t: Awaited<ReturnType<typeof offices>>['t'], input: Record<string, unknown>) {
    const { result, progress } = await t.job('files.export', { query: '', ...input } as never);
    if (!result.ok) throw new Error(JSON.stringify(result.error));
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(await outboxCopy(t, result.data.fileId));
    const sheet = workbook.worksheets[0]!;
    const rows = sheet.getSheetValues().slice(2) as unknown[][];
    return { sheet, rows: rows.map((r) => r.slice(1).map((v) => (v === undefined ? '' : String(v)))), progress };
  }

  it('exports what the list shows, IDs masked, logged without its contents', async () => {
    const { t, approved, today } = await offices();
    const { sheet, rows, progress } = await workbookOf(t, { query: HEAD_PHONE.slice(-4) });
    expect(sheet.name).toBe('困难职工档案台账');
    expect(sheet.getRow(1).values).toEqual([
      undefined,
      '序号',
      '档案编号',
      '户主姓名',
      '公民身份号码',
      '工作单位',
      '困难类别',
      '状态',
      '批准日期',
      '下次年审',
      '公示截止',
      '职工类型',
      '家庭人口',
      '最后修改',
    ]);
    expect(rows).toHaveLength(1);
    const [no, fileNo, name, id, unit, category, status, approvedOn, reviewDue, , workerType, householdSize] = rows[0]!;
    expect([workerType, householdSize]).toEqual(['城镇职工', '3']);
    expect([no, fileNo, name, unit, status]).toEqual(['1', approved.fileNo, '张三丰', '甲机械厂', '在档']);
    expect(id).toBe(approved.headIdNumberMasked);
    expect(id).not.toBe(HEAD);
    expect(['深度困难', '相对困难', '意外致困']).toContain(category);
    expect(approvedOn).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(approvedOn! > today).toBe(true);
    // A year (the policy's review interval) after approval.
    expect(reviewDue).toBe(`${Number(approvedOn!.slice(0, 4)) + 1}${approvedOn!.slice(4)}`);
    expect(progress.at(-1)).toEqual({ done: 1, total: 0 });
    const audit = await t.call('audit.list', { action: 'files.export', page: 1, pageSize: 5 });
    expect(audit.entries[0]!.summary).toEqual({ event: 'files.exported', params: { count: 1 } });

    const drafts = await workbookOf(t, { status: 'draft' });
    expect(drafts.rows.map((r) => r[2]).sort()).toEqual(['李四', '欧阳娜娜'].sort());
  });

  it('gives full ID numbers only to an administrator', async () => {
    const { t } = await offices();
    const { rows } = await workbookOf(t, { query: '三丰', fullIds: true });
    expect(rows[0]![3]).toBe(HEAD);
    const audit = await t.call('audit.list', { action: 'files.export', page: 1, pageSize: 5 });
    expect(audit.entries[0]!.summary).toEqual({ event: 'files.exportedFullIds', params: { count: 1 } });
    expect((await t.fail('files.export', { query: '', fullIds: true }, 'clerk')).code).toBe('FORBIDDEN');
  });
});

describe("a member's files", () => {
  it('lists the files a member heads and those whose household they are in, with a viewer too', async () => {
    const { t, approved, spouse, other } = await offices();
    await addUser(t, 'viewer', 'viewer.wu', 'viewer');
    const head = (await t.call('roster.search', { query: HEAD })).members[0]!;
    expect((await t.call('files.ofMember', { memberId: head.id }, 'viewer')).files).toEqual([
      expect.objectContaining({ id: approved.id, fileNo: approved.fileNo, headName: '张三丰', relation: 'self', status: 'active' }),
    ]);
    expect((await t.call('files.ofMember', { memberId: spouse.id }, 'viewer')).files).toEqual([
      expect.objectContaining({ id: approved.id, headName: '张三丰', relation: 'spouse', status: 'active' }),
    ]);
    const otherMember = (await t.call('roster.search', { query: OTHER_HEAD })).members[0]!;
    expect((await t.call('files.ofMember', { memberId: otherMember.id })).files.map((f) => f.id)).toEqual([other.id]);
    const nobody = await t.call('roster.create', { name: '无档案', idNumber: idOf('11010519950505102') });
    expect((await t.call('files.ofMember', { memberId: nobody.id })).files).toEqual([]);
  });
});

describe('the roster search by a phone tail', () => {
  it('finds a member by the last 4 digits of their phone, as well as by an ID tail', async () => {
    const { t } = await office();
    await t.call('roster.create', { name: '张三丰', idNumber: HEAD, phone: HEAD_PHONE });
    await t.call('roster.create', { name: '欧阳娜娜', idNumber: OTHER_HEAD, phone: OTHER_PHONE });
    await t.call('roster.create', { name: '测试配偶', idNumber: SPOUSE });
    const names = async (query: string) => (await t.call('roster.search', { query })).members.map((m) => m.name);
    expect(await names(HEAD_PHONE.slice(-4))).toEqual(['张三丰']);
    expect(await names(OTHER_PHONE.slice(-4))).toEqual(['欧阳娜娜']);
    expect(await names(SPOUSE.slice(-4))).toEqual(['测试配偶']);
    // Five digits are an ID tail only.
    expect(await names(HEAD_PHONE.slice(-5))).toEqual([]);
  });
});
