import type { ChannelOutput } from '@shared/contract';
import { HOME_TODOS, type HomeTodo } from '@shared/contract/home';
import { POLICY_KEYS, POLICY_RULES } from '@shared/domain/policy';
import { roleAllows, type Role } from '@shared/roles';
import { localDate } from '../../clock';
import type { CallContext } from '../../context';
import { listBackups } from '../../db/backup';
import { listAlarms } from '../audit/audit-alarms';
import { overdueCentreCount } from '../federation/centres.service';
import { duplicateFileCount } from '../federation/duplicates.repo';
import { fileCounter } from '../hardship/file-list';
import { readOrg } from '../org/org.repo';
import { policyOn } from '../policy/policy.service';

/**
 * The lowest role each to-do is shown to: a viewer sees where the files stand, a clerk the work of entering them, a
 * reviewer what waits for a decision, an administrator the office's health besides.
 */
const SHOWN_FROM: Record<HomeTodo, Role> = {
  myDrafts: 'clerk',
  drafts: 'clerk',
  awaitingVisit: 'viewer',
  visitExpired: 'viewer',
  noticeEnding: 'viewer',
  noticeEnded: 'viewer',
  approval: 'reviewer',
  annualReview: 'reviewer',
  reviewDue: 'viewer',
  objectionOpen: 'clerk',
  inProgress: 'clerk',
  importsWaiting: 'clerk',
  auditAlarms: 'admin',
  backupOverdue: 'admin',
  noBackup: 'admin',
  policyMissing: 'admin',
  centresOverdue: 'viewer',
  batchAlarms: 'clerk',
  duplicateFiles: 'viewer',
  // Those who approve payments (a reviewer or an administrator), and the clerks who carry the batches and their receipts.
  paymentsPending: 'reviewer',
  batchesUnacknowledged: 'clerk',
};

/** A federation keeps no files of its own (its centres' are under 各中心): it gets these instead of the files' to-dos. */
const FEDERATION_TODOS: readonly HomeTodo[] = ['centresOverdue', 'batchAlarms', 'duplicateFiles'];
const OFFICE_TODOS: readonly HomeTodo[] = ['auditAlarms', 'backupOverdue', 'noBackup', 'policyMissing'];

function shownInMode(key: HomeTodo, mode: 'centre' | 'federation'): boolean {
  if (OFFICE_TODOS.includes(key)) return true;
  return FEDERATION_TODOS.includes(key) === (mode === 'federation');
}

const DAY_MS = 86_400_000;
/** The automatic backup runs daily: two days without any backup is worth an administrator's look. */
export const BACKUP_OVERDUE_DAYS = 2;

/** When the newest backup of any kind was made; undefined when none ever was. */
function newestBackupAt(ctx: CallContext): string | undefined {
  return listBackups(ctx.core.paths.backupsDir)
    .map((b) => b.createdAt)
    .sort()
    .at(-1);
}

/** Whole days since the newest backup when that is BACKUP_OVERDUE_DAYS or more (0 otherwise). */
function backupOverdueDays(ctx: CallContext, newest: string): number {
  const days = Math.floor((ctx.clock.now().getTime() - Date.parse(newest)) / DAY_MS);
  return days >= BACKUP_OVERDUE_DAYS ? days : 0;
}

/**
 * The files between submission and the notice (提交, 入户调查, 民主评议): a count, not "waiting for the clerk's next
 * step", since whether that step can be taken is the lifecycle's rules (file-facts.ts, hardship-lifecycle.ts), which
 * SQL would have to copy.
 */
const IN_PROGRESS = ['submitted', 'visit', 'review'] as const;

/** The signed-in user's to-dos, each counted on the office's today with the files list's own conditions. */
export function todo(ctx: CallContext): ChannelOutput<'home.todo'> {
  const { today, shown, counts } = todoCounters(ctx);
  return { today, items: shown.map((key) => ({ key, count: counts[key]() })) };
}

