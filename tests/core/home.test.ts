import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import type { FileDetail } from '@shared/contract/hardship';
import { daysBetween } from '@shared/domain/calendar';
import { inboxUpload, startSetUpCore, type TestCore } from './support/core';
import { act, allClear, consented, draftOf, fileForMember, HEAD, idOf, office, oneUnclear, OTHER_HEAD, toNotice } from './support/hardship';

/**
 * The home page's to-dos (issue 10 §5): for the signed-in user's role, counted on the core's today with the files
 * list's own conditions, so each number is the length of the list its link opens.
 */

type Todo = Record<string, number>;
const todo = async (t: TestCore, client: string): Promise<Todo> =>
  Object.fromEntries((await t.call('home.todo', {}, client)).items.map((item) => [item.key, item.count]));

/** A file taken to its draft's end: the head alone in the household (no person in two files), all consents given. */
async function saved(t: TestCore, idNumber: string, name: string, today: string): Promise<FileDetail> {
  const file = await fileForMember(t, idNumber, name, { unitName: '甲机械厂' });
  const draft = draftOf(file, consented(today));
  return t.call('files.saveDraft', { ...draft, household: draft.household.slice(0, 1) }, 'clerk');
}

const visit = (file: FileDetail, date: string, items: typeof oneUnclear = allClear) => ({
  fileId: file.id,
  kind: 'sixClears' as const,
  date,
  visitors: ['孙经办', '周干事'],
  items,
  headSigned: true,
});

