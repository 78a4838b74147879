import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays, isWorkingDay, lastOfWorkingDays, WEEKENDS_ONLY, type WorkingCalendar } from '@shared/domain/calendar';
import {
  availableActions,
  checkAction,
  FILE_ACTIONS,
  FILE_STATUSES,
  nextFileStep,
  type ActionInput,
  type Actor,
  type FileAction,
  type FileFacts,
  type FileStatus,
  type LifecyclePolicy,
} from '@shared/domain/hardship-lifecycle';
import { labourYearCompleteOn } from '@shared/domain/labour';
import { roleAllows } from '@shared/roles';

const POLICY: LifecyclePolicy = { visitValidDays: 90, noticeWorkingDays: 5, calendar: WEEKENDS_ONLY };
const TODAY = '2026-11-20'; // a Friday
const CLERK: Actor = { id: 'clerk-sun', role: 'clerk' };
const REVIEWER: Actor = { id: 'reviewer-li', role: 'reviewer' };
const ADMIN: Actor = { id: 'admin-wang', role: 'admin' };
const ALL_INPUT: ActionInput = {
  reason: '理由',
  closeReason: 'death',
  date: TODAY,
  objection: { receivedOn: TODAY, content: '异议内容' },
  crossHouseholdReason: '已核实',
};

/** A file for which every condition holds: only status and role can stand in the way. */
function readyFile(status: FileStatus, overrides: Partial<FileFacts> = {}): FileFacts {
  return {
    status,
    enteredBy: CLERK.id,
    latestVisit: { date: addDays(TODAY, -10), allClear: true, headSigned: true },
    visitsCountFrom: null,
    minutesAttached: true,
    consents: { incomeVerification: true, publicNotice: true, reportUpward: true },
    excluded: false,
    noticeEndsOn: addDays(TODAY, -1),
    openObjections: 0,
    annualReviewBy: status === 'annualReview' ? CLERK.id : null,
    labour: null,
    inOtherHouseholds: 0,
    ...overrides,
  };
}

const blockerCodes = (facts: FileFacts, action: FileAction, actor: Actor, input: ActionInput = ALL_INPUT, today = TODAY) => {
  const check = checkAction(facts, action, actor, today, POLICY, input);
  return check.ok ? [] : check.blockers.map((b) => b.code);
};

describe('working days', () => {
  const HOLIDAYS: WorkingCalendar = {
    holidays: new Set(['2026-10-01', '2026-10-02', '2026-10-05']),
    workingWeekends: new Set(['2026-10-10']),
  };

  it('counts five working days from a Monday to the Friday, and from a Saturday to the next Friday', () => {
    expect(lastOfWorkingDays('2026-11-16', 5, WEEKENDS_ONLY)).toBe('2026-11-20');
    expect(lastOfWorkingDays('2026-11-14', 5, WEEKENDS_ONLY)).toBe('2026-11-20');
    expect(lastOfWorkingDays('2026-11-20', 1, WEEKENDS_ONLY)).toBe('2026-11-20');
  });

  it('skips holidays and counts the weekends moved to work (调休)', () => {
    expect(isWorkingDay('2026-10-01', HOLIDAYS)).toBe(false); // a Thursday, but 国庆
    expect(isWorkingDay('2026-10-10', HOLIDAYS)).toBe(true); // a Saturday worked
    // From Wed 09-30: 09-30 (1), 10-06 Tue (2), 10-07 (3), 10-08 (4), 10-09 Fri (5).
    expect(lastOfWorkingDays('2026-09-30', 5, HOLIDAYS)).toBe('2026-10-09');
    expect(lastOfWorkingDays('2026-09-30', 6, HOLIDAYS)).toBe('2026-10-10');
  });
});

