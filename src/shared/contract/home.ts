import { z } from 'zod';
import { channel, isoDate } from './define';

/**
 * The home page's to-dos (docs/domain.md "Home page"), each a count the core computes for the signed-in user's role
 * on the office's today. A new kind of to-do is one more key here, its count in
 * features/home/home.service.ts and its label and link in the renderer's home page. Of backupOverdue and noBackup
 * only one is given: the days since the newest backup, or that there is none at all. A federation gets its own to-dos
 * (centresOverdue, batchAlarms, duplicateFiles) instead of the files' (FILE_TODOS), which it does not keep.
 */
export const HOME_TODOS = [
  'myDrafts',
  'drafts',
  'awaitingVisit',
  'visitExpired',
  'noticeEnding',
  'noticeEnded',
  'approval',
  'annualReview',
  'reviewDue',
  'objectionOpen',
  'inProgress',
  'importsWaiting',
  'auditAlarms',
  'backupOverdue',
  'noBackup',
  'policyMissing',
  // A federation's (its files, roster and aid are its centres', under 各中心): centres overdue, batch alarms not yet
  // looked into, people in files of two centres.
  'centresOverdue',
  'batchAlarms',
  'duplicateFiles',
  // Aid and the exchange (issue 13): payments waiting for a reviewer's approval (待审核), batches sent to the
  // federation with no receipt back yet.
  'paymentsPending',
  'batchesUnacknowledged',
] as const;
export type HomeTodo = (typeof HOME_TODOS)[number];

export const homeChannels = {
  /** The signed-in user's to-dos: only those of their role, each with its count (0 included). */
  'home.todo': channel({
    input: z.object({}),
    output: z.object({
      today: isoDate,
      items: z.array(z.object({ key: z.enum(HOME_TODOS), count: z.number().int().min(0) })),
    }),
    access: 'viewer',
    mutates: false,
  }),
};
