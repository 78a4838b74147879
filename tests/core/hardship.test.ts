import { describe, expect, it } from 'vitest';
import type { FileDetail } from '@shared/contract/hardship';
import { addDays, daysBetween, isWorkingDay, lastOfWorkingDays, WEEKENDS_ONLY } from '@shared/domain/calendar';
import { inboxUpload } from './support/core';
import { localIsoDate } from '../support/test-clock';
import { readOutboxFile } from '../../src/main/core/files';
import {
  act,
  allClear,
  consented,
  draftOf,
  fileForMember,
  HEAD,
  idOf,
  office,
  OTHER_HEAD,
  oneUnclear,
  SPOUSE,
  toNotice,
} from './support/hardship';

const blockersOf = (file: FileDetail, action: string) => file.actions.find((a) => a.action === action)?.blockers.map((b) => b.code);

describe('hardship files: intake', () => {
  it('starts a file from a roster member: a draft with the head as the household, one file per household', async () => {
    const { t } = await office();
    const file = await fileForMember(t);
    expect(file).toMatchObject({
      status: 'draft',
      isMember: true,
      entryKind: 'new',
      fileNo: null,
      enteredBy: 'clerk-user',
      headIdNumberMasked: '110105********1017'.slice(0, 6) + file.headIdNumberMasked.slice(6),
    });
    expect(file.household).toMatchObject([{ relation: 'self', name: '测试户主', gender: 'male', birthYear: 1980, otherFiles: [] }]);
    expect(JSON.stringify(file)).not.toContain(HEAD);
    expect(file.meansTest).toMatchObject({ result: expect.any(Object), missing: [] });
    expect(file.timeline).toMatchObject([{ action: 'create', from: null, to: 'draft', user: 'clerk-user' }]);
    const member = (await t.call('roster.search', { query: HEAD.slice(-6) })).members[0]!;
    expect(await t.fail('files.create', { memberId: member.id, workerType: 'urban' }, 'clerk')).toMatchObject({
      code: 'FILE_EXISTS',
      params: { fileId: file.id },
    });
  });

  it('refuses a migrant worker who is not a member, and a member who has left', async () => {
    const { t, today } = await office();
    expect((await t.fail('files.create', { head: { name: '外来工', idNumber: OTHER_HEAD }, workerType: 'migrant' }, 'clerk')).code).toBe(
      'MIGRANT_NOT_MEMBER',
    );
    const nonMember = await t.call('files.create', { head: { name: '非会员', idNumber: OTHER_HEAD }, workerType: 'urban' }, 'clerk');
    expect(nonMember.isMember).toBe(false);
    const member = await t.call('roster.create', { name: '已退会', idNumber: HEAD });
    await t.call('roster.changeStatus', { id: member.id, rev: member.rev, status: 'withdrawn', on: today, reason: '调离' });
    expect((await t.fail('files.create', { memberId: member.id, workerType: 'urban' }, 'clerk')).code).toBe('MEMBER_NOT_ACTIVE');
  });

  it('keeps the household rules: IDs checked, no ID twice, the head stays, and a person in another open file is flagged', async () => {
    const { t } = await office();
    const file = await fileForMember(t);
    const saved = await t.call('files.saveDraft', draftOf(file), 'clerk');
    expect(saved.household.map((m) => [m.relation, m.gender, m.birthYear])).toEqual([
      ['self', 'male', 1980],
      ['spouse', 'female', 1982],
      ['child', 'male', 2010],
    ]);
    expect((await t.fail('files.saveDraft', draftOf(file), 'clerk')).code).toBe('STALE_RECORD');
    const again = (overrides: Record<string, unknown>) => t.fail('files.saveDraft', draftOf(saved, overrides), 'clerk');
    const household = draftOf(saved).household;
    expect(await again({ household: [...household, { relation: 'other', name: '错号', idNumber: '110105198001011010' }] })).toMatchObject({
      code: 'INVALID_ID_NUMBER',
      params: { row: 4 },
    });
    expect(await again({ household: [...household, { relation: 'other', name: '重复', idNumber: SPOUSE }] })).toMatchObject({
      code: 'FILE_DRAFT_INVALID',
      params: { problem: 'DUPLICATE_ID', row: 4, firstRow: 2 },
    });
    expect(await again({ household: household.slice(1) })).toMatchObject({ code: 'FILE_DRAFT_INVALID', params: { problem: 'HEAD' } });
    expect(await again({ household: [...household, { relation: 'spouse', name: '第二配偶', idNumber: OTHER_HEAD }] })).toMatchObject({
      code: 'FILE_DRAFT_INVALID',
      params: { problem: 'SPOUSE_TWICE', row: 4 },
    });
    expect(await again({ mainCause: '6', secondaryCauses: ['6'] })).toMatchObject({ params: { problem: 'CAUSES' } });

    // The spouse also heads a file of their own: both files show it, with a link.
    const other = await t.call('files.create', { head: { name: '测试配偶', idNumber: SPOUSE }, workerType: 'urban' }, 'clerk');
    const reread = await t.call('files.get', { id: file.id });
    expect(reread.household[1]!.otherFiles).toEqual([{ id: other.id, fileNo: null, status: 'draft' }]);
    expect((await t.call('files.get', { id: other.id })).household[0]!.otherFiles).toEqual([
      { id: file.id, fileNo: null, status: 'draft' },
    ]);

    // Taken off the list, the child keeps a row with deleted_at: nothing is deleted.
    const smaller = await t.call(
      'files.saveDraft',
      draftOf(reread, {
        household: draftOf(reread)
          .household.slice(0, 2)
          .map((m, i) => ({ ...m, id: reread.household[i]!.id, idNumber: undefined })),
      }),
      'clerk',
    );
    expect(smaller.household).toHaveLength(2);
    expect(
      t.core.state
        .conn!.sqlite.prepare('SELECT count(*) FROM file_household WHERE file_id = ? AND deleted_at IS NOT NULL')
        .pluck()
        .get(file.id),
    ).toBe(1);
    expect(() => t.core.state.conn!.sqlite.prepare('DELETE FROM file_household').run()).toThrow(/hard delete refused/);
  });

  it('runs the means test with the 低保 line in force: (¥18,000 + ¥6,000 − ¥12,000) ÷ 12 ÷ 3 = ¥333.33 → 深度困难', async () => {
    const { t } = await office();
    const file = await t.call(
      'files.saveDraft',
      draftOf(await fileForMember(t), {
        housingType: 'rentedPrivate',
        housingAreaBand: 'under15',
        contacts: [{ level: 'centre', name: '孙经办', phone: '020-87654321' }],
      }),
      'clerk',
    );
    expect(file.draft).toMatchObject({
      housingType: 'rentedPrivate',
      housingAreaBand: 'under15',
      contacts: [{ level: 'centre', name: '孙经办', phone: '020-87654321' }],
    });
    expect(file.meansTest).toMatchObject({
      missing: [],
      result: {
        outcome: 'eligible',
        category: 'deep',
        perCapitaMonthlyFen: 33_333,
        lowIncomeLineFen: 132_000,
        householdSize: 3,
        netAnnualIncomeFen: 1_200_000,
      },
    });
    // The card number is never sent back whole, and a save that leaves it out keeps it.
    const withCard = await t.call(
      'files.saveDraft',
      draftOf(file, {
        household: draftOf(file).household.map((m, i) => ({ ...m, id: file.household[i]?.id, idNumber: i === 0 ? undefined : m.idNumber })),
        bankAccount: '6222021234567890123',
      }),
      'clerk',
    );
    expect(withCard.draft.bankAccountMasked).toBe('**** 0123');
    expect(JSON.stringify(withCard)).not.toContain('6222021234567890123');
    const kept = await t.call(
      'files.saveDraft',
      draftOf(withCard, {
        household: draftOf(withCard).household.map((m, i) => ({ ...m, id: withCard.household[i]!.id, idNumber: undefined })),
      }),
      'clerk',
    );
    expect(kept.draft.bankAccountMasked).toBe('**** 0123');
    const excluded = await t.call(
      'files.saveDraft',
      draftOf(kept, {
        household: draftOf(kept).household.map((m, i) => ({ ...m, id: kept.household[i]!.id, idNumber: undefined })),
        exclusions: { ...draftOf(file).exclusions, privateVehicleNotForWork: true },
      }),
      'clerk',
    );
    expect(excluded.meansTest.result).toMatchObject({ outcome: 'excluded', excludedBy: ['private-vehicle'] });
    expect(blockersOf(excluded, 'submit')).toEqual(['EXCLUDED']);
  });
});