describe('hardship file lifecycle: each action', () => {
  it('applies to exactly the statuses of its table row, and leads to the status the table names', () => {
    for (const status of FILE_STATUSES) {
      for (const action of Object.keys(FILE_ACTIONS) as FileAction[]) {
        const row = FILE_ACTIONS[action];
        const objections = action === 'dismissObjection' || action === 'upholdObjection' ? 1 : 0;
        const check = checkAction(readyFile(status, { openObjections: objections }), action, ADMIN, TODAY, POLICY, ALL_INPUT);
        const applies = (row.from as readonly FileStatus[]).includes(status);
        expect(check.ok, `${action} on ${status}`).toBe(applies);
        if (check.ok) expect(check.to).toBe(row.to === 'unchanged' ? status : row.to);
        else expect(check.blockers).toEqual([{ code: 'WRONG_STATUS', status }]);
      }
    }
  });

  it('needs the role its table row names: a viewer changes nothing, a clerk cannot decide', () => {
    for (const action of Object.keys(FILE_ACTIONS) as FileAction[]) {
      const row = FILE_ACTIONS[action];
      for (const actor of [{ id: 'v', role: 'viewer' }, CLERK, REVIEWER, ADMIN] as Actor[]) {
        const codes = blockerCodes(readyFile(row.from[0], { openObjections: 1 }), action, { ...actor, id: `${actor.id}-other` });
        expect(codes.includes('ROLE'), `${actor.role} ${action}`).toBe(!roleAllows(actor.role, row.role));
      }
    }
    expect(FILE_ACTIONS.approve.role).toBe('reviewer');
    expect(FILE_ACTIONS.reject.role).toBe('reviewer');
  });

  it('refuses to file a household that an exclusion question excludes', () => {
    expect(blockerCodes(readyFile('draft', { excluded: true }), 'submit', CLERK)).toEqual(['EXCLUDED']);
  });

  it('files a migrant worker only with an employer and a labour relationship of a year on the day judged', () => {
    const migrant = (since: string | null, employer: string | null = '某建筑公司') => readyFile('draft', { labour: { since, employer } });
    expect(blockerCodes(migrant(null, null), 'submit', CLERK)).toEqual(['LABOUR_START_MISSING', 'LABOUR_EMPLOYER_MISSING']);
    expect(blockerCodes(migrant(null, '  '), 'submit', CLERK)).toEqual(['LABOUR_START_MISSING', 'LABOUR_EMPLOYER_MISSING']);
    // A year to the day: filed on the anniversary, not the day before.
    expect(checkAction(migrant('2025-11-21'), 'submit', CLERK, TODAY, POLICY)).toEqual({
      ok: false,
      blockers: [{ code: 'LABOUR_TOO_SHORT', since: '2025-11-21', completeOn: '2026-11-21' }],
    });
    expect(blockerCodes(migrant('2025-11-20'), 'submit', CLERK)).toEqual([]);
    // Begun on 29 February: the year is complete on 28 February of the next year (民法典 第二百零二条, month end).
    expect(labourYearCompleteOn('2024-02-29')).toBe('2025-02-28');
    expect(blockerCodes(migrant('2024-02-29'), 'submit', CLERK, ALL_INPUT, '2025-02-27')).toEqual(['LABOUR_TOO_SHORT']);
    expect(blockerCodes(migrant('2024-02-29'), 'submit', CLERK, ALL_INPUT, '2025-02-28')).toEqual([]);
    expect(labourYearCompleteOn('2023-02-28')).toBe('2024-02-28');
    expect(labourYearCompleteOn('2027-03-31')).toBe('2028-03-31');
    // An urban worker's file asks nothing of it.
    expect(blockerCodes(readyFile('draft', { labour: null }), 'submit', CLERK)).toEqual([]);
  });

  it('moves on from the visit only with a latest visit that is six-clear and at most 90 days old', () => {
    expect(blockerCodes(readyFile('visit', { latestVisit: null }), 'sendToCommittee', CLERK)).toEqual(['VISIT_MISSING']);
    expect(
      blockerCodes(readyFile('visit', { latestVisit: { date: TODAY, allClear: false, headSigned: true } }), 'sendToCommittee', CLERK),
    ).toEqual(['VISIT_NOT_CLEAR']);
    expect(
      blockerCodes(readyFile('visit', { latestVisit: { date: TODAY, allClear: true, headSigned: false } }), 'sendToCommittee', CLERK),
    ).toEqual(['VISIT_NOT_SIGNED']);
    expect(
      blockerCodes(
        readyFile('visit', { latestVisit: { date: addDays(TODAY, -90), allClear: true, headSigned: true } }),
        'sendToCommittee',
        CLERK,
      ),
    ).toEqual([]);
    expect(
      blockerCodes(
        readyFile('visit', { latestVisit: { date: addDays(TODAY, -91), allClear: false, headSigned: true } }),
        'sendToCommittee',
        CLERK,
      ),
    ).toEqual(['VISIT_NOT_CLEAR', 'VISIT_TOO_OLD']);
    // A visit from before the file was sent back does not count.
    expect(blockerCodes(readyFile('visit', { visitsCountFrom: addDays(TODAY, -5) }), 'sendToCommittee', CLERK)).toEqual(['VISIT_MISSING']);
  });

  it('starts the notice only with the visit, the committee minutes and all three consents, naming each that is missing', () => {
    const facts = readyFile('review', {
      minutesAttached: false,
      consents: { incomeVerification: true, publicNotice: false, reportUpward: false },
      latestVisit: { date: TODAY, allClear: false, headSigned: true },
    });
    const check = checkAction(facts, 'startNotice', CLERK, TODAY, POLICY);
    expect(check).toEqual({
      ok: false,
      blockers: [
        { code: 'VISIT_NOT_CLEAR' },
        { code: 'MINUTES_MISSING' },
        { code: 'CONSENT_MISSING', consent: 'publicNotice' },
        { code: 'CONSENT_MISSING', consent: 'reportUpward' },
      ],
    });
  });

  it('ends the notice only after its last working day, with no open objection', () => {
    const onLastDay = readyFile('notice', { noticeEndsOn: TODAY, openObjections: 0 });
    expect(checkAction(onLastDay, 'endNotice', CLERK, TODAY, POLICY)).toEqual({
      ok: false,
      blockers: [{ code: 'NOTICE_NOT_ENDED', endsOn: TODAY }],
    });
    expect(checkAction(onLastDay, 'endNotice', CLERK, addDays(TODAY, 1), POLICY)).toEqual({ ok: true, to: 'approval' });
    expect(blockerCodes(readyFile('notice', { openObjections: 2 }), 'endNotice', CLERK)).toEqual(['OPEN_OBJECTIONS']);
  });

  it('is approved only by a reviewer who did not enter the file', () => {
    const facts = readyFile('approval', { enteredBy: REVIEWER.id });
    expect(blockerCodes(facts, 'approve', REVIEWER)).toEqual(['SAME_PERSON']);
    expect(blockerCodes(facts, 'approve', CLERK)).toEqual(['ROLE']);
    expect(checkAction(facts, 'approve', ADMIN, TODAY, POLICY)).toEqual({ ok: true, to: 'active' });
  });

  it('asks a reason for every rejection and objection decision, a date for leaving hardship and a reason code for closing', () => {
    expect(blockerCodes(readyFile('review'), 'reject', REVIEWER, { ...ALL_INPUT, reason: '  ' })).toEqual(['REASON_REQUIRED']);
    expect(blockerCodes(readyFile('notice', { openObjections: 1 }), 'upholdObjection', REVIEWER, { ...ALL_INPUT, reason: '' })).toEqual([
      'REASON_REQUIRED',
    ]);
    expect(blockerCodes(readyFile('notice', { openObjections: 0 }), 'dismissObjection', REVIEWER)).toEqual(['NO_OPEN_OBJECTION']);
    expect(blockerCodes(readyFile('active'), 'exit', REVIEWER, { reason: '再就业' })).toEqual(['DATE_REQUIRED']);
    expect(blockerCodes(readyFile('active'), 'exit', REVIEWER, { reason: '再就业', date: addDays(TODAY, 1) })).toEqual(['DATE_IN_FUTURE']);
    expect(blockerCodes(readyFile('active'), 'close', REVIEWER, { reason: 'x' })).toEqual(['CLOSE_REASON_REQUIRED']);
    expect(blockerCodes(readyFile('active'), 'close', REVIEWER, { closeReason: 'fraud' })).toEqual([]);
  });

  it('keeps a file after its annual review only with a new six-clear visit, decided by someone else than who started it', () => {
    const started = addDays(TODAY, -3);
    const oldVisit = readyFile('annualReview', {
      visitsCountFrom: started,
      latestVisit: { date: addDays(TODAY, -30), allClear: true, headSigned: true },
      annualReviewBy: CLERK.id,
    });
    expect(blockerCodes(oldVisit, 'keep', REVIEWER)).toEqual(['VISIT_MISSING']);
    const newVisit = { ...oldVisit, latestVisit: { date: TODAY, allClear: true, headSigned: true } };
    expect(blockerCodes(newVisit, 'keep', REVIEWER)).toEqual([]);
    expect(blockerCodes({ ...newVisit, annualReviewBy: REVIEWER.id }, 'keep', REVIEWER)).toEqual(['SAME_PERSON']);
  });

  it('lists the actions of a status with what stands in the way today, leaving out what the clerk types', () => {
    const facts = readyFile('notice', { noticeEndsOn: TODAY, openObjections: 1 });
    expect(availableActions(facts, CLERK, TODAY, POLICY)).toEqual([
      { action: 'recordObjection', blockers: [] },
      { action: 'dismissObjection', blockers: [{ code: 'ROLE', needs: 'reviewer' }] },
      { action: 'upholdObjection', blockers: [{ code: 'ROLE', needs: 'reviewer' }] },
      {
        action: 'endNotice',
        blockers: [
          { code: 'NOTICE_NOT_ENDED', endsOn: TODAY },
          { code: 'OPEN_OBJECTIONS', count: 1 },
        ],
      },
      { action: 'reject', blockers: [{ code: 'ROLE', needs: 'reviewer' }] },
    ]);
  });

  it('sets the notice end when the notice starts, and clears it when an upheld objection sends the file back', () => {
    const monday = '2026-11-16';
    expect(nextFileStep(readyFile('review'), 'startNotice', CLERK, monday, POLICY)).toMatchObject({
      status: 'notice',
      noticeEndsOn: '2026-11-20',
    });
    expect(nextFileStep(readyFile('notice', { openObjections: 1 }), 'upholdObjection', REVIEWER, monday, POLICY)).toMatchObject({
      status: 'visit',
      noticeEndsOn: null,
      visitsCountFrom: monday,
    });
    expect(nextFileStep(readyFile('active'), 'startAnnualReview', CLERK, monday, POLICY)).toMatchObject({
      status: 'annualReview',
      visitsCountFrom: monday,
      annualReviewBy: CLERK.id,
    });
    expect(() => nextFileStep(readyFile('draft'), 'approve', ADMIN, monday, POLICY)).toThrow(/does not apply/);
  });
});

