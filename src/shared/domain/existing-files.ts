import { roleAllows } from '../roles';
import { secondPersonBlockers, type Actor, type Blocker } from './hardship-lifecycle';
import type { HardshipCategory } from './means-test';

/**
 * 存量档案: files a help centre kept before this program (in Excel, on paper), brought in as files already 在档.
 * docs/domain.md: "Old files may carry 特困 / 一般困难 / 低保户 / 低保边缘户: import them and map to the current three."
 */

/** The columns of an old-files sheet, as the screen lists them and the core finds them in the header row. */
export const EXISTING_FILE_FIELDS = ['name', 'idNumber', 'category', 'approvedOn', 'fileNo', 'workerType', 'mainCause'] as const;
export type ExistingFileField = (typeof EXISTING_FILE_FIELDS)[number];
export const REQUIRED_EXISTING_FIELDS: readonly ExistingFileField[] = ['name', 'idNumber', 'category', 'approvedOn'];

/** Header texts (as normalizeHeader leaves them: no spaces, brackets or punctuation), the usual one first. */
export const EXISTING_FILE_HEADERS: Record<ExistingFileField, readonly string[]> = {
  name: ['户主姓名', '姓名', '职工姓名', '困难职工姓名'],
  idNumber: ['身份证号', '身份证号码', '公民身份号码', '户主身份证号', '户主身份证号码', '身份证'],
  category: ['困难类别', '类别', '困难类型', '困难程度', '帮扶类别'],
  approvedOn: ['建档日期', '建档时间', '审批日期', '认定日期', '入档日期'],
  fileNo: ['档案编号', '档案号', '编号'],
  workerType: ['职工类型', '人员类型', '城镇职工农民工'],
  mainCause: ['主要致困原因', '致困原因', '困难原因'],
};

/**
 * The category words old files use, and today's category each becomes. 特困 and 低保户 lived below the 低保 line:
 * 深度困难. 低保边缘户 lived between the line and twice the line, as 一般困难 did: 相对困难. Today's three words
 * map to themselves. The next annual review runs the means test again and may change the category.
 */
export const OLD_CATEGORY_WORDS: Readonly<Record<string, HardshipCategory>> = {
  特困: 'deep',
  低保户: 'deep',
  一般困难: 'relative',
  低保边缘户: 'relative',
};
export const CATEGORY_WORDS: Readonly<Record<string, HardshipCategory>> = {
  深度困难: 'deep',
  相对困难: 'relative',
  意外致困: 'accident',
  ...OLD_CATEGORY_WORDS,
};

/** Words that only say whom the category is of: 特困职工, 低保边缘家庭, 一般困难户. */
const WHOSE = /(职工|家庭|户|类)$/;

/**
 * The category an old file's word stands for, and the word as the table has it (低保边缘家庭 and 低保边缘 are both
 * 低保边缘户), so that the clerk's summary counts them together; null for a word not known.
 */
export function categoryFromWord(text: string): { word: string; category: HardshipCategory } | null {
  const word = text.replace(/\s+/g, '');
  if (word === '') return null;
  const exact = CATEGORY_WORDS[word];
  if (exact) return { word, category: exact };
  const bare = word.replace(WHOSE, '');
  if (CATEGORY_WORDS[bare]) return { word: bare, category: CATEGORY_WORDS[bare] };
  const withHu = `${bare}户`;
  if (CATEGORY_WORDS[withHu]) return { word: withHu, category: CATEGORY_WORDS[withHu] };
  return null;
}

/** 城镇职工 or 农民工 as old sheets write it; blank means 城镇职工. */
export function workerTypeFromWord(text: string): 'urban' | 'migrant' | null {
  const word = text.replace(/\s+/g, '');
  if (word === '' || /^(城镇职工|城镇|职工)$/.test(word)) return 'urban';
  if (/^(困难)?农民工$/.test(word)) return 'migrant';
  return null;
}

/** 档案编号 as docs/domain.md "Identifiers" has it: 6-digit region code, 4-digit year, 5-digit sequence. */
export const FILE_NUMBER = /^(\d{6})(\d{4})(\d{5})$/;

/**
 * An import of old files puts them on record (在档) without the review steps a new file goes through, so it needs a
 * second person as approval does (docs/domain.md "Lifecycle"): the clerk's import stages the files (status staged,
 * no number); a reviewer or administrator who did not stage it confirms the batch or rejects it with a reason; the
 * one who staged it may withdraw it. Every decision ends the import: it is decided once.
 */
export const IMPORT_STATUSES = ['pending', 'confirmed', 'rejected', 'withdrawn'] as const;
export type ImportStatus = (typeof IMPORT_STATUSES)[number];

export const IMPORT_DECISIONS = {
  confirm: { to: 'confirmed', role: 'reviewer', by: 'secondPerson' },
  reject: { to: 'rejected', role: 'reviewer', by: 'secondPerson' },
  withdraw: { to: 'withdrawn', role: 'clerk', by: 'stager' },
} as const satisfies Record<string, { to: ImportStatus; role: 'clerk' | 'reviewer'; by: 'secondPerson' | 'stager' }>;
export type ImportDecision = keyof typeof IMPORT_DECISIONS;

export type ImportBlocker = Blocker | { code: 'IMPORT_DECIDED'; status: ImportStatus } | { code: 'NOT_STAGER' };

/** What stands in the way of `actor` deciding the import (empty: the decision may be taken). */
export function checkImportDecision(
  batch: { status: ImportStatus; stagedBy: string },
  decision: ImportDecision,
  actor: Actor,
  reason: string | null = null,
): ImportBlocker[] {
  if (batch.status !== 'pending') return [{ code: 'IMPORT_DECIDED', status: batch.status }];
  const rule = IMPORT_DECISIONS[decision];
  const blockers: ImportBlocker[] = roleAllows(actor.role, rule.role) ? [] : [{ code: 'ROLE', needs: rule.role }];
  if (rule.by === 'secondPerson') blockers.push(...secondPersonBlockers(actor, batch.stagedBy));
  else if (actor.id !== batch.stagedBy) blockers.push({ code: 'NOT_STAGER' });
  if (decision === 'reject' && (reason ?? '').trim() === '') blockers.push({ code: 'REASON_REQUIRED' });
  return blockers;
}