describe('hardship files: the lifecycle', () => {
  it("goes from draft to 在档 only with a six-clear visit, minutes, consents, a finished notice and a second person's approval", async () => {
    const { t, today, advanceDays } = await office();
    let file = await fileForMember(t);
    expect(blockersOf(file, 'submit')).toEqual(['MAIN_CAUSE_MISSING']);
    file = await t.call('files.saveDraft', draftOf(file), 'clerk');
    const blocked = async (action: string, client: string, more: Record<string, unknown> = {}) =>
      t.fail('files.act', { id: file.id, rev: file.rev, action, ...more }, client);

    file = await act(t, file, 'submit');
    file = await act(t, file, 'beginVisit');
    file = await t.call(
      'files.recordVisit',
      { fileId: file.id, kind: 'sixClears', date: today, visitors: ['孙经办', '周干事'], items: oneUnclear, headSigned: true },
      'clerk',
    );
    expect(file.visits[0]).toMatchObject({ allClear: false, headSigned: true, visitors: ['孙经办', '周干事'] });
    expect(await blocked('sendToCommittee', 'clerk')).toMatchObject({
      code: 'FILE_ACTION_BLOCKED',
      params: { action: 'sendToCommittee', blockers: ['VISIT_NOT_CLEAR'] },
    });

    // All six clear, but the head has not signed the record yet: it does not count.
    file = await t.call(
      'files.recordVisit',
      { fileId: file.id, kind: 'sixClears', date: today, visitors: ['孙经办', '周干事'], items: allClear },
      'clerk',
    );
    expect(await blocked('sendToCommittee', 'clerk')).toMatchObject({ params: { blockers: ['VISIT_NOT_SIGNED'] } });
    file = await t.call(
      'files.recordVisit',
      { fileId: file.id, kind: 'sixClears', date: today, visitors: ['孙经办', '周干事'], items: allClear, headSigned: true },
      'clerk',
    );
    file = await act(t, file, 'sendToCommittee');
    expect(await blocked('startNotice', 'clerk')).toMatchObject({
      params: { blockers: ['MINUTES_MISSING', 'CONSENT_MISSING', 'CONSENT_MISSING', 'CONSENT_MISSING'] },
    });
    const minutes = inboxUpload(t, '会议纪要.pdf', Buffer.from('%PDF-1.4\n% minutes\n'));
    file = await t.call('files.attach', { fileId: file.id, type: 'minutes', ...minutes }, 'clerk');
    file = await t.call(
      'files.saveDraft',
      {
        ...draftOf(file),
        household: draftOf(file).household.map((m, i) => ({ ...m, id: file.household[i]!.id, idNumber: undefined })),
        ...consented(today),
      },
      'clerk',
    );
    file = await act(t, file, 'startNotice');
    expect(file.noticeEndsOn).not.toBeNull();

    file = await act(t, file, 'recordObjection', 'clerk', { objection: { receivedOn: today, content: '群众反映其配偶有经营收入' } });
    expect(await blocked('dismissObjection', 'clerk', { reason: '核实无此事' })).toMatchObject({ params: { blockers: ['ROLE'] } });
    file = await act(t, file, 'dismissObjection', 'reviewer', { reason: '经核实，配偶无经营收入' });
    expect(file.objections).toMatchObject([
      { status: 'dismissed', content: '群众反映其配偶有经营收入', decision: '经核实，配偶无经营收入' },
    ]);
    expect(await blocked('endNotice', 'clerk')).toMatchObject({ params: { blockers: ['NOTICE_NOT_ENDED'] } });

    await advanceDays(10);
    file = await act(t, file, 'endNotice');
    expect(await blocked('approve', 'clerk')).toMatchObject({ params: { blockers: ['ROLE', 'SAME_PERSON'] } });
    file = await act(t, file, 'approve', 'reviewer');
    const year = t.clock.now().getFullYear();
    expect(file).toMatchObject({ status: 'active', fileNo: `110105${year}00001`, category: 'deep' });
    expect(file.timeline.map((e) => [e.action, e.to])).toEqual([
      ['create', 'draft'],
      ['submit', 'submitted'],
      ['beginVisit', 'visit'],
      ['sendToCommittee', 'review'],
      ['startNotice', 'notice'],
      ['recordObjection', 'notice'],
      ['dismissObjection', 'notice'],
      ['endNotice', 'approval'],
      ['approve', 'active'],
    ]);
    expect(file.timeline.find((e) => e.action === 'approve')).toMatchObject({ user: 'reviewer-user' });

    // The audit log has every step, without the reasons (which may name people).
    const audit = JSON.stringify(await t.call('audit.list', { page: 1, pageSize: 100 }));
    expect(audit).toContain('"action":"approve"');
    expect(audit).not.toContain('经营收入');
    // Once under notice the contents cannot change.
    expect((await t.fail('files.saveDraft', { ...draftOf(file), household: [] }, 'clerk')).code).toBe('FILE_NOT_EDITABLE');
  });

  it('counts the notice in working days: the holidays an administrator set are skipped', async () => {
    const { t, today } = await office();
    // The three working days after today become holidays: the notice ends three working days later.
    const holidays: string[] = [];
    for (let day = addDays(today, 1); holidays.length < 3; day = addDays(day, 1)) if (isWorkingDay(day, WEEKENDS_ONLY)) holidays.push(day);
    for (const date of holidays) await t.call('policy.setDay', { date, kind: 'holiday' });
    const file = await toNotice(t, today, await t.call('files.saveDraft', draftOf(await fileForMember(t), consented(today)), 'clerk'));
    const calendar = { holidays: new Set(holidays), workingWeekends: new Set<string>() };
    expect(file.noticeEndsOn).toBe(lastOfWorkingDays(today, 5, calendar));
    expect(file.noticeEndsOn! > lastOfWorkingDays(today, 5, WEEKENDS_ONLY)).toBe(true);
  });

  it('sends a file back to the visit when an objection is upheld: the old visit and minutes no longer count', async () => {
    const { t, today } = await office();
    let file = await toNotice(t, today, await t.call('files.saveDraft', draftOf(await fileForMember(t), consented(today)), 'clerk'));
    file = await act(t, file, 'recordObjection', 'clerk', { objection: { receivedOn: today, content: '反映有两套住房' } });
    file = await act(t, file, 'upholdObjection', 'reviewer', { reason: '属实，需重新入户调查' });
    expect(file).toMatchObject({ status: 'visit', noticeEndsOn: null });
    expect(file.objections[0]).toMatchObject({ status: 'upheld' });
    expect(blockersOf(file, 'sendToCommittee')).toEqual(['VISIT_MISSING']);
  });

  it('numbers files per region and year in approval order, never twice, also when approvals come at once', async () => {
    const { t, today, advanceDays } = await office();
    const ids: string[] = [];
    for (let i = 0; i < 5; i++) {
      const file = await fileForMember(t, idOf(`110105198001${10 + i}20${i}`), `户主${i}`);
      const saved = await t.call(
        'files.saveDraft',
        draftOf(file, { household: [{ id: file.household[0]!.id, relation: 'self', name: file.headName }], ...consented(today) }),
        'clerk',
      );
      ids.push((await toNotice(t, today, saved)).id);
    }
    await advanceDays(10);
    const numbers = [];
    for (const id of [ids[2]!, ids[0]!, ids[1]!]) {
      let file = await t.call('files.get', { id }, 'clerk');
      file = await t.call('files.act', { id, rev: file.rev, action: 'endNotice' }, 'clerk');
      file = await t.call('files.act', { id, rev: file.rev, action: 'approve' }, 'reviewer');
      numbers.push(file.fileNo);
    }
    const year = t.clock.now().getFullYear();
    expect(numbers).toEqual([`110105${year}00001`, `110105${year}00002`, `110105${year}00003`]);

    // Two reviewers approving at the same moment (two windows): each approval is one IMMEDIATE transaction.
    const ready = await Promise.all(
      ids.slice(3).map(async (id) => {
        const file = await t.call('files.get', { id }, 'clerk');
        return t.call('files.act', { id, rev: file.rev, action: 'endNotice' }, 'clerk');
      }),
    );
    const approved = await Promise.all(
      ready.map((file, i) => t.call('files.act', { id: file.id, rev: file.rev, action: 'approve' }, i === 0 ? 'reviewer' : 'reviewer2')),
    );
    expect(approved.map((f) => f.fileNo).sort()).toEqual([`110105${year}00004`, `110105${year}00005`]);
  });

  it('reviews a file yearly: kept only with a new six-clear visit by someone else, then out of hardship; a new application is 返困', async () => {
    const { t, today, advanceDays } = await office();
    let file = await toNotice(t, today, await t.call('files.saveDraft', draftOf(await fileForMember(t), consented(today)), 'clerk'));
    await advanceDays(10);
    expect((await t.call('files.list', { flag: 'noticeEnded' })).files.map((f) => f.id)).toEqual([file.id]);
    file = await act(t, file, 'endNotice');
    file = await act(t, file, 'approve', 'reviewer');

    await advanceDays(300);
    expect((await t.call('files.list', { flag: 'reviewDue' })).files).toEqual([]);
    await advanceDays(66);
    // A year after approval the review is due, and the file has not changed for 12 months.
    const due = await t.call('files.list', { flag: 'reviewDue' });
    expect(due.files.map((f) => [f.id, f.flags])).toEqual([[file.id, ['reviewDue', 'stale']]]);
    expect(due.flagCounts).toMatchObject({ reviewDue: 1, stale: 1, noticeEnded: 0 });
    expect((await t.call('files.list', { category: 'deep' })).total).toBe(1);
    expect((await t.call('files.list', { status: 'active', flag: 'stale' })).total).toBe(1);
    expect((await t.call('files.list', { status: 'draft', flag: 'stale' })).total).toBe(0);
    expect((await t.call('files.list', { category: 'relative' })).total).toBe(0);
    file = await t.call('files.get', { id: file.id }, 'clerk');
    file = await act(t, file, 'startAnnualReview', 'reviewer');
    expect(blockersOf(file, 'keep')).toEqual(['VISIT_MISSING', 'SAME_PERSON']);
    const reviewDay = localIsoDate(t.clock.now());
    file = await t.call(
      'files.recordVisit',
      { fileId: file.id, kind: 'sixClears', date: reviewDay, visitors: ['甲', '乙'], items: allClear, headSigned: true },
      'clerk',
    );
    file = await act(t, file, 'keep', 'reviewer2');
    expect(file.status).toBe('active');
    expect((await t.fail('files.act', { id: file.id, rev: file.rev, action: 'exit', reason: '再就业' }, 'reviewer')).params).toMatchObject({
      blockers: ['DATE_REQUIRED'],
    });
    file = await act(t, file, 'exit', 'reviewer', { reason: '再就业，收入稳定', date: reviewDay });
    expect(file.status).toBe('exited');

    const member = (await t.call('roster.search', { query: HEAD.slice(-6) })).members[0]!;
    const again = await t.call('files.create', { memberId: member.id, workerType: 'urban' }, 'clerk');
    expect(again.entryKind).toBe('relapsed');
  });
});