describe('hardship file lifecycle: the words each step asks for', () => {
  const codesWithout = (status: FileStatus, action: FileAction, facts: Partial<FileFacts> = {}) =>
    blockerCodes(readyFile(status, { openObjections: 1, ...facts }), action, { ...ADMIN, id: 'admin-other' }, {});

  it('asks a reason only to reject, withdraw, settle an objection and leave hardship; nothing to submit or approve', () => {
    expect(codesWithout('draft', 'submit')).toEqual([]);
    expect(codesWithout('approval', 'approve', { openObjections: 0 })).toEqual([]);
    expect(codesWithout('annualReview', 'keep')).toEqual([]);
    expect(codesWithout('approval', 'reject')).toEqual(['REASON_REQUIRED']);
    expect(codesWithout('draft', 'withdraw')).toEqual(['REASON_REQUIRED']);
    expect(codesWithout('notice', 'upholdObjection')).toEqual(['REASON_REQUIRED']);
    expect(codesWithout('notice', 'dismissObjection')).toEqual(['REASON_REQUIRED']);
    expect(codesWithout('active', 'exit')).toEqual(['REASON_REQUIRED', 'DATE_REQUIRED']);
    // 注销's reason is its code; the note is optional.
    expect(codesWithout('active', 'close')).toEqual(['CLOSE_REASON_REQUIRED']);
    expect(codesWithout('notice', 'recordObjection')).toEqual(['OBJECTION_CONTENT_REQUIRED', 'DATE_REQUIRED']);
  });

  it('submits a household with someone in another open file only with a confirmation and its reason', () => {
    const shared = readyFile('draft', { inOtherHouseholds: 2 });
    expect(blockerCodes(shared, 'submit', CLERK, {})).toEqual(['CROSS_HOUSEHOLD_UNCONFIRMED']);
    expect(blockerCodes(shared, 'submit', CLERK, { crossHouseholdReason: '  ' })).toEqual(['CROSS_HOUSEHOLD_UNCONFIRMED']);
    expect(blockerCodes(shared, 'submit', CLERK, { crossHouseholdReason: '夫妻分居两地' })).toEqual([]);
    // The button is not disabled for it: the confirmation is asked when the step is taken.
    expect(availableActions(shared, CLERK, TODAY, POLICY).find((a) => a.action === 'submit')!.blockers).toEqual([]);
  });
});