describe('home: the to-dos of each role', () => {
  it('counts drafts, visits, notices, approvals and reviews as the filtered lists have them, and moves them with the clock', async () => {
    const { t, today, advanceDays } = await office();
    const ids = async (input: Record<string, unknown>) => (await t.call('files.list', input, 'clerk')).files.map((f) => f.id).sort();

    const clerkDraft = await fileForMember(t, HEAD, '甲户主');
    const reviewerMember = await t.call('roster.create', { name: '戊户主', idNumber: idOf('11010519700707107'), unitName: '甲机械厂' });
    await t.call('files.create', { memberId: reviewerMember.id, workerType: 'urban' }, 'reviewer');
    // Submitted, not visited yet.
    const submitted = await act(t, await saved(t, OTHER_HEAD, '乙户主', today), 'submit');
    // Visited today, all clear and signed: valid for the policy's 90 days.
    let visited = await act(t, await act(t, await saved(t, idOf('11010519700808108'), '丙户主', today), 'submit'), 'beginVisit');
    visited = await t.call('files.recordVisit', visit(visited, today), 'clerk');
    // Visited, but an item is not clear: still waiting for a visit that counts.
    let unclear = await act(t, await act(t, await saved(t, idOf('11010519700909109'), '丁户主', today), 'submit'), 'beginVisit');
    unclear = await t.call('files.recordVisit', visit(unclear, today, oneUnclear), 'clerk');
    let inNotice = await toNotice(t, today, await saved(t, idOf('11010519701010100'), '己户主', today));

    expect(await todo(t, 'clerk')).toEqual({
      myDrafts: 1,
      drafts: 2,
      inProgress: 3,
      awaitingVisit: 2,
      visitExpired: 0,
      noticeEnding: 0,
      noticeEnded: 0,
      objectionOpen: 0,
      reviewDue: 0,
      importsWaiting: 0,
      batchesUnacknowledged: 0,
    });
    expect(await todo(t, 'reviewer')).toMatchObject({ myDrafts: 1, drafts: 2, approval: 0, annualReview: 0 });
    expect(await ids({ status: 'draft', mine: true })).toEqual([clerkDraft.id]);
    expect(await ids({ flag: 'awaitingVisit' })).toEqual([submitted.id, unclear.id].sort());
    expect((await t.call('files.get', { id: unclear.id }, 'clerk')).flags).toContain('awaitingVisit');

    // An objection to the notice waits for the reviewer's decision: counted and listed until it is decided.
    inNotice = await act(t, inNotice, 'recordObjection', 'clerk', { objection: { receivedOn: today, content: '反映其有经营收入' } });
    expect(await todo(t, 'reviewer')).toMatchObject({ objectionOpen: 1, inProgress: 3 });
    expect(await todo(t, 'clerk')).toMatchObject({ objectionOpen: 1 });
    expect(await ids({ flag: 'objectionOpen' })).toEqual([inNotice.id]);
    expect(inNotice.flags).toContain('objectionOpen');
    inNotice = await act(t, inNotice, 'dismissObjection', 'reviewer', { reason: '经核实无经营收入' });
    expect(await todo(t, 'reviewer')).toMatchObject({ objectionOpen: 0 });
    expect(await ids({ flag: 'objectionOpen' })).toEqual([]);
    expect(inNotice.flags).not.toContain('objectionOpen');

    // The notice's last day: ending; the day after: over.
    await advanceDays(daysBetween(today, inNotice.noticeEndsOn!));
    expect(await todo(t, 'clerk')).toMatchObject({ noticeEnding: 1, noticeEnded: 0 });
    expect(await ids({ flag: 'noticeEnding' })).toEqual([inNotice.id]);
    await advanceDays(1);
    expect(await todo(t, 'clerk')).toMatchObject({ noticeEnding: 0, noticeEnded: 1 });
    expect(await ids({ flag: 'noticeEnded' })).toEqual([inNotice.id]);

    inNotice = await act(t, inNotice, 'endNotice');
    expect(await todo(t, 'reviewer')).toMatchObject({ approval: 1, noticeEnded: 0 });
    expect(await todo(t, 'clerk')).not.toHaveProperty('approval');
    inNotice = await act(t, inNotice, 'approve', 'reviewer');
    expect(await todo(t, 'reviewer')).toMatchObject({ approval: 0 });

    // 91 days after the visit it no longer counts (visitValidDays 90): the visited file needs a new one.
    expect(await todo(t, 'clerk')).toMatchObject({ visitExpired: 0, awaitingVisit: 2 });
    await advanceDays(91 - daysBetween(today, (await t.call('policy.list', {})).today));
    expect(await todo(t, 'clerk')).toMatchObject({ visitExpired: 1, awaitingVisit: 2 });
    expect(await ids({ flag: 'visitExpired' })).toEqual([visited.id]);
    // A new visit, clear and signed, counts again.
    await t.call('files.recordVisit', visit(visited, (await t.call('policy.list', {})).today), 'clerk');
    expect(await todo(t, 'clerk')).toMatchObject({ visitExpired: 0 });

    // A year after its approval the file's review is due; started, it waits for a reviewer's decision and a visit.
    await advanceDays(366);
    expect(await todo(t, 'clerk')).toMatchObject({ reviewDue: 1 });
    expect(await ids({ flag: 'reviewDue' })).toEqual([inNotice.id]);
    await act(t, await t.call('files.get', { id: inNotice.id }, 'clerk'), 'startAnnualReview');
    expect(await todo(t, 'reviewer')).toMatchObject({ reviewDue: 0, annualReview: 1, awaitingVisit: 3 });
  });

  it("counts old-files imports waiting for a second person: the clerk's own, the ones a reviewer may confirm", async () => {
    const { t } = await office();
    const workbook = new ExcelJS.Workbook();
    const ws = workbook.addWorksheet('存量档案');
    ws.addRow(['户主姓名', '身份证号', '困难类别', '建档日期', '档案编号']);
    ws.addRow(['甲户主', HEAD, '特困', '2019-05-06', '']);
    const sheet = inboxUpload(t, '存量档案.xlsx', Buffer.from(await workbook.xlsx.writeBuffer()));
    await t.call('files.importExisting', sheet, 'reviewer');
    // The reviewer who staged it cannot confirm it: it waits for someone else.
    expect(await todo(t, 'reviewer')).toMatchObject({ importsWaiting: 0 });
    expect(await todo(t, 'reviewer2')).toMatchObject({ importsWaiting: 1 });
    expect(await todo(t, 'clerk')).toMatchObject({ importsWaiting: 1 });
    expect(await todo(t, 'test')).toMatchObject({ importsWaiting: 1 });
  });

  it("gives the administrator the office's health besides the files: the policy missing, backups overdue", async () => {
    const t = await startSetUpCore();
    const admin = await todo(t, 'test');
    expect(admin).toMatchObject({ policyMissing: 1, noBackup: 1, auditAlarms: 0, drafts: 0, approval: 0 });
    expect(admin).not.toHaveProperty('backupOverdue');
    await t.call('policy.add', { key: 'lowIncomeLine', regionCode: '110105', effectiveFrom: '2020-01-01', value: 132_000 });
    expect(await todo(t, 'test')).toMatchObject({ policyMissing: 0 });

    // Three days on, still no backup: that there is none, not a number of days; after one, the days since it.
    t.clock.advance(3 * 86_400_000);
    await t.call('auth.signIn', { username: 'admin', password: 'Bangfu#2026' });
    expect(await todo(t, 'test')).toMatchObject({ noBackup: 1 });
    const { result } = await t.job('backup.create', {});
    expect(result.ok).toBe(true);
    const backedUp = await todo(t, 'test');
    expect(backedUp).toMatchObject({ backupOverdue: 0 });
    expect(backedUp).not.toHaveProperty('noBackup');
    t.clock.advance(3 * 86_400_000);
    await t.call('auth.signIn', { username: 'admin', password: 'Bangfu#2026' });
    expect(await todo(t, 'test')).toMatchObject({ backupOverdue: 3 });

    // Someone with the key deletes the log's last entry: the check raises an alarm, counted until acknowledged.
    const sqlite = t.core.state.conn!.sqlite;
    sqlite.exec('DROP TRIGGER audit_log_no_delete');
    sqlite.exec('DELETE FROM audit_log WHERE seq = (SELECT max(seq) FROM audit_log)');
    sqlite.exec(
      `CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log BEGIN SELECT RAISE(ABORT, 'audit log is append-only'); END;`,
    );
    expect((await t.call('audit.verify', {})).ok).toBe(false);
    expect(await todo(t, 'test')).toMatchObject({ auditAlarms: 1 });
    const [alarm] = (await t.call('audit.alarms', {})).alarms;
    await t.call('audit.acknowledge', { seq: alarm!.seq });
    expect(await todo(t, 'test')).toMatchObject({ auditAlarms: 0 });
  });
});
