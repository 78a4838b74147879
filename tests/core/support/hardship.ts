import type { FileDetail } from '@shared/contract/hardship';
import { SIX_CLEARS } from '@shared/domain/hardship-codes';
import { idCheckChar } from '@shared/domain/id-number';
import { ADMIN, addUser, inboxUpload, startSetUpCore, type TestCore } from './core';

/** Hardship files in core tests: an office with its staff and 低保 line, members, drafts, and the way to the notice. */

/** Synthetic, valid ID numbers (never a real person): region, birth date, sequence. */
export const idOf = (first17: string) => first17 + idCheckChar(first17);
export const HEAD = idOf('11010519800101101');
export const SPOUSE = idOf('11010519820202102');
export const CHILD = idOf('11010520100303103');
export const OTHER_HEAD = idOf('11010519750505105');
export const HEAD_PHONE = '13912345678';
export const OTHER_PHONE = '13698765432';
export const DAY_MS = 86_400_000;

/**
 * The office's staff: the administrator (client 'test'), a clerk and two reviewers, each signed in on a client. The
 * reviewers' usernames and passwords come back too (for signing in elsewhere, as another process would).
 */
export async function office(options: Parameters<typeof startSetUpCore>[0] = {}) {
  const t = await startSetUpCore(options);
  const clerk = await addUser(t, 'clerk', 'clerk.sun', 'clerk');
  const reviewer = await addUser(t, 'reviewer', 'reviewer.li', 'reviewer');
  const reviewer2 = await addUser(t, 'reviewer', 'reviewer.zhou', 'reviewer2');
  const { today } = await t.call('policy.list', {});
  await t.call('policy.add', { key: 'lowIncomeLine', regionCode: '110105', effectiveFrom: '2020-01-01', value: 132_000 });
  const signInAgain = async () => {
    await t.call('auth.signIn', { username: ADMIN.username, password: ADMIN.password });
    for (const [user, client] of [
      [clerk, 'clerk'],
      [reviewer, 'reviewer'],
      [reviewer2, 'reviewer2'],
    ] as const) {
      await t.call('auth.signIn', { username: user.user.username, password: user.password }, client);
    }
  };
  /** Moves the core's clock; the idle lock then asks everyone to sign in again. */
  const advanceDays = async (days: number) => {
    t.clock.advance(days * DAY_MS);
    await signInAgain();
  };
  const reviewers = [reviewer, reviewer2].map(({ user, password }) => ({ username: user.username, password }));
  return { t, today, advanceDays, reviewers };
}

export const allClear = SIX_CLEARS.map((item) => ({ item, clear: true, note: null }));
/** The income item not clear; two items with a note. */
export const oneUnclear = SIX_CLEARS.map((item) => ({
  item,
  clear: item !== 'income',
  note: item === 'income' ? '收入来源未核实' : item === 'address' ? '与户籍地址不一致，实际居住于此' : null,
}));

export async function fileForMember(
  t: TestCore,
  idNumber = HEAD,
  name = '测试户主',
  more: Record<string, unknown> = { phone: HEAD_PHONE, unitName: '甲机械厂', ethnicity: '01' },
) {
  const member = await t.call('roster.create', { name, idNumber, ...more });
  return t.call('files.create', { memberId: member.id, workerType: 'urban' }, 'clerk');
}

/** A household of three: the head earns ¥1,500 a month, a pension of ¥6,000 a year, ¥12,000 medical costs → ¥333.33. */
export function draftOf(file: FileDetail, overrides: Record<string, unknown> = {}) {
  return {
    id: file.id,
    rev: file.rev,
    household: [
      {
        id: file.household[0]!.id,
        relation: 'self' as const,
        name: file.headName,
        monthlyIncomeFen: 150_000,
        workStatus: 'laidOff' as const,
        educationLevel: 'junior' as const,
      },
      { relation: 'spouse' as const, name: '测试配偶', idNumber: SPOUSE, health: 'serious' as const },
      {
        relation: 'child' as const,
        name: '测试子女',
        idNumber: CHILD,
        workStatus: 'student' as const,
        schoolStage: 'junior' as const,
        unitOrSchool: '第一中学',
      },
    ],
    incomeItems: [
      { kind: 'income' as const, code: 'pension', annualFen: 600_000 },
      { kind: 'rigid' as const, code: 'medical', annualFen: 1_200_000 },
    ],
    accidentCostsFen: 0,
    exclusions: {
      twoOrMoreHomes: false,
      ownsBusinessOrEmploysOthers: false,
      childAtCostlyPrivateSchoolOrAbroad: false,
      privateVehicleNotForWork: false,
    },
    mainCause: '6' as const,
    secondaryCauses: ['3' as const, '9' as const],
    workerType: 'urban' as const,
    needs: '配偶医疗费用负担重，希望获得医疗救助',
    measures: '申请医疗救助，协调子女助学',
    consents: { incomeVerificationOn: null, publicNoticeOn: null, reportUpwardOn: null },
    ...overrides,
  };
}

/** Takes a step on the file as `client` (a clerk unless said), with what the step asks for (a reason, a date); the file after it. */
export function act(
  t: TestCore,
  file: FileDetail,
  action: string,
  client = 'clerk',
  more: Record<string, unknown> = {},
): Promise<FileDetail> {
  return t.call('files.act', { id: file.id, rev: file.rev, action: action as never, ...more }, client);
}

/** Takes a saved file through submission, a six-clear visit and the committee to the public notice (公示中). */
export async function toNotice(t: TestCore, today: string, start: FileDetail): Promise<FileDetail> {
  let file = await act(t, start, 'submit');
  file = await act(t, file, 'beginVisit');
  file = await t.call(
    'files.recordVisit',
    { fileId: file.id, kind: 'sixClears', date: today, visitors: ['孙经办', '周干事'], items: allClear, headSigned: true },
    'clerk',
  );
  file = await act(t, file, 'sendToCommittee');
  const minutes = inboxUpload(t, '会议纪要.pdf', Buffer.from('%PDF-1.4\n% minutes\n'));
  file = await t.call('files.attach', { fileId: file.id, type: 'minutes', ...minutes }, 'clerk');
  return act(t, file, 'startNotice');
}

export const consented = (today: string) => ({ consents: { incomeVerificationOn: today, publicNoticeOn: today, reportUpwardOn: today } });
