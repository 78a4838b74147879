import { addDays } from '@shared/domain/calendar';
import { execFileSync } from 'node:child_process';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import type { FileDetail } from '@shared/contract/hardship';
import { EXISTING_FILE_FIELDS, EXISTING_FILE_HEADERS } from '@shared/domain/existing-files';
import { inboxUpload, outboxCopy, type TestCore } from './support/core';
import { act, allClear, consented, draftOf, fileForMember, HEAD, idOf, office, SPOUSE, toNotice } from './support/hardship';

/**
 * The lifecycle's words and records (issue 10 §6): a reason only where it means something, the approval's 审核意见,
 * objections recorded with their source and outcome and printed, drafts and attachments withdrawn but kept, a
 * household member in another file confirmed at submission, old numbers kept as 原档案编号.
 */

const blockersOf = (file: FileDetail, action: string) => file.actions.find((a) => a.action === action)?.blockers.map((b) => b.code);

async function printedApplication(t: TestCore, id: string): Promise<string> {
  const { result } = await t.job('files.printApplication', { id }, 'clerk');
  if (!result.ok) throw new Error(JSON.stringify(result.error));
  const path = await outboxCopy(t, result.data.fileId);
  return execFileSync('pdftotext', ['-layout', path, '-']).toString('utf8').replace(/\s+/g, '');
}

async function auditText(t: TestCore): Promise<string> {
  return JSON.stringify(await t.call('audit.list', { page: 1, pageSize: 200 }));
}