describe('hardship files: the list', () => {
  it("filters by the head's unit as the roster has it today, and flags a notice in its last working days", async () => {
    const { t, today, advanceDays } = await office();
    const inNotice = await toNotice(t, today, await t.call('files.saveDraft', draftOf(await fileForMember(t), consented(today)), 'clerk'));
    const other = await fileForMember(t, OTHER_HEAD, '另一户主', { unitName: '乙纺织厂' });
    const nonMember = await t.call(
      'files.create',
      { head: { name: '非会员户主', idNumber: idOf('11010519900909109') }, workerType: 'urban' },
      'clerk',
    );
    const unitId = async (name: string) =>
      (await t.call('units.list', { kind: 'employer', query: name })).units.find((u) => u.name === name)!.id;
    const byUnit = async (name: string) => (await t.call('files.list', { unitId: await unitId(name) })).files.map((f) => f.headName).sort();
    expect(await byUnit('甲机械厂')).toEqual(['测试户主']);
    expect(await byUnit('乙纺织厂')).toEqual(['另一户主']);
    expect((await t.call('files.list', { unitId: await unitId('乙纺织厂'), status: 'draft' })).total).toBe(1);
    expect((await t.call('files.list', { unitId: await unitId('乙纺织厂'), status: 'notice' })).total).toBe(0);
    expect((await t.call('files.list', {})).files.find((f) => f.id === nonMember.id)!.unitName).toBeNull();
    // The head moves to another unit in the roster: the file follows.
    const member = await t.call('roster.get', { id: (await t.call('roster.search', { query: '另一户主' })).members[0]!.id });
    await t.call('roster.update', { id: member.id, rev: member.rev, name: member.name, unitName: '甲机械厂' });
    expect(await byUnit('甲机械厂')).toEqual(['另一户主', '测试户主']);
    expect(other.unitName).toBe('乙纺织厂');
    expect((await t.call('files.get', { id: other.id }, 'clerk')).unitName).toBe('甲机械厂');
    // A unit merged away still finds its files, now under the unit it went into.
    const 丙 = await fileForMember(t, idOf('11010519700707107'), '丙厂户主', { unitName: '丙纸箱厂' });
    const 丙Id = await unitId('丙纸箱厂');
    await t.call('units.merge', { fromId: 丙Id, intoId: await unitId('甲机械厂') });
    expect((await t.call('files.list', { unitId: 丙Id })).files.map((f) => f.headName).sort()).toEqual([
      '丙厂户主',
      '另一户主',
      '测试户主',
    ]);
    expect((await t.call('files.get', { id: 丙.id }, 'clerk')).unitName).toBe('甲机械厂');

    // 公示即将期满: from two working days before the notice's last day, through that day; then 公示期已满. The list
    // and its counts say the same as the file's page, alone and with the unit filter.
    const 甲 = await unitId('甲机械厂');
    const flagsOn = async () => {
      const { flags } = await t.call('files.get', { id: inNotice.id }, 'clerk');
      for (const flag of ['noticeEnding', 'noticeEnded'] as const) {
        const listed = await t.call('files.list', { flag });
        expect(listed.files.map((f) => f.id)).toEqual(flags.includes(flag) ? [inNotice.id] : []);
        expect(listed.flagCounts[flag]).toBe(flags.includes(flag) ? 1 : 0);
        expect((await t.call('files.list', { flag, unitId: 甲 })).total).toBe(flags.includes(flag) ? 1 : 0);
        expect((await t.call('files.list', { flag, unitId: await unitId('乙纺织厂') })).total).toBe(0);
      }
      return flags;
    };
    expect(await flagsOn()).toEqual([]);
    const ending = (await t.call('files.list', { flag: 'noticeEnding' })).flagCounts;
    expect(ending).toMatchObject({ noticeEnding: 0, noticeEnded: 0 });
    const lastDay = inNotice.noticeEndsOn!;
    let day = today;
    const endingDays: string[] = [];
    while (day <= addDays(lastDay, 1)) {
      const flags = await flagsOn();
      if (flags.includes('noticeEnding')) endingDays.push(day);
      if (day > lastDay) expect(flags).toEqual(['noticeEnded']);
      await advanceDays(1);
      day = addDays(day, 1);
    }
    // From the day whose next two working days reach the last day, through the last day itself.
    expect(endingDays.at(-1)).toBe(lastDay);
    expect(lastOfWorkingDays(addDays(endingDays[0]!, 1), 2, WEEKENDS_ONLY) >= lastDay).toBe(true);
    expect(lastOfWorkingDays(addDays(addDays(endingDays[0]!, -1), 1), 2, WEEKENDS_ONLY) < lastDay).toBe(true);
    expect(daysBetween(endingDays[0]!, lastDay) + 1).toBe(endingDays.length);
    const list = await t.call('files.list', { flag: 'noticeEnded' });
    expect(list.files.map((f) => f.id)).toEqual([inNotice.id]);
    expect(list.flagCounts).toMatchObject({ noticeEnding: 0, noticeEnded: 1 });
  });
});

