import { roleAllows, type Role } from '../roles';
import { daysBetween, lastOfWorkingDays, type WorkingCalendar } from './calendar';
import { labourBlockers, type LabourBlocker, type LabourRelationship } from './labour';

/**
 * The life of a hardship file (docs/domain.md "Lifecycle"), as a pure function of what is known about the file: which
 * action may be taken, by whom, and what stands in the way. The core calls `checkAction` before every change and
 * refuses with the blockers; the screens call `availableActions` to show each button with its reasons.
 *
 *   draft → submitted → visit → review (民主评议) → notice (公示中) → approval (待审批) → active (在档)
 *   draft → withdrawn (撤回作废, reason required: the file is kept, it only leaves the active lists)
 *   any review step → rejected (驳回, reason required)
 *   notice: objections recorded; one upheld sends the file back to the visit (a new visit is then needed)
 *   active → annualReview (复核) → active (a new all-clear visit) | exited (已脱困) | closed (注销)
 *   staged (导入待确认): an old file (存量) a clerk imported; it becomes active only when a second person confirms
 *   its import (existing-files.ts checkImportDecision), never through an action of this table
 */

export const FILE_STATUSES = [
  'draft',
  'submitted',
  'visit',
  'review',
  'notice',
  'approval',
  'staged',
  'active',
  'annualReview',
  'rejected',
  'exited',
  'closed',
  'withdrawn',
] as const;
export type FileStatus = (typeof FILE_STATUSES)[number];

/** The statuses a file ends in: a household has at most one file not in one of these. */
export const ENDED_STATUSES: readonly FileStatus[] = ['rejected', 'exited', 'closed', 'withdrawn'];
/** The statuses in which the clerk may still change the file's draft (until the notice; again at the annual review). */
export const EDITABLE_STATUSES: readonly FileStatus[] = ['draft', 'submitted', 'visit', 'review', 'annualReview'];

/** Reasons a file is closed (注销). Fraud flags the aid paid on false data. */
export const CLOSE_REASONS = ['death', 'ineligible', 'fraud'] as const;
export type CloseReason = (typeof CLOSE_REASONS)[number];

interface Transition {
  from: readonly FileStatus[];
  /** The status after the action; the same as before for objections. */
  to: FileStatus | 'unchanged';
  /** The lowest role that may take it. */
  role: Role;
}

export const FILE_ACTIONS = {
  submit: { from: ['draft'], to: 'submitted', role: 'clerk' },
  withdraw: { from: ['draft'], to: 'withdrawn', role: 'clerk' },
  beginVisit: { from: ['submitted'], to: 'visit', role: 'clerk' },
  sendToCommittee: { from: ['visit'], to: 'review', role: 'clerk' },
  startNotice: { from: ['review'], to: 'notice', role: 'clerk' },
  recordObjection: { from: ['notice'], to: 'unchanged', role: 'clerk' },
  dismissObjection: { from: ['notice'], to: 'unchanged', role: 'reviewer' },
  upholdObjection: { from: ['notice'], to: 'visit', role: 'reviewer' },
  endNotice: { from: ['notice'], to: 'approval', role: 'clerk' },
  approve: { from: ['approval'], to: 'active', role: 'reviewer' },
  reject: { from: ['submitted', 'visit', 'review', 'notice', 'approval'], to: 'rejected', role: 'reviewer' },
  startAnnualReview: { from: ['active'], to: 'annualReview', role: 'clerk' },
  keep: { from: ['annualReview'], to: 'active', role: 'reviewer' },
  exit: { from: ['active', 'annualReview'], to: 'exited', role: 'reviewer' },
  close: { from: ['active', 'annualReview'], to: 'closed', role: 'reviewer' },
} as const satisfies Record<string, Transition>;
export type FileAction = keyof typeof FILE_ACTIONS;

/**
 * The words each action asks for (issue 10: a 原因 only where it means something). A reason (原因) where the file is
 * turned down, ended, withdrawn or sent back, and for an objection's outcome; an approval's or a kept review's text
 * is the reviewer's opinion (审核意见), optional; the forward steps ask nothing. Text sent with an action that asks
 * none is not kept.
 */
