import ExcelJS from 'exceljs';
import { beforeEach, describe, expect, it } from 'vitest';
import { maskIdNumber } from '@shared/domain/id-number';
import { inboxUpload, outboxCopy, type TestCore } from './support/core';
import { compareOffice, dibaoCsv, DISABLED, HEAD, OTHER_HEAD, OUTSIDER, ROSTER_ONLY, SPOUSE } from './support/compare';

type Office = Awaited<ReturnType<typeof compareOffice>>;

async function importList(t: TestCore, fileName: string, bytes: Buffer, kind: 'dibao' | 'disability' | 'hospital', extras: number[] = []) {
  const upload = inboxUpload(t, fileName, bytes);
  const inspected = await t.call('compare.inspect', upload, 'clerk');
  const mapping = { idNumber: inspected.suggested.idNumber!, name: inspected.suggested.name!, extras };
  const done = await t.job('compare.import', { ...upload, source: '测试区民政局', kind, mapping }, 'clerk');
  return { inspected, done };
}

describe('信息比对: a 民政 低保 list against our files', () => {
  let o: Office;
  let listId: string;
  beforeEach(async () => {
    o = await compareOffice();
    const { inspected, done } = await importList(o.t, '低保名单.csv', dibaoCsv(), 'dibao', [2, 3]);
    expect(inspected.headers).toEqual(['姓名', '身份证号', '保障人数', '所属街道']);
    expect(inspected.suggested).toEqual({ idNumber: 1, name: 0 });
    if (!done.result.ok) throw new Error(JSON.stringify(done.result.error));
    listId = done.result.data.listId;
  }, 90_000);

  it('keeps the valid rows and reports the bad ones by row number: a wrong check digit, a repeated ID', async () => {
    const { lists } = await o.t.call('compare.lists', {}, 'clerk');
    expect(lists).toMatchObject([
      { id: listId, source: '测试区民政局', kind: 'dibao', rows: 4, rejected: 2, extraHeaders: ['保障人数', '所属街道'] },
    ]);
    const rows = o.t.core.state
      .conn!.sqlite.prepare('SELECT row_number, id_number, name, extra FROM compare_rows ORDER BY row_number')
      .all();
    expect(rows).toEqual([
      { row_number: 2, id_number: HEAD, name: '测试户主', extra: '["3","东街道"]' },
      { row_number: 3, id_number: SPOUSE, name: '测试配遇', extra: '["3","东街道"]' },
      { row_number: 4, id_number: OUTSIDER, name: '名单外人', extra: '["1","西街道"]' },
      { row_number: 7, id_number: ROSTER_ONLY, name: '名册会员', extra: '["1","北街道"]' },
    ]);
  });

  it('matches by ID number and flags a name that differs; finds the 深度困难 household missing and the people with no file', async () => {
    const matched = await o.t.call('compare.results', { listId, view: 'matched' }, 'clerk');
    expect(matched.counts).toEqual({ matched: 2, nameMismatch: 1, missing: 1, outreach: 2 });
    expect(matched.lines).toMatchObject([
      {
        rowNumber: 2,
        listName: '测试户主',
        ourName: '测试户主',
        relation: 'self',
        nameMismatch: false,
        fileId: o.files.a.id,
        category: 'deep',
      },
      {
        rowNumber: 3,
        listName: '测试配遇',
        ourName: '测试配偶',
        relation: 'spouse',
        nameMismatch: true,
        fileId: o.files.a.id,
        extra: ['3', '东街道'],
      },
    ]);
    expect(matched.lines[0]!.idNumberMasked).toBe(maskIdNumber(HEAD));
    const mismatched = await o.t.call('compare.results', { listId, view: 'matched', onlyNameMismatch: true }, 'clerk');
    expect(mismatched.total).toBe(1);
    expect(mismatched.lines.map((l) => l.rowNumber)).toEqual([3]);

    const missing = await o.t.call('compare.results', { listId, view: 'missing' }, 'clerk');
    expect(missing.lines).toMatchObject([
      { fileId: o.files.b.id, headName: '另一户主', idNumberMasked: maskIdNumber(OTHER_HEAD), rowNumber: null },
    ]);

    const outreach = await o.t.call('compare.results', { listId, view: 'outreach', pageSize: 1, page: 2 }, 'clerk');
    expect(outreach.total).toBe(2);
    expect(outreach.lines).toMatchObject([{ rowNumber: 7, listName: '名册会员', inRoster: true, fileId: null }]);
    const first = await o.t.call('compare.results', { listId, view: 'outreach', pageSize: 1, withCounts: false }, 'clerk');
    expect(first).toMatchObject({ counts: null, total: null, lines: [{ rowNumber: 4, inRoster: false }] });
  });

  it('a household whose file ends leaves the comparison at once (computed, never stored)', async () => {
    const sqlite = o.t.core.state.conn!.sqlite;
    sqlite.prepare("UPDATE hardship_files SET status = 'exited' WHERE id = ?").run(o.files.b.id);
    try {
      expect((await o.t.call('compare.results', { listId, view: 'missing' }, 'clerk')).counts!.missing).toBe(0);
    } finally {
      sqlite.prepare("UPDATE hardship_files SET status = 'active' WHERE id = ?").run(o.files.b.id);
    }
  });

  it('exports the comparison as .xlsx: a sheet per list, ID numbers masked, logged with counts only', async () => {
    const done = await o.t.job('compare.export', { listId }, 'clerk');
    if (!done.result.ok) throw new Error(JSON.stringify(done.result.error));
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(await outboxCopy(o.t, done.result.data.fileId));
    expect(workbook.worksheets.map((s) => s.name)).toEqual(['说明', '在我方档案中', '应在名单而未在', '名单有而我方无档案']);
    const matched = workbook.getWorksheet('在我方档案中')!;
    expect(matched.getRow(1).values).toEqual([
      undefined,
      '名单行号',
      '名单姓名',
      '身份证号',
      '我方姓名',
      '姓名一致',
      '与户主关系',
      '档案编号',
      '户主',
      '档案状态',
      '困难类别',
      '保障人数',
      '所属街道',
    ]);
    expect(matched.getRow(3).values).toEqual([
      undefined,
      3,
      '测试配遇',
      maskIdNumber(SPOUSE),
      '测试配偶',
      '不一致',
      '配偶',
      '（未编号）',
      '测试户主',
      '在档',
      '深度困难',
      '3',
      '东街道',
    ]);
    expect(workbook.getWorksheet('应在名单而未在')!.getRow(2).getCell(2).value).toBe('另一户主');
    expect(workbook.getWorksheet('名单有而我方无档案')!.rowCount).toBe(3);
    const text = JSON.stringify(workbook.worksheets.map((s) => s.getSheetValues()));
    for (const id of [HEAD, SPOUSE, OUTSIDER, ROSTER_ONLY, OTHER_HEAD]) expect(text).not.toContain(id);
    const { entries } = await o.t.call('audit.list', { action: 'compare.export' });
    expect(entries[0]!.summary).toEqual({ event: 'compare.exported', params: { kind: 'dibao', matched: 2, missing: 1, outreach: 2 } });
  });
});