describe('hardship files: visits and attachments', () => {
  it('asks of a six-clears visit two visitors, all six items and a date not in the future', async () => {
    const { t, today } = await office();
    const file = await fileForMember(t);
    const visit = (more: Record<string, unknown>) =>
      t.fail(
        'files.recordVisit',
        { fileId: file.id, kind: 'sixClears', date: today, visitors: ['甲', '乙'], items: allClear, ...more },
        'clerk',
      );
    expect(await visit({ visitors: ['甲', '甲 '] })).toMatchObject({ code: 'VISIT_INVALID', params: { problem: 'TWO_VISITORS' } });
    expect(await visit({ items: allClear.slice(1) })).toMatchObject({ params: { problem: 'SIX_ITEMS' } });
    expect(await visit({ date: '2999-01-01' })).toMatchObject({ params: { problem: 'FUTURE_DATE' } });
    const must = await t.call(
      'files.recordVisit',
      { fileId: file.id, kind: 'mustVisit', date: today, visitors: ['甲'], mustVisitReason: 'illness', note: '住院探望' },
      'clerk',
    );
    expect(must.visits[0]).toMatchObject({ kind: 'mustVisit', mustVisitReason: 'illness', allClear: false, items: [] });
  });

  it('keeps only images and PDFs up to 10 MB, in the database', async () => {
    const { t } = await office();
    const file = await fileForMember(t);
    const text = inboxUpload(t, 'a.pdf', Buffer.from('not a pdf'));
    expect(await t.fail('files.attach', { fileId: file.id, type: 'application', ...text }, 'clerk')).toMatchObject({
      code: 'ATTACHMENT_INVALID',
      params: { problem: 'TYPE' },
    });
    const big = inboxUpload(t, 'big.pdf', Buffer.concat([Buffer.from('%PDF-'), Buffer.alloc(10 * 1024 * 1024)]));
    expect(await t.fail('files.attach', { fileId: file.id, type: 'application', ...big }, 'clerk')).toMatchObject({
      params: { problem: 'TOO_LARGE' },
    });
    const jpeg = inboxUpload(t, '身份证.jpg', Buffer.from([0xff, 0xd8, 0xff, 0xe0, 1, 2, 3]));
    const attached = await t.call('files.attach', { fileId: file.id, type: 'idCard', ...jpeg }, 'clerk');
    expect(attached.attachments).toMatchObject([{ type: 'idCard', fileName: '身份证.jpg', mime: 'image/jpeg', size: 7 }]);
    expect(t.core.state.conn!.sqlite.prepare('SELECT length(content) FROM file_attachments').pluck().get()).toBe(7);

    // Looked at through the outbox, and every look is in the file's history.
    const opened = await t.call('files.openAttachment', { fileId: file.id, attachmentId: attached.attachments[0]!.id }, 'clerk');
    expect(opened).toMatchObject({ name: '身份证.jpg', mime: 'image/jpeg', bytes: 7 });
    expect((await readOutboxFile(t.core.state.files, opened.fileId)).bytes).toEqual(Buffer.from([0xff, 0xd8, 0xff, 0xe0, 1, 2, 3]));
    const history = await t.call('files.history', { id: file.id });
    expect(history.entries.map((e) => e.summary.event)).toEqual(['file.attachmentOpened', 'file.attached', 'file.created']); // newest first
    expect((await t.fail('files.openAttachment', { fileId: file.id, attachmentId: file.id }, 'clerk')).code).toBe('NOT_FOUND');
  });

  it("keeps a visit's photos with the visit: images only, all of them or none, shown in the program and logged", async () => {
    const { t, today } = await office();
    const file = await fileForMember(t);
    const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 9, 9]);
    const JPEG = Buffer.from([0xff, 0xd8, 0xff, 0xe0, 1, 2, 3]);
    const visit = (photos: { uploadId: string; fileName: string }[]) => ({
      fileId: file.id,
      kind: 'sixClears' as const,
      date: today,
      visitors: ['孙经办', '周干事'],
      items: allClear,
      headSigned: true,
      photos,
    });

    // A PDF among the photos: refused by name, and neither the visit nor the other photo is kept.
    const refused = await t.fail(
      'files.recordVisit',
      visit([inboxUpload(t, '门牌.jpg', JPEG), inboxUpload(t, '收入证明.pdf', Buffer.from('%PDF-1.7'))]),
      'clerk',
    );
    expect(refused).toMatchObject({ code: 'ATTACHMENT_INVALID', params: { problem: 'NOT_IMAGE', fileName: '收入证明.pdf' } });
    expect(await t.call('files.get', { id: file.id }, 'clerk')).toMatchObject({ visits: [], attachments: [] });

    const recorded = await t.call('files.recordVisit', visit([inboxUpload(t, '门牌.jpg', JPEG), inboxUpload(t, '住房.png', PNG)]), 'clerk');
    const [only] = recorded.visits;
    expect(only!.photoIds).toHaveLength(2);
    expect(recorded.attachments).toMatchObject([
      { id: only!.photoIds[0], type: 'visitPhoto', fileName: '门牌.jpg', mime: 'image/jpeg', visitId: only!.id },
      { id: only!.photoIds[1], type: 'visitPhoto', fileName: '住房.png', mime: 'image/png', visitId: only!.id },
    ]);
    // Visit photos are not uploaded on their own.
    const loose = inboxUpload(t, '另一张.jpg', JPEG);
    expect(
      (await t.fail('files.attach', { fileId: file.id, type: 'visitPhoto', uploadId: loose.uploadId, fileName: loose.fileName }, 'clerk'))
        .code,
    ).toBe('INVALID_INPUT');

    // The program shows an image itself (nothing written to the outbox); a PDF goes to the viewer instead.
    const preview = await t.call('files.previewAttachment', { fileId: file.id, attachmentId: only!.photoIds[1]! }, 'clerk');
    expect(preview).toEqual({ fileName: '住房.png', mime: 'image/png', dataUrl: `data:image/png;base64,${PNG.toString('base64')}` });
    const minutes = inboxUpload(t, '纪要.pdf', Buffer.from('%PDF-1.7 minutes'));
    const withPdf = await t.call('files.attach', { fileId: file.id, type: 'minutes', ...minutes }, 'clerk');
    const pdf = withPdf.attachments.find((a) => a.type === 'minutes')!;
    expect(await t.fail('files.previewAttachment', { fileId: file.id, attachmentId: pdf.id }, 'clerk')).toMatchObject({
      code: 'ATTACHMENT_INVALID',
      params: { problem: 'NOT_IMAGE' },
    });
    const events = (await t.call('files.history', { id: file.id })).entries.map((e) => [e.summary.event, e.summary.params]);
    expect(events.slice(0, 3)).toEqual([
      ['file.attached', { type: 'minutes' }],
      ['file.attachmentOpened', { type: 'visitPhoto' }],
      ['file.visitRecorded', { kind: 'sixClears', allClear: 'yes', photos: 2 }],
    ]);
    expect(JSON.stringify(events)).not.toContain('住房');
  });
});
