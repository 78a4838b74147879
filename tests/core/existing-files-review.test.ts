import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { addUser, inboxUpload, type TestCore } from './support/core';
import { fileForMember, idOf, office } from './support/hardship';

/**
 * Four eyes for 存量档案 (issue 9 §4): a clerk's import only stages the files; a reviewer or administrator who did
 * not stage it confirms it (then the files are 在档, numbered, all or none) or rejects it; the stager may withdraw it.
 */

const headId = (n: number) => idOf(`110105${new Date(Date.UTC(1970, 0, 1 + n)).toISOString().slice(0, 10).replaceAll('-', '')}202`);
const HEADER = ['户主姓名', '身份证号', '困难类别', '建档日期', '档案编号'];

async function sheet(t: TestCore, rows: unknown[][]) {
  const workbook = new ExcelJS.Workbook();
  const ws = workbook.addWorksheet('存量档案');
  for (const row of [HEADER, ...rows]) ws.addRow(row);
  return inboxUpload(t, '存量档案.xlsx', Buffer.from(await workbook.xlsx.writeBuffer()));
}

const TWO_ROWS = [
  ['甲户主', headId(1), '特困', '2019-05-06', '110105201900007'],
  ['乙户主', headId(2), '低保边缘户', '2020-03-15', ''],
];

const statusCounts = async (t: TestCore) => (await t.call('files.list', {})).counts;
const blockersOf = async (t: TestCore, id: string, decision: 'confirm' | 'reject' | 'withdraw', client: string, reason?: string) =>
  (await t.fail('files.decideImport', { id, decision, ...(reason ? { reason } : {}) }, client)).params;