// ——— Property: whatever clerks and reviewers do, in any order, no file reaches 在档 without the rules. ———

const ACTORS: Actor[] = [CLERK, { id: 'clerk-zhou', role: 'clerk' }, REVIEWER, ADMIN, { id: 'viewer-qian', role: 'viewer' }];
const ACTIONS = Object.keys(FILE_ACTIONS) as FileAction[];

type Command =
  | { kind: 'progress' }
  | { kind: 'skip' }
  | { kind: 'act'; action: FileAction; actor: number; withInput: boolean }
  | { kind: 'visit'; allClear: boolean; headSigned: boolean }
  | { kind: 'minutes' }
  | { kind: 'consent'; which: keyof FileFacts['consents'] }
  | { kind: 'wait'; days: number };

/**
 * The way to 在档 as a clerk and a reviewer walk it: 'progress' takes its next step and 'skip' leaves one out (no
 * minutes, a consent missing, no wait), so that random steps in between (objections, waits, bad visits, the wrong
 * person) meet files at every stage.
 */
const ROUTE: Exclude<Command, { kind: 'progress' } | { kind: 'skip' }>[] = [
  { kind: 'act', action: 'submit', actor: 0, withInput: true },
  { kind: 'act', action: 'beginVisit', actor: 1, withInput: true },
  { kind: 'visit', allClear: true, headSigned: true },
  { kind: 'act', action: 'sendToCommittee', actor: 0, withInput: true },
  { kind: 'minutes' },
  { kind: 'consent', which: 'incomeVerification' },
  { kind: 'consent', which: 'publicNotice' },
  { kind: 'consent', which: 'reportUpward' },
  { kind: 'act', action: 'startNotice', actor: 0, withInput: true },
  { kind: 'wait', days: 9 },
  { kind: 'act', action: 'endNotice', actor: 1, withInput: true },
  { kind: 'act', action: 'approve', actor: 2, withInput: true },
  { kind: 'act', action: 'approve', actor: 3, withInput: true },
];