export const ACTION_TEXT: Record<FileAction, { kind: 'reason' | 'opinion'; required: boolean } | null> = {
  submit: null,
  withdraw: { kind: 'reason', required: true },
  beginVisit: null,
  sendToCommittee: null,
  startNotice: null,
  recordObjection: null,
  dismissObjection: { kind: 'reason', required: true },
  upholdObjection: { kind: 'reason', required: true },
  endNotice: null,
  approve: { kind: 'opinion', required: false },
  reject: { kind: 'reason', required: true },
  startAnnualReview: null,
  keep: { kind: 'opinion', required: false },
  exit: { kind: 'reason', required: true },
  close: { kind: 'reason', required: false },
};

/** An objection as the clerk records it during the notice: when, from whom and how to reach them, what it says. */
export interface ObjectionInput {
  receivedOn: string;
  /** Who raised it; may stay empty (an anonymous letter, a call that gave no name). */
  from?: string | null;
  /** A phone or an address to answer them: personal data, kept with the objection only (never in a log). */
  contact?: string | null;
  content: string;
}

/** What the lifecycle needs to know about a file: read from the file, its visits, attachments and objections. */
export interface FileFacts {
  status: FileStatus;
  /** The user who entered the file: never its approver. */
  enteredBy: string;
  /** The latest six-clears visit, if any; it counts only with the head of household's signature (docs/domain.md). */
  latestVisit: { date: string; allClear: boolean; headSigned: boolean } | null;
  /**
   * Visits before this date no longer count: the day an objection was upheld (the family must be visited again),
   * or the day an annual review started. Null: every visit counts.
   */
  visitsCountFrom: string | null;
  /** Committee minutes (会议纪要) are attached, since the file was last sent back (a file sent back is reviewed again). */
  minutesAttached: boolean;
  consents: { incomeVerification: boolean; publicNotice: boolean; reportUpward: boolean };
  /** An exclusion question was answered yes (docs/domain.md "Means test"): the file cannot be filed. */
  excluded: boolean;
  /** The notice's last day (lastOfWorkingDays from its first), while or after it runs. */
  noticeEndsOn: string | null;
  openObjections: number;
  /** Who started the annual review under way: the review's outcome is decided by someone else. */
  annualReviewBy: string | null;
  /** A migrant worker's labour relationship (a year at least, to be filed); null for an urban worker's file. */
  labour: LabourRelationship | null;
  /**
   * How many of the household are in another file not ended (docs/domain.md: flagged). Such a file is submitted
   * only with the clerk's confirmation and its reason, which the reviewer sees at approval.
   */
  inOtherHouseholds: number;
}

/** Policy numbers in force on the day (docs/domain.md: data with an effective date). */
export interface LifecyclePolicy {
  /** How recent the latest visit must be for the file to move on (default 90 days). */
  visitValidDays: number;
  /** How long a notice stays up, in working days (default 5). */
  noticeWorkingDays: number;
  calendar: WorkingCalendar;
}

export interface Actor {
  id: string;
  role: Role;
}

/** What the clerk gives with the action. */
export interface ActionInput {
  reason?: string;
  closeReason?: CloseReason;
  /** The date the household left hardship (exit). */
  date?: string;
  /** The objection recorded (recordObjection). */
  objection?: ObjectionInput;
  /** Why the file is submitted though someone of its household is in another active household (submit). */
  crossHouseholdReason?: string;
}

export type Blocker =
  | { code: 'WRONG_STATUS'; status: FileStatus }
  | { code: 'ROLE'; needs: Role }
  | { code: 'SAME_PERSON' }
  | { code: 'EXCLUDED' }
  | { code: 'VISIT_MISSING' }
  | { code: 'VISIT_NOT_CLEAR' }
  | { code: 'VISIT_NOT_SIGNED' }
  | { code: 'VISIT_TOO_OLD'; date: string; validDays: number }
  | { code: 'MINUTES_MISSING' }
  | { code: 'CONSENT_MISSING'; consent: keyof FileFacts['consents'] }
  | { code: 'NOTICE_NOT_ENDED'; endsOn: string }
  | { code: 'OPEN_OBJECTIONS'; count: number }
  | { code: 'NO_OPEN_OBJECTION' }
  | { code: 'REASON_REQUIRED' }
  | { code: 'CLOSE_REASON_REQUIRED' }
  | { code: 'DATE_REQUIRED' }
  | { code: 'DATE_IN_FUTURE' }
  /** An objection dated before the notice began (checked by the core, which reads the notice's start). */
  | { code: 'DATE_BEFORE_NOTICE' }
  | { code: 'OBJECTION_CONTENT_REQUIRED' }
  | { code: 'CROSS_HOUSEHOLD_UNCONFIRMED'; people: number }
  | LabourBlocker;