describe('existing files: an import is confirmed by a second person', () => {
  it("a clerk's import stages the files: none is 在档 or numbered, and they count as pending everywhere", async () => {
    const { t } = await office();
    const { importId, staged } = await t.call('files.importExisting', await sheet(t, TWO_ROWS), 'clerk');
    expect(staged).toBe(2);
    expect(await statusCounts(t)).toEqual({ staged: 2 });
    expect((await t.call('files.list', { status: 'active' })).total).toBe(0);
    const { files } = await t.call('files.list', { status: 'staged' });
    expect(files.map((f) => [f.headName, f.fileNo, f.category])).toEqual(
      expect.arrayContaining([
        ['甲户主', null, 'deep'],
        ['乙户主', null, 'relative'],
      ]),
    );
    // No lifecycle step moves a staged file on, and the head cannot be filed again meanwhile.
    const detail = await t.call('files.get', { id: files[0]!.id }, 'reviewer');
    expect(detail.actions).toEqual([]);
    expect((await t.fail('files.act', { id: detail.id, rev: detail.rev, action: 'approve' }, 'reviewer')).params).toMatchObject({
      blockers: ['WRONG_STATUS'],
    });
    const again = await t.call('files.checkExisting', await sheet(t, TWO_ROWS), 'clerk');
    expect(again.problems.map((p) => [p.row, p.problem])).toEqual([
      [2, 'FILE_NO_TAKEN'],
      [2, 'FILE_OPEN'],
      [3, 'FILE_OPEN'],
    ]);

    // The reviewer sees what was staged: counts, rows and the category mapping, and may confirm it.
    const [pending] = (await t.call('files.pendingImports', {}, 'reviewer')).imports;
    expect(pending).toMatchObject({ id: importId, status: 'pending', stagedBy: 'clerk-user', summary: { keptNumbers: 1, newNumbers: 1 } });
    expect(pending!.summary.categories).toEqual([
      { word: '特困', category: 'deep', count: 1 },
      { word: '低保边缘户', category: 'relative', count: 1 },
    ]);
    expect(pending!.rows.map((r) => [r.row, r.headName, r.categoryWord, r.category, r.fileNo])).toEqual([
      [2, '甲户主', '特困', 'deep', '110105201900007'],
      [3, '乙户主', '低保边缘户', 'relative', null],
    ]);
    expect(pending!.rows[0]!.headIdNumberMasked).not.toContain(headId(1).slice(6, 14));
    expect(pending!.decisions).toEqual([
      { decision: 'confirm', blockers: [] },
      { decision: 'reject', blockers: [] },
      { decision: 'withdraw', blockers: [{ code: 'NOT_STAGER' }] },
    ]);
  });

  it('the one who staged cannot confirm, a clerk or viewer cannot; another reviewer confirms: 在档, numbered, audited', async () => {
    const { t } = await office();
    await addUser(t, 'viewer', 'viewer.wu', 'viewer');
    // A reviewer may import too; then someone else confirms.
    const { importId } = await t.call('files.importExisting', await sheet(t, TWO_ROWS), 'reviewer');
    expect(await blockersOf(t, importId, 'confirm', 'reviewer')).toEqual({ decision: 'confirm', blockers: ['SAME_PERSON'] });
    expect(await blockersOf(t, importId, 'confirm', 'clerk')).toEqual({ decision: 'confirm', blockers: ['ROLE'] });
    expect((await t.fail('files.decideImport', { id: importId, decision: 'confirm' }, 'viewer')).code).toBe('FORBIDDEN');
    expect(await statusCounts(t)).toEqual({ staged: 2 });

    const confirmed = await t.call('files.decideImport', { id: importId, decision: 'confirm' }, 'reviewer2');
    expect(confirmed.status).toBe('confirmed');
    expect(await statusCounts(t)).toEqual({ active: 2 });
    const { files } = await t.call('files.list', { status: 'active' });
    const byName = Object.fromEntries(files.map((f) => [f.headName, f]));
    expect(byName['甲户主']!.fileNo).toBe('110105201900007');
    expect(byName['乙户主']!.fileNo).toBe('110105202000001');
    const detail = await t.call('files.get', { id: byName['甲户主']!.id });
    expect(detail.timeline.map((e) => [e.action, e.from, e.to, e.code, e.onDate])).toEqual([
      ['importExisting', null, 'staged', '特困', '2019-05-06'],
      ['confirmImport', 'staged', 'active', '特困', '2019-05-06'],
    ]);
    expect((await t.call('files.history', { id: detail.id })).entries.map((e) => e.summary.event)).toEqual([
      'file.imported',
      'file.importStaged',
    ]);
    // Decided once: nobody decides it again, and it is no longer pending.
    expect(await blockersOf(t, importId, 'reject', 'reviewer2', '重复')).toEqual({ decision: 'reject', blockers: ['IMPORT_DECIDED'] });
    expect((await t.call('files.pendingImports', {}, 'clerk')).imports).toEqual([]);
  });

  it('confirms all or nothing: a kept number taken meanwhile leaves every file staged and unnumbered', async () => {
    const { t } = await office();
    const rows = [['丙户主', headId(3), '特困', '2021-01-04', ''], ...TWO_ROWS];
    const { importId } = await t.call('files.importExisting', await sheet(t, rows), 'clerk');
    // Another file came to hold the kept number (as a sync from elsewhere could); the first row was numbered first.
    const other = await fileForMember(t, headId(9), '别的户主');
    t.core.state.conn!.sqlite.prepare("UPDATE hardship_files SET file_no = '110105201900007' WHERE id = ?").run(other.id);
    expect(await blockersOf(t, importId, 'confirm', 'reviewer')).toEqual({ blockers: ['FILE_NO_TAKEN'], row: 3 });
    expect(await statusCounts(t)).toEqual({ staged: 3, draft: 1 });
    const numbered = t.core.state
      .conn!.sqlite.prepare("SELECT count(*) FROM hardship_files WHERE status = 'staged' AND file_no IS NOT NULL")
      .pluck()
      .get();
    expect(numbered).toBe(0);
    expect(t.core.state.conn!.sqlite.prepare('SELECT last FROM file_numbers WHERE year = 2021').pluck().get()).toBeUndefined();
    expect((await t.call('files.pendingImports', {}, 'reviewer')).imports.map((i) => i.status)).toEqual(['pending']);
  });

  it('is rejected with a reason by a reviewer, or withdrawn by its stager: the staged files end and the heads may be imported again', async () => {
    const { t } = await office();
    const first = await t.call('files.importExisting', await sheet(t, TWO_ROWS), 'clerk');
    expect(await blockersOf(t, first.importId, 'reject', 'reviewer')).toEqual({ decision: 'reject', blockers: ['REASON_REQUIRED'] });
    expect((await t.call('files.decideImport', { id: first.importId, decision: 'reject', reason: '类别需核实' }, 'reviewer')).status).toBe(
      'rejected',
    );
    expect((await t.call('files.list', {})).total).toBe(0);

    const second = await t.call('files.importExisting', await sheet(t, TWO_ROWS), 'clerk');
    expect(await blockersOf(t, second.importId, 'withdraw', 'reviewer')).toEqual({ decision: 'withdraw', blockers: ['NOT_STAGER'] });
    expect((await t.call('files.decideImport', { id: second.importId, decision: 'withdraw' }, 'clerk')).status).toBe('withdrawn');
    expect(await statusCounts(t)).toEqual({});
    // Nothing was deleted: the staged files are tombstones, the imports kept with who decided.
    const sqlite = t.core.state.conn!.sqlite;
    expect(sqlite.prepare('SELECT count(*) FROM hardship_files WHERE deleted_at IS NOT NULL').pluck().get()).toBe(4);
    expect(sqlite.prepare('SELECT status, reason FROM file_imports ORDER BY staged_at').all()).toEqual([
      { status: 'rejected', reason: '类别需核实' },
      { status: 'withdrawn', reason: null },
    ]);
  });
});