const command: fc.Arbitrary<Command> = fc.oneof(
  { weight: 12, arbitrary: fc.constant({ kind: 'progress' as const }) },
  { weight: 2, arbitrary: fc.constant({ kind: 'skip' as const }) },
  {
    weight: 8,
    arbitrary: fc.record({
      kind: fc.constant('act' as const),
      action: fc.constantFrom(...ACTIONS),
      actor: fc.nat({ max: ACTORS.length - 1 }),
      withInput: fc.boolean(),
    }),
  },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('visit' as const), allClear: fc.boolean(), headSigned: fc.boolean() }) },
  { weight: 1, arbitrary: fc.constant({ kind: 'minutes' as const }) },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant('consent' as const),
      which: fc.constantFrom('incomeVerification', 'publicNotice', 'reportUpward' as const),
    }),
  },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('wait' as const), days: fc.integer({ min: 0, max: 8 }) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('wait' as const), days: fc.integer({ min: 30, max: 120 }) }) },
);

type Event = { day: string } & (
  { type: 'action'; action: FileAction; actor: Actor } | { type: 'visit'; allClear: boolean; headSigned: boolean } | { type: 'minutes' }
);

/** Monday to Friday, counted by hand here (not with the module under test). */
function noticeLastDay(start: string, workingDays: number): string {
  let day = start;
  let counted = 0;
  for (;;) {
    const weekday = new Date(`${day}T00:00:00Z`).getUTCDay();
    if (weekday >= 1 && weekday <= 5) counted++;
    if (counted === workingDays) return day;
    day = addDays(day, 1);
  }
}