/**
 * Four eyes: a step that puts a file on record (在档) — approval, keeping it at the annual review, confirming an
 * import of old files — is taken by someone other than the person who entered, started or staged it.
 */
export function secondPersonBlockers(actor: Actor, firstPerson: string | null): Blocker[] {
  return actor.id === firstPerson ? [{ code: 'SAME_PERSON' }] : [];
}

export type ActionCheck = { ok: true; to: FileStatus } | { ok: false; blockers: Blocker[] };

/** The latest visit is six-clear, counts (not before visitsCountFrom) and is recent enough on `today`. */
function visitBlockers(facts: FileFacts, today: string, policy: LifecyclePolicy): Blocker[] {
  const visit = facts.latestVisit;
  if (!visit || (facts.visitsCountFrom !== null && visit.date < facts.visitsCountFrom)) return [{ code: 'VISIT_MISSING' }];
  const blockers: Blocker[] = [];
  if (!visit.allClear) blockers.push({ code: 'VISIT_NOT_CLEAR' });
  if (!visit.headSigned) blockers.push({ code: 'VISIT_NOT_SIGNED' });
  if (daysBetween(visit.date, today) > policy.visitValidDays)
    blockers.push({ code: 'VISIT_TOO_OLD', date: visit.date, validDays: policy.visitValidDays });
  return blockers;
}

function noticeBlockers(facts: FileFacts, today: string): Blocker[] {
  const blockers: Blocker[] = [];
  if (facts.noticeEndsOn === null || today <= facts.noticeEndsOn)
    blockers.push({ code: 'NOTICE_NOT_ENDED', endsOn: facts.noticeEndsOn ?? today });
  if (facts.openObjections > 0) blockers.push({ code: 'OPEN_OBJECTIONS', count: facts.openObjections });
  return blockers;
}

/** The preconditions of each action beyond its status and role. */
function conditions(
  action: FileAction,
  facts: FileFacts,
  actor: Actor,
  today: string,
  policy: LifecyclePolicy,
  input: ActionInput,
): Blocker[] {
  const blockers: Blocker[] = [];
  const text = ACTION_TEXT[action];
  if (text?.required && (input.reason ?? '').trim() === '') blockers.push({ code: 'REASON_REQUIRED' });
  switch (action) {
    case 'submit': {
      if (facts.excluded) blockers.push({ code: 'EXCLUDED' });
      blockers.push(...labourBlockers(facts.labour, today));
      if (facts.inOtherHouseholds > 0 && (input.crossHouseholdReason ?? '').trim() === '')
        blockers.push({ code: 'CROSS_HOUSEHOLD_UNCONFIRMED', people: facts.inOtherHouseholds });
      return blockers;
    }
    case 'sendToCommittee':
      return visitBlockers(facts, today, policy);
    case 'startNotice': {
      const visit = visitBlockers(facts, today, policy);
      if (!facts.minutesAttached) visit.push({ code: 'MINUTES_MISSING' });
      for (const consent of ['incomeVerification', 'publicNotice', 'reportUpward'] as const) {
        if (!facts.consents[consent]) visit.push({ code: 'CONSENT_MISSING', consent });
      }
      return visit;
    }
    case 'dismissObjection':
    case 'upholdObjection':
      return [...(facts.openObjections > 0 ? [] : [{ code: 'NO_OPEN_OBJECTION' } as const]), ...blockers];
    case 'recordObjection': {
      const objection = input.objection;
      if (!objection || objection.content.trim() === '') blockers.push({ code: 'OBJECTION_CONTENT_REQUIRED' });
      if (!objection?.receivedOn) blockers.push({ code: 'DATE_REQUIRED' });
      else if (objection.receivedOn > today) blockers.push({ code: 'DATE_IN_FUTURE' });
      return blockers;
    }
    case 'endNotice':
      return noticeBlockers(facts, today);
    case 'approve': {
      return [...noticeBlockers(facts, today), ...secondPersonBlockers(actor, facts.enteredBy)];
    }
    case 'reject':
    case 'withdraw':
      return blockers;
    case 'keep': {
      return [...visitBlockers(facts, today, policy), ...secondPersonBlockers(actor, facts.annualReviewBy)];
    }
    case 'exit': {
      if (!input.date) blockers.push({ code: 'DATE_REQUIRED' });
      else if (input.date > today) blockers.push({ code: 'DATE_IN_FUTURE' });
      return blockers;
    }
    case 'close':
      if (!(input.closeReason && (CLOSE_REASONS as readonly string[]).includes(input.closeReason)))
        blockers.push({ code: 'CLOSE_REASON_REQUIRED' });
      return blockers;
    case 'beginVisit':
    case 'startAnnualReview':
      return [];
  }
}