describe('lifecycle words: a reason only where it means something', () => {
  it('submits and approves without a reason; keeps an approval opinion as 审核意见; asks a reason to reject and drops one sent with a forward step', async () => {
    const { t, today, advanceDays } = await office();
    let file = await t.call('files.saveDraft', draftOf(await fileForMember(t), consented(today)), 'clerk');
    // A reason sent with submit is not kept: the step asks none.
    file = await act(t, file, 'submit', 'clerk', { reason: '无关的话' });
    expect(file.timeline.at(-1)).toMatchObject({ action: 'submit', reason: null });
    // Reject asks for one.
    expect(await t.fail('files.act', { id: file.id, rev: file.rev, action: 'reject' }, 'reviewer')).toMatchObject({
      code: 'FILE_ACTION_BLOCKED',
      params: { blockers: ['REASON_REQUIRED'] },
    });
    file = await act(t, file, 'beginVisit');
    file = await t.call(
      'files.recordVisit',
      {
        fileId: file.id,
        kind: 'sixClears',
        date: today,
        visitors: ['孙经办', '周干事'],
        items: allClear,
        headSigned: true,
      },
      'clerk',
    );
    file = await act(t, file, 'sendToCommittee');
    const minutes = inboxUpload(t, '会议纪要.pdf', Buffer.from('%PDF-1.4\n% minutes\n'));
    file = await t.call('files.attach', { fileId: file.id, type: 'minutes', ...minutes }, 'clerk');
    file = await act(t, file, 'startNotice');
    await advanceDays(10);
    file = await act(t, (await t.call('files.get', { id: file.id }, 'clerk')) as FileDetail, 'endNotice');
    // Approval without any words.
    const approved = await act(t, file, 'approve', 'reviewer');
    expect(approved.status).toBe('active');
    expect(approved.timeline.at(-1)).toMatchObject({ action: 'approve', reason: null, user: 'reviewer-user' });
  });

  it('keeps the 审核意见 given at approval and prints it in the 申报表 with the objections and their outcomes; the objector is never in the log', async () => {
    const { t, today, advanceDays } = await office();
    let file = await toNotice(t, today, await t.call('files.saveDraft', draftOf(await fileForMember(t), consented(today)), 'clerk'));
    // An objection needs its content and the day it came in (not in the future).
    expect(await t.fail('files.act', { id: file.id, rev: file.rev, action: 'recordObjection' }, 'clerk')).toMatchObject({
      params: { blockers: ['OBJECTION_CONTENT_REQUIRED', 'DATE_REQUIRED'] },
    });
    expect(
      await t.fail(
        'files.act',
        { id: file.id, rev: file.rev, action: 'recordObjection', objection: { receivedOn: '2999-01-01', content: '反映' } },
        'clerk',
      ),
    ).toMatchObject({ params: { blockers: ['DATE_IN_FUTURE'] } });
    // Nor before the notice began (it began today): an objection is to the notice.
    expect(
      await t.fail(
        'files.act',
        { id: file.id, rev: file.rev, action: 'recordObjection', objection: { receivedOn: addDays(today, -1), content: '反映' } },
        'clerk',
      ),
    ).toMatchObject({ params: { blockers: ['DATE_BEFORE_NOTICE'] } });
    file = await act(t, file, 'recordObjection', 'clerk', {
      objection: { receivedOn: today, from: '邻居王某', contact: '13800138000', content: '反映其配偶有经营收入' },
    });
    expect(file.objections).toEqual([
      {
        id: expect.any(String),
        receivedOn: today,
        receivedFrom: '邻居王某',
        contact: '13800138000',
        content: '反映其配偶有经营收入',
        status: 'open',
        decision: null,
        decidedAt: null,
      },
    ]);
    // Its outcome needs words.
    expect(await t.fail('files.act', { id: file.id, rev: file.rev, action: 'dismissObjection' }, 'reviewer')).toMatchObject({
      params: { blockers: ['REASON_REQUIRED'] },
    });
    file = await act(t, file, 'dismissObjection', 'reviewer', { reason: '经核实，配偶无经营收入' });
    expect(file.objections[0]).toMatchObject({ status: 'dismissed', decision: '经核实，配偶无经营收入', decidedAt: expect.any(String) });

    await advanceDays(10);
    file = await act(t, (await t.call('files.get', { id: file.id }, 'clerk')) as FileDetail, 'endNotice');
    file = await act(t, file, 'approve', 'reviewer', { reason: '符合深度困难条件，同意建档' });
    expect(file.timeline.at(-1)).toMatchObject({ action: 'approve', reason: '符合深度困难条件，同意建档' });

    const flat = await printedApplication(t, file.id);
    expect(flat).toContain('公示异议及处理');
    expect(flat).toContain(`${today}收到：反映其配偶有经营收入`);
    expect(flat).toContain('处理结果：异议不成立。经核实，配偶无经营收入');
    expect(flat).toContain('帮扶中心审核意见');
    expect(flat).toContain('审批通过。符合深度困难条件，同意建档');
    // The household signs and keeps this form: the objector's name and phone are not on it.
    expect(flat).not.toContain('邻居王某');
    expect(flat).not.toContain('13800138000');
    // Nor in the audit log.
    const audit = await auditText(t);
    expect(audit).not.toContain('13800138000');
    expect(audit).not.toContain('邻居王某');
  });
});