/** The rules for 在档, checked from the history alone. */
function assertApprovalLawful(history: Event[], approval: Extract<Event, { type: 'action' }>, enteredBy: string) {
  expect(approval.actor.id).not.toBe(enteredBy);
  expect(roleAllows(approval.actor.role, 'reviewer')).toBe(true);
  const taken = (action: FileAction) => history.flatMap((e, i) => (e.type === 'action' && e.action === action ? [i] : []));
  const lastUphold = Math.max(-1, ...taken('upholdObjection'));
  const notice = Math.max(-1, ...taken('startNotice').filter((i) => i > lastUphold));
  expect(notice).toBeGreaterThan(-1);
  const noticeDay = history[notice]!.day;
  expect(approval.day > noticeLastDay(noticeDay, POLICY.noticeWorkingDays)).toBe(true);
  const after = history.slice(notice);
  const count = (action: FileAction) => after.filter((e) => e.type === 'action' && e.action === action).length;
  expect(count('recordObjection')).toBe(count('dismissObjection'));
  // The visit the notice stood on: the last one before it, made after the file was last sent back, six-clear, recent.
  const sentBackDay = lastUphold >= 0 ? history[lastUphold]!.day : '0000-00-00';
  const visit = history
    .slice(0, notice)
    .filter((e): e is Extract<Event, { type: 'visit' }> => e.type === 'visit')
    .at(-1);
  expect(visit).toBeDefined();
  expect(visit!.day >= sentBackDay).toBe(true);
  expect(visit!.allClear).toBe(true);
  expect(visit!.headSigned).toBe(true);
  expect(new Date(noticeDay).getTime() - new Date(visit!.day).getTime()).toBeLessThanOrEqual(POLICY.visitValidDays * 86_400_000);
  expect(history.slice(lastUphold + 1, notice).some((e) => e.type === 'minutes')).toBe(true);
}

describe('hardship file lifecycle: any sequence of actions', () => {
  it("reaches 在档 only with a six-clear, signed, recent visit, minutes, a finished notice without open objections and a second person's approval", () => {
    let approvals = 0;
    fc.assert(
      fc.property(fc.array(command, { minLength: 20, maxLength: 120 }), fc.constantFrom(CLERK.id, REVIEWER.id), (commands, enteredBy) => {
        let today = '2026-01-05';
        let facts: FileFacts = {
          status: 'draft',
          enteredBy,
          latestVisit: null,
          visitsCountFrom: null,
          minutesAttached: false,
          consents: { incomeVerification: false, publicNotice: false, reportUpward: false },
          excluded: false,
          noticeEndsOn: null,
          openObjections: 0,
          annualReviewBy: null,
          labour: null,
          inOtherHouseholds: 0,
        };
        const history: Event[] = [];
        let next = 0;
        for (const drawn of commands) {
          if (drawn.kind === 'skip') {
            next++;
            continue;
          }
          const c = drawn.kind === 'progress' ? ROUTE[next++ % ROUTE.length]! : drawn;
          if (c.kind === 'wait') today = addDays(today, c.days);
          else if (c.kind === 'visit') {
            facts = { ...facts, latestVisit: { date: today, allClear: c.allClear, headSigned: c.headSigned } };
            history.push({ day: today, type: 'visit', allClear: c.allClear, headSigned: c.headSigned });
          } else if (c.kind === 'minutes') {
            facts = { ...facts, minutesAttached: true };
            history.push({ day: today, type: 'minutes' });
          } else if (c.kind === 'consent') facts = { ...facts, consents: { ...facts.consents, [c.which]: true } };
          else {
            const actor = ACTORS[c.actor]!;
            const input = c.withInput ? { reason: '说明', closeReason: 'ineligible' as const, date: today } : {};
            const check = checkAction(facts, c.action, actor, today, POLICY, input);
            if (!check.ok) continue;
            const step = nextFileStep(facts, c.action, actor, today, POLICY);
            expect(step.status).toBe(check.to);
            const wasActive = facts.status === 'active';
            facts = {
              ...facts,
              ...step,
              openObjections:
                c.action === 'recordObjection'
                  ? facts.openObjections + 1
                  : c.action === 'dismissObjection'
                    ? facts.openObjections - 1
                    : c.action === 'upholdObjection'
                      ? 0
                      : facts.openObjections,
              minutesAttached: c.action === 'upholdObjection' ? false : facts.minutesAttached,
            };
            const event = { day: today, type: 'action' as const, action: c.action, actor };
            history.push(event);
            if (c.action === 'approve') {
              approvals++;
              assertApprovalLawful(history, event, enteredBy);
            }
            if (facts.status === 'active' && !wasActive) expect(['approve', 'keep']).toContain(c.action);
          }
        }
      }),
      { numRuns: 400 },
    );
    // The property must have been exercised, not only vacuously true.
    expect(approvals).toBeGreaterThan(5);
  });
});
