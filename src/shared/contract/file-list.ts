import { z } from 'zod';
import { CAUSES, RELATIONS } from '../domain/hardship-codes';
import { FILE_STATUSES } from '../domain/hardship-lifecycle';
import { HARDSHIP_CATEGORIES } from '../domain/means-test';
import { isoInstant, uuid } from './define';

/* The hardship files as lists show them: a row with its flags, the list's search and filters (shared by the list,
 * its 台账 export and the home page's counts), and a member's files. The channels are in hardship.ts. */

export const fileStatus = z.enum(FILE_STATUSES);

/**
 * What a file's row in the list is flagged for: the annual review is due, the notice ends within the next working
 * days (a reviewer's week to plan), the notice is over (ready for approval), nothing changed for a year; and, while
 * a file needs its six-clears visit (submitted to the annual review's end), no valid visit yet (none, not clear or
 * not signed) or a valid one older than the policy's visit validity.
 */
export const FILE_FLAGS = ['reviewDue', 'noticeEnding', 'noticeEnded', 'stale', 'awaitingVisit', 'visitExpired', 'objectionOpen'] as const;
export const fileFlag = z.enum(FILE_FLAGS);

export const fileSummary = z.object({
  id: uuid,
  fileNo: z.string().nullable(),
  status: fileStatus,
  headName: z.string(),
  headIdNumberMasked: z.string(),
  unitName: z.string().nullable(),
  category: z.enum(HARDSHIP_CATEGORIES).nullable(),
  updatedAt: isoInstant,
  flags: z.array(fileFlag),
});

/** The list's search box and filters: what the list shows is what is exported. */
export const fileSelection = z.object({
  /** Name part, pinyin or initials, ID tail (or whole, per the role), the head's phone tail, file number. */
  query: z.string().max(100).default(''),
  status: fileStatus.optional(),
  category: z.enum(HARDSHIP_CATEGORIES).optional(),
  flag: fileFlag.optional(),
  /** The work unit (工作单位) of the file's head, as the roster has it; files of non-members have none. */
  unitId: uuid.optional(),
  /** Only the files the signed-in user entered (a clerk's own drafts, from the home page). */
  mine: z.boolean().optional(),
  /** Only the files in force (在档 or 复核中): the households the director's charts count (dashboard.charts). */
  inForce: z.boolean().optional(),
  /** The draft's main cause (致困原因), or 'none' for the files with none recorded. */
  mainCause: z.enum([...CAUSES, 'none']).optional(),
});

/** One of a member's files, on the member's page. */
export const memberFile = z.object({
  id: uuid,
  fileNo: z.string().nullable(),
  status: fileStatus,
  headName: z.string(),
  /** 'self' when the member is the file's head, else their relation to the head as the household list has it. */
  relation: z.enum(RELATIONS),
  category: z.enum(HARDSHIP_CATEGORIES).nullable(),
  updatedAt: isoInstant,
});