describe('lifecycle records: withdrawn, never deleted', () => {
  it('withdraws a draft with a reason: kept in its history, out of the lists, a new file may then be started', async () => {
    const { t } = await office();
    const file = await fileForMember(t);
    expect(await t.fail('files.act', { id: file.id, rev: file.rev, action: 'withdraw' }, 'clerk')).toMatchObject({
      params: { blockers: ['REASON_REQUIRED'] },
    });
    const withdrawn = await act(t, file, 'withdraw', 'clerk', { reason: '重复建档，作废' });
    expect(withdrawn.status).toBe('withdrawn');
    expect(withdrawn.timeline.at(-1)).toMatchObject({ action: 'withdraw', from: 'draft', to: 'withdrawn', reason: '重复建档，作废' });
    expect((await t.call('files.list', {})).files.map((f) => f.id)).not.toContain(file.id);
    expect((await t.call('files.list', { status: 'withdrawn' })).files.map((f) => f.id)).toEqual([file.id]);
    // Still there, and a new file for the same head is allowed.
    expect((await t.call('files.get', { id: file.id })).status).toBe('withdrawn');
    const member = (await t.call('roster.search', { query: HEAD.slice(-6) })).members[0]!;
    const again = await t.call('files.create', { memberId: member.id, workerType: 'urban' }, 'clerk');
    expect(again.entryKind).toBe('new');
    // Only a draft can be withdrawn.
    const submitted = await act(t, await t.call('files.saveDraft', draftOf(again), 'clerk'), 'submit');
    expect(blockersOf(submitted, 'withdraw')).toBeUndefined();
  });

  it('withdraws an attachment with a reason: listed as withdrawn, in the timeline, and no longer counted', async () => {
    const { t, today } = await office();
    let file = await toNotice(t, today, await t.call('files.saveDraft', draftOf(await fileForMember(t), consented(today)), 'clerk'));
    // Back at the visit (an upheld objection), new minutes are needed; an attached one then withdrawn does not count.
    file = await act(t, file, 'recordObjection', 'clerk', { objection: { receivedOn: today, content: '反映有两套住房' } });
    file = await act(t, file, 'upholdObjection', 'reviewer', { reason: '属实，需重新调查' });
    file = await t.call(
      'files.recordVisit',
      {
        fileId: file.id,
        kind: 'sixClears',
        date: today,
        visitors: ['孙经办', '周干事'],
        items: allClear,
        headSigned: true,
      },
      'clerk',
    );
    file = await act(t, file, 'sendToCommittee');
    const upload = inboxUpload(t, '错的纪要.pdf', Buffer.from('%PDF-1.4\n% wrong\n'));
    file = await t.call('files.attach', { fileId: file.id, type: 'minutes', ...upload }, 'clerk');
    expect(blockersOf(file, 'startNotice')).toEqual([]);
    const wrong = file.attachments.find((a) => a.fileName === '错的纪要.pdf')!;
    expect((await t.fail('files.withdrawAttachment', { fileId: file.id, attachmentId: wrong.id, reason: '' }, 'clerk')).code).toBe(
      'INVALID_INPUT',
    );
    file = await t.call('files.withdrawAttachment', { fileId: file.id, attachmentId: wrong.id, reason: '传错了文件' }, 'clerk');
    expect(file.attachments.find((a) => a.id === wrong.id)).toMatchObject({
      fileName: '错的纪要.pdf',
      withdrawn: { reason: '传错了文件', by: 'clerk-user', at: expect.any(String) },
    });
    expect(blockersOf(file, 'startNotice')).toEqual(['MINUTES_MISSING']);
    expect(file.timeline.at(-1)).toMatchObject({ action: 'withdrawAttachment', reason: '传错了文件', code: 'minutes' });
    expect((await t.fail('files.withdrawAttachment', { fileId: file.id, attachmentId: wrong.id, reason: '再撤' }, 'clerk')).code).toBe(
      'ATTACHMENT_WITHDRAWN',
    );
    expect(t.core.state.conn!.sqlite.prepare('SELECT count(*) FROM file_attachments WHERE id = ?').pluck().get(wrong.id)).toBe(1);
    expect(await auditText(t)).not.toContain('传错了文件');
  });
});