/** Whether `actor` may take `action` on the file on `today`, and the status it leads to; otherwise every blocker. */
export function checkAction(
  facts: FileFacts,
  action: FileAction,
  actor: Actor,
  today: string,
  policy: LifecyclePolicy,
  input: ActionInput = {},
): ActionCheck {
  const transition: Transition = FILE_ACTIONS[action];
  if (!transition.from.includes(facts.status)) return { ok: false, blockers: [{ code: 'WRONG_STATUS', status: facts.status }] };
  const blockers: Blocker[] = roleAllows(actor.role, transition.role) ? [] : [{ code: 'ROLE', needs: transition.role }];
  blockers.push(...conditions(action, facts, actor, today, policy, input));
  if (blockers.length > 0) return { ok: false, blockers };
  return { ok: true, to: transition.to === 'unchanged' ? facts.status : transition.to };
}

/**
 * The actions that apply to the file's status, each with what stands in the way for this actor today (input-free
 * conditions only: a reason or date is asked for when the clerk takes the action).
 */
export function availableActions(
  facts: FileFacts,
  actor: Actor,
  today: string,
  policy: LifecyclePolicy,
): { action: FileAction; blockers: Blocker[] }[] {
  const needInput = new Set<Blocker['code']>([
    'REASON_REQUIRED',
    'CLOSE_REASON_REQUIRED',
    'DATE_REQUIRED',
    'OBJECTION_CONTENT_REQUIRED',
    'CROSS_HOUSEHOLD_UNCONFIRMED',
  ]);
  return (Object.keys(FILE_ACTIONS) as FileAction[])
    .filter((action) => (FILE_ACTIONS[action].from as readonly FileStatus[]).includes(facts.status))
    .map((action) => {
      const check = checkAction(facts, action, actor, today, policy);
      return { action, blockers: check.ok ? [] : check.blockers.filter((b) => !needInput.has(b.code)) };
    });
}

/** The file's own fields after an action; visits, attachments and objections are records of their own. */
export interface FileStep {
  status: FileStatus;
  visitsCountFrom: string | null;
  noticeEndsOn: string | null;
  annualReviewBy: string | null;
}

/**
 * What an allowed action (checkAction said ok) changes on the file. An upheld objection sends the file back to the
 * visit: earlier visits and minutes no longer count, and the notice is over (its other objections with it). An
 * annual review counts only visits from its first day.
 */
export function nextFileStep(facts: FileFacts, action: FileAction, actor: Actor, today: string, policy: LifecyclePolicy): FileStep {
  const transition: Transition = FILE_ACTIONS[action];
  if (!transition.from.includes(facts.status)) throw new Error(`${action} does not apply to a file that is ${facts.status}`);
  const to = transition.to;
  const step: FileStep = {
    status: to === 'unchanged' ? facts.status : to,
    visitsCountFrom: facts.visitsCountFrom,
    noticeEndsOn: facts.noticeEndsOn,
    annualReviewBy: facts.annualReviewBy,
  };
  switch (action) {
    case 'startNotice':
      step.noticeEndsOn = lastOfWorkingDays(today, policy.noticeWorkingDays, policy.calendar);
      break;
    case 'upholdObjection':
      step.visitsCountFrom = today;
      step.noticeEndsOn = null;
      break;
    case 'startAnnualReview':
      step.visitsCountFrom = today;
      step.annualReviewBy = actor.id;
      break;
    case 'keep':
    case 'exit':
    case 'close':
      step.annualReviewBy = null;
      break;
    default:
      break;
  }
  return step;
}