describe('信息比对: other kinds, formats and refusals', () => {
  let o: Office;
  beforeEach(async () => {
    o = await compareOffice();
  }, 90_000);

  it('reads an .xlsx with a title row; an ID Excel stored as a number is refused, the rest kept; 残联: disabled members missing', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('残疾人名单');
    sheet.addRow(['测试区残疾人联合会 持证残疾人名单']);
    sheet.addRow(['序号', '姓名', '公民身份号码', '残疾类别']);
    sheet.addRow([1, '测试户主', HEAD, '肢体']);
    sheet.addRow([2, '名单外人', Number(OUTSIDER.slice(0, 15) + '000'), '视力']);
    const bytes = Buffer.from(await workbook.xlsx.writeBuffer());
    const { inspected, done } = await importList(o.t, '残联名单.xlsx', bytes, 'disability');
    expect(inspected).toMatchObject({ format: 'xlsx', headerRowNumber: 2, suggested: { name: 1, idNumber: 2 } });
    if (!done.result.ok) throw new Error(JSON.stringify(done.result.error));
    expect(done.result.data).toMatchObject({ rows: 1, rejected: 1, problems: [{ rowNumber: 4, problem: 'STORED_AS_NUMBER' }] });
    const results = await o.t.call('compare.results', { listId: done.result.data.listId, view: 'missing' }, 'clerk');
    expect(results.counts).toEqual({ matched: 1, nameMismatch: 0, missing: 1, outreach: 0 });
    expect(results.lines).toMatchObject([{ fileId: o.files.c.id, ourName: '残疾配偶', idNumberMasked: maskIdNumber(DISABLED) }]);
  });

  it('a hospital list expects nobody: no missing view', async () => {
    const { done } = await importList(o.t, '医院名单.csv', Buffer.from(`姓名,身份证号\r\n名单外人,${OUTSIDER}\r\n`), 'hospital');
    if (!done.result.ok) throw new Error(JSON.stringify(done.result.error));
    const results = await o.t.call('compare.results', { listId: done.result.data.listId, view: 'missing' }, 'clerk');
    expect(results.counts!.missing).toBeNull();
    expect(results.lines).toEqual([]);
  });

  it('is all or nothing: a file that breaks at its last row leaves no list, no rows and no audit entry', async () => {
    const before = o.t.core.state.conn!.sqlite.prepare('SELECT count(*) FROM compare_rows').pluck().get();
    // The broken row comes after the rows the header is looked for in (inspect reads those only).
    const repeated = Array.from({ length: 30 }, () => `测试户主,${HEAD}`);
    const lines = ['姓名,身份证号', `名单外人,${OUTSIDER}`, ...repeated, 'x,'.repeat(300)];
    const { done } = await importList(o.t, '坏名单.csv', Buffer.from(lines.join('\r\n')), 'dibao');
    expect(done.result).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', params: { reason: 'too-many-columns' } } });
    expect(o.t.core.state.conn!.sqlite.prepare('SELECT count(*) FROM compare_rows').pluck().get()).toBe(before);
    const { entries } = await o.t.call('audit.list', { action: 'compare.import' });
    expect(entries.length).toBe(0);
  });

  it('refuses the same column chosen for the ID number and the name, before reading the list', async () => {
    const upload = inboxUpload(o.t, '同列名单.csv', dibaoCsv());
    const mapping = { idNumber: 1, name: 1, extras: [] };
    const error = await o.t.fail('compare.import', { ...upload, source: '测试区民政局', kind: 'dibao', mapping }, 'clerk');
    expect(error.code).toBe('INVALID_INPUT');
    const lists = o.t.core.state.conn!.sqlite.prepare(
      "SELECT count(*) FROM compare_lists WHERE source = '测试区民政局' AND file_name = '同列名单.csv'",
    );
    expect(lists.pluck().get()).toBe(0);
  });

  it('refuses a list whose ID column holds no valid ID number', async () => {
    const { done } = await importList(o.t, '空名单.csv', Buffer.from('姓名,身份证号\r\n某人,123\r\n'), 'dibao');
    expect(done.result).toMatchObject({ ok: false, error: { code: 'COMPARE_LIST_EMPTY', params: { rejected: 1 } } });
  });

  it('deletes a list for good, as an administrator only; logged without personal data; nothing of it left in the log lines', async () => {
    const { done } = await importList(o.t, '待删名单.csv', dibaoCsv(), 'dibao');
    if (!done.result.ok) throw new Error(JSON.stringify(done.result.error));
    const listId = done.result.data.listId;
    expect((await o.t.fail('compare.delete', { listId }, 'clerk')).code).toBe('FORBIDDEN');
    const sqlite = o.t.core.state.conn!.sqlite;
    // This build of SQLite has secure_delete on already; the delete turns it on anyway and leaves it as it was.
    const secureDelete = sqlite.pragma('secure_delete', { simple: true });
    const listRef = sqlite.prepare('SELECT ref FROM compare_lists WHERE id = ?').pluck().get(listId);
    expect(sqlite.prepare('SELECT count(*) FROM compare_rows WHERE list_ref = ?').pluck().get(listRef)).toBe(4);
    await o.t.call('compare.delete', { listId });
    expect(sqlite.prepare('SELECT count(*) FROM compare_rows WHERE list_ref = ?').pluck().get(listRef)).toBe(0);
    expect(sqlite.prepare('SELECT count(*) FROM compare_lists WHERE id = ?').pluck().get(listId)).toBe(0);
    expect(sqlite.pragma('secure_delete', { simple: true })).toBe(secureDelete);
    expect((await o.t.fail('compare.results', { listId, view: 'matched' }, 'clerk')).code).toBe('NOT_FOUND');
    const { entries } = await o.t.call('audit.list', { action: 'compare.delete' });
    expect(entries.map((e) => [e.recordId, e.summary])).toEqual([
      [listId, { event: 'compare.listDeleted', params: { kind: 'dibao', rows: 4 } }],
    ]);
    const logged = o.t.logger.lines.join('\n');
    for (const secret of [HEAD, SPOUSE, OUTSIDER, '测试配遇', '名单外人']) expect(logged).not.toContain(secret);
    expect((await o.t.call('audit.verify', {})).ok).toBe(true);
  });
});