describe('lifecycle records: a household member in another open file', () => {
  it('needs a confirmation with a reason to submit, and shows the reason to the reviewer', async () => {
    const { t } = await office();
    const file = await t.call('files.saveDraft', draftOf(await fileForMember(t)), 'clerk');
    // The spouse heads a file of their own.
    await t.call('files.create', { head: { name: '测试配偶', idNumber: SPOUSE }, workerType: 'urban' }, 'clerk');
    const reread = await t.call('files.get', { id: file.id }, 'clerk');
    // Not a blocker on the button: the confirmation is asked when the step is taken.
    expect(blockersOf(reread, 'submit')).toEqual([]);
    expect(await t.fail('files.act', { id: file.id, rev: reread.rev, action: 'submit' }, 'clerk')).toMatchObject({
      code: 'FILE_ACTION_BLOCKED',
      params: { blockers: ['CROSS_HOUSEHOLD_UNCONFIRMED'] },
    });
    const submitted = await act(t, reread, 'submit', 'clerk', { crossHouseholdReason: '夫妻分居两地，各自单独申报' });
    expect(submitted.status).toBe('submitted');
    const seen = await t.call('files.get', { id: file.id }, 'reviewer');
    expect(seen.timeline.find((e) => e.action === 'submit')).toMatchObject({
      code: 'crossHousehold',
      reason: '夫妻分居两地，各自单独申报',
      user: 'clerk-user',
    });
  });
});

describe('old files: real legacy numbers and the template', () => {
  it('imports GL2023001 as 原档案编号 and gives the file a national number at confirmation', async () => {
    const { t } = await office();
    const head = idOf('11010519700101201');
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('存量档案');
    sheet.addRow(['户主姓名', '身份证号', '困难类别', '建档日期', '档案编号']);
    sheet.addRow(['旧档户主', head, '特困', '2023-03-01', 'GL2023001']);
    sheet.addRow(['旧档户主二', idOf('11010519700102201'), '一般困难', '2023-04-01', 'GL2023001']);
    const twice = inboxUpload(t, '旧档案.xlsx', Buffer.from(await workbook.xlsx.writeBuffer()));
    // The same old number twice is a mistake.
    expect((await t.call('files.checkExisting', twice, 'clerk')).problems).toMatchObject([
      { row: 3, problem: 'FILE_NO_TAKEN', detail: '2' },
    ]);
    sheet.spliceRows(3, 1);
    const upload = inboxUpload(t, '旧档案.xlsx', Buffer.from(await workbook.xlsx.writeBuffer()));
    const check = await t.call('files.checkExisting', upload, 'clerk');
    expect(check).toMatchObject({ problemCount: 0, keptNumbers: 0, newNumbers: 1 });
    const { importId } = await t.call('files.importExisting', upload, 'clerk');
    // The one confirming sees the old number beside the row the program will number.
    const [pending] = (await t.call('files.pendingImports', {}, 'reviewer')).imports;
    expect(pending!.rows).toMatchObject([{ fileNo: null, legacyNo: 'GL2023001' }]);
    await t.call('files.decideImport', { id: importId, decision: 'confirm' }, 'reviewer');
    const [listed] = (await t.call('files.list', { status: 'active' })).files;
    const file = await t.call('files.get', { id: listed!.id }, 'clerk');
    expect(file).toMatchObject({ legacyNo: 'GL2023001', fileNo: '110105202300001', status: 'active' });
    const flat = await printedApplication(t, file.id);
    expect(flat).toContain('档案编号：110105202300001');
    expect(flat).toContain('原档案编号：GL2023001');
  });

  it('offers a template whose headers the import reads back, with one example row', async () => {
    const { t } = await office();
    const ref = await t.call('files.existingTemplate', {}, 'clerk');
    expect(ref.name).toBe('存量档案导入模板.xlsx');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(await outboxCopy(t, ref.fileId));
    const sheet = workbook.worksheets[0]!;
    const headers = (sheet.getRow(1).values as unknown[]).slice(1);
    expect(headers).toEqual(EXISTING_FILE_FIELDS.map((f) => EXISTING_FILE_HEADERS[f][0]));
    expect(sheet.rowCount).toBe(2);
    // The import reads it: every column found, the example row checked (its old number kept as 原档案编号).
    const check = await t.call('files.checkExisting', inboxUpload(t, '模板.xlsx', Buffer.from(await workbook.xlsx.writeBuffer())), 'clerk');
    expect(check).toMatchObject({ missingColumns: [], rows: 1, problemCount: 0, keptNumbers: 0, newNumbers: 1 });
  });
});