/** The to-dos shown to the signed-in user and a counter for each (apart, so that the bench can time each one). */
export function todoCounters(ctx: CallContext): { today: string; shown: HomeTodo[]; counts: Record<HomeTodo, () => number> } {
  const user = ctx.user!;
  const newestBackup = roleAllows(user.role, 'admin') ? newestBackupAt(ctx) : undefined;
  // With no backup at all there are no days since the last one to count: the administrator reads that there is none.
  const notShown: HomeTodo = newestBackup ? 'noBackup' : 'backupOverdue';
  const mode = readOrg(ctx.db)!.mode;
  const shown = HOME_TODOS.filter((key) => key !== notShown && shownInMode(key, mode) && roleAllows(user.role, SHOWN_FROM[key]));
  const countFiles = fileCounter(ctx);
  const today = localDate(ctx.clock);
  const counts: Record<HomeTodo, () => number> = {
    myDrafts: () => countFiles({ status: 'draft', enteredBy: user.id }),
    drafts: () => countFiles({ status: 'draft' }),
    // The two visit flags judge every file under way or in 复核 by its round's latest visit: migration 0031's indexes
    // answer each file's part without reading a row (10,000 files in 复核: 118–152 ms a flag before, 15–16 after).
    awaitingVisit: () => countFiles({ flag: 'awaitingVisit' }),
    visitExpired: () => countFiles({ flag: 'visitExpired' }),
    noticeEnding: () => countFiles({ flag: 'noticeEnding' }),
    noticeEnded: () => countFiles({ flag: 'noticeEnded' }),
    approval: () => countFiles({ status: 'approval' }),
    annualReview: () => countFiles({ status: 'annualReview' }),
    reviewDue: () => countFiles({ flag: 'reviewDue' }),
    objectionOpen: () => countFiles({ flag: 'objectionOpen' }),
    inProgress: () => countFiles({ statuses: IN_PROGRESS }),
    // A clerk waits for a second person to confirm the imports; a reviewer confirms those another person staged.
    importsWaiting: () =>
      ctx.sqlite
        .prepare("SELECT count(*) FROM file_imports WHERE status = 'pending' AND (@anyone OR staged_by <> @me)")
        .pluck()
        .get({ anyone: roleAllows(user.role, 'reviewer') ? 0 : 1, me: user.id }) as number,
    auditAlarms: () => listAlarms(ctx.sqlite).filter((alarm) => !alarm.acknowledgedAt).length,
    backupOverdue: () => backupOverdueDays(ctx, newestBackup!),
    noBackup: () => 1,
    // The policy numbers with no value in force today for the office's region (the 低保 line until it is set); an
    // aid cap left unset means no cap, not something missing.
    policyMissing: () => {
      const inForce = policyOn(ctx, today, readOrg(ctx.db)!.regionCode);
      return POLICY_KEYS.filter((key) => inForce[key] === null && !POLICY_RULES[key].optional).length;
    },
    centresOverdue: () => overdueCentreCount(ctx),
    batchAlarms: () => ctx.sqlite.prepare('SELECT count(*) FROM exchange_alarms WHERE settled_at IS NULL').pluck().get() as number,
    duplicateFiles: () => duplicateFileCount(ctx.sqlite),
    // All the payments 待审核, as the payments list filtered to that status counts them (from the totals the payments'
    // triggers keep: a few rows): the list is the link, so a reviewer's own entries are in it too (four eyes then
    // stops them there, with the reason).
    paymentsPending: () =>
      ctx.sqlite.prepare("SELECT coalesce(sum(count), 0) FROM aid_payment_totals WHERE status = 'pending'").pluck().get() as number,
    // Batches sent with no receipt imported yet (上报批次 shows them 已上报, not 已确认 or 有问题).
    batchesUnacknowledged: () => ctx.sqlite.prepare('SELECT count(*) FROM exchange_sent WHERE receipt_at IS NULL').pluck().get() as number,
  };
  return { today, shown, counts };
}
