import type { HomeTodo } from '@shared/contract/home';

/**
 * Where each to-do's count leads: the list behind it, filtered alike (FilesPage reads its filters from these search
 * params, files-url-filters.ts), so the list shows exactly the files counted.
 */
export const TODO_LINKS: Record<HomeTodo, string> = {
  myDrafts: '/files?status=draft&mine=1',
  drafts: '/files?status=draft',
  awaitingVisit: '/files?flag=awaitingVisit',
  visitExpired: '/files?flag=visitExpired',
  noticeEnding: '/files?flag=noticeEnding',
  noticeEnded: '/files?flag=noticeEnded',
  approval: '/files?status=approval',
  annualReview: '/files?status=annualReview',
  reviewDue: '/files?flag=reviewDue',
  objectionOpen: '/files?flag=objectionOpen',
  // The list filters one status at a time: the files in progress are its files sorted as usual, unfiltered.
  inProgress: '/files',
  // The imports waiting are listed at the top of the files page.
  importsWaiting: '/files',
  auditAlarms: '/audit',
  backupOverdue: '/backup',
  noBackup: '/backup',
  policyMissing: '/policy',
  centresOverdue: '/federation/centres?overdue=1',
  batchAlarms: '/exchange/received',
  duplicateFiles: '/federation/duplicates',
  paymentsPending: '/aid/payments?status=pending',
  batchesUnacknowledged: '/exchange-batches',
};

/** A count worth a colour when it is not zero: red for what is late or alarming, orange for what is due soon. */
export const TODO_COLORS: Partial<Record<HomeTodo, string>> = {
  visitExpired: 'red',
  noticeEnded: 'orange',
  noticeEnding: 'orange',
  approval: 'orange',
  reviewDue: 'orange',
  objectionOpen: 'orange',
  importsWaiting: 'orange',
  auditAlarms: 'red',
  backupOverdue: 'red',
  noBackup: 'red',
  policyMissing: 'red',
  centresOverdue: 'orange',
  batchAlarms: 'red',
  duplicateFiles: 'orange',
  paymentsPending: 'orange',
  batchesUnacknowledged: 'orange',
};

/** To-dos that are a fact, not a number (no backup at all): their row shows the words alone. */
export const TODO_WITHOUT_COUNT: ReadonlySet<HomeTodo> = new Set(['noBackup']);

/**
 * The page's cards, in order, each with its to-dos; a card whose to-dos the role does not see is left out. The
 * director's charts come as cards of their own below (HomePage, DashboardCharts).
 */
export const TODO_CARDS = [
  { key: 'entry', todos: ['myDrafts', 'drafts', 'inProgress', 'awaitingVisit', 'visitExpired', 'importsWaiting'] },
  { key: 'decisions', todos: ['noticeEnding', 'noticeEnded', 'objectionOpen', 'approval', 'annualReview', 'reviewDue'] },
  { key: 'aid', todos: ['paymentsPending', 'batchesUnacknowledged'] },
  { key: 'centres', todos: ['centresOverdue', 'batchAlarms', 'duplicateFiles'] },
  { key: 'office', todos: ['auditAlarms', 'backupOverdue', 'noBackup', 'policyMissing'] },
] as const satisfies readonly { key: string; todos: readonly HomeTodo[] }[];
