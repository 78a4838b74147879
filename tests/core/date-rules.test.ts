import { describe, expect, it } from 'vitest';
import { act, allClear, DAY_MS, draftOf, fileForMember, HEAD, office } from './support/hardship';

/** The day after `today` (YYYY-MM-DD), by calendar arithmetic, not the machine's clock. */
const dayAfter = (today: string) => new Date(Date.parse(`${today}T00:00:00Z`) + DAY_MS).toISOString().slice(0, 10);

/**
 * The core is the authority on dates (docs/domain.md "Dates"): a day that cannot be, or that lies after today on the
 * injected clock where only the past makes sense, is refused with the field named, whatever the screen let through.
 */
describe('dates the core refuses, naming the field', () => {
  it('a member: an impossible or future join date; a status change dated tomorrow or on a day that never was', async () => {
    const { t, today } = await office();
    const tomorrow = dayAfter(today);
    const member = { name: '日期测试', idNumber: HEAD };
    expect(await t.fail('roster.create', { ...member, joinedOn: '2019-02-30' })).toMatchObject({
      code: 'INVALID_INPUT',
      issues: [{ path: ['joinedOn'], message: 'BAD_DATE' }],
    });
    expect(await t.fail('roster.create', { ...member, joinedOn: tomorrow })).toMatchObject({
      code: 'INVALID_INPUT',
      issues: [{ path: ['joinedOn'], message: 'FUTURE' }],
    });
    expect((await t.call('roster.search', {})).total).toBe(0);

    const created = await t.call('roster.create', { ...member, joinedOn: today });
    const change = { id: created.id, rev: created.rev, status: 'withdrawn', reason: '调离' };
    expect(await t.fail('roster.changeStatus', { ...change, on: tomorrow })).toMatchObject({
      code: 'INVALID_INPUT',
      issues: [{ path: ['on'], message: 'FUTURE' }],
    });
    expect(await t.fail('roster.changeStatus', { ...change, on: '2019-13-01' })).toMatchObject({
      code: 'INVALID_INPUT',
      issues: [{ path: ['on'], message: 'BAD_DATE' }],
    });
    const after = await t.call('roster.get', { id: created.id });
    expect(after).toMatchObject({ status: 'active', statusOn: null, rev: created.rev });
  });

  it('a file: a consent dated tomorrow or on 30 February, a visit dated tomorrow or on 30 February', async () => {
    const { t, today } = await office();
    const tomorrow = dayAfter(today);
    let file = await fileForMember(t);
    const consents = { incomeVerificationOn: today, publicNoticeOn: tomorrow, reportUpwardOn: '2026-02-30' };
    expect(await t.fail('files.saveDraft', draftOf(file, { consents }), 'clerk')).toMatchObject({
      code: 'INVALID_INPUT',
      issues: [{ path: ['consents', 'reportUpwardOn'], message: 'BAD_DATE' }],
    });
    expect(await t.fail('files.saveDraft', draftOf(file, { consents: { ...consents, reportUpwardOn: null } }), 'clerk')).toMatchObject({
      code: 'INVALID_INPUT',
      issues: [{ path: ['consents', 'publicNoticeOn'], message: 'FUTURE' }],
    });
    expect((await t.call('files.get', { id: file.id }, 'clerk')).rev).toBe(file.rev);
    file = await t.call('files.saveDraft', draftOf(file), 'clerk');

    file = await act(t, file, 'submit');
    file = await act(t, file, 'beginVisit');
    const visit = { fileId: file.id, kind: 'sixClears', visitors: ['孙经办', '周干事'], items: allClear, headSigned: true };
    expect(await t.fail('files.recordVisit', { ...visit, date: tomorrow }, 'clerk')).toMatchObject({
      code: 'VISIT_INVALID',
      params: { problem: 'FUTURE_DATE' },
    });
    expect(await t.fail('files.recordVisit', { ...visit, date: '2026-02-30' }, 'clerk')).toMatchObject({
      code: 'INVALID_INPUT',
      issues: [{ path: ['date'], message: 'BAD_DATE' }],
    });
    expect((await t.call('files.get', { id: file.id }, 'clerk')).visits).toEqual([]);
  });
});
