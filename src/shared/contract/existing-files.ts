import { z } from 'zod';
import { EXISTING_FILE_FIELDS, IMPORT_DECISIONS, IMPORT_STATUSES, type ImportDecision } from '../domain/existing-files';
import { WORKER_TYPES } from '../domain/hardship-codes';
import { HARDSHIP_CATEGORIES } from '../domain/means-test';
import { isoDate, isoInstant, uuid } from './define';

/*
 * The old-files import (存量档案): what the sheet's check says, and a staged import as the second person deciding it
 * sees it (docs/domain.md "Hardship file"). The channels are with the hardship files' (hardship.ts).
 */

/** Why a row of an old-files sheet cannot be imported (the renderer words each; `detail` fills it in). */
export const EXISTING_ROW_PROBLEMS = [
  'REQUIRED',
  'ID_INVALID', // detail: the IdProblem
  'ID_TWICE', // detail: the earlier row
  'FILE_OPEN', // the head already has a file not ended in the program
  'CATEGORY_UNKNOWN', // detail: the word
  'DATE_INVALID',
  'DATE_FUTURE',
  'FILE_NO_FORMAT',
  'FILE_NO_TAKEN', // detail: the earlier row, or null when a file in the program has it
  'WORKER_TYPE_UNKNOWN',
  'CAUSE_UNKNOWN',
  'MIGRANT_NOT_MEMBER',
  'MEMBER_LEFT', // the roster has the head as transferred out, withdrawn or deceased
  'NAME_DIFFERS', // the roster has another name for this ID number
] as const;

export const existingFilesCheck = z.object({
  sheetName: z.string(),
  /** Data rows below the header. */
  rows: z.number().int(),
  /** Required columns the header row does not have (then no row is read). */
  missingColumns: z.array(z.enum(EXISTING_FILE_FIELDS)),
  /** The first problems, in row order (problemCount has them all). */
  problems: z.array(
    z.object({
      row: z.number().int(),
      field: z.enum(EXISTING_FILE_FIELDS),
      problem: z.enum(EXISTING_ROW_PROBLEMS),
      detail: z.string().nullable(),
    }),
  ),
  problemCount: z.number().int(),
  /** Each category word found, the category it becomes, and how many rows carry it. */
  categories: z.array(z.object({ word: z.string(), category: z.enum(HARDSHIP_CATEGORIES), count: z.number().int() })),
  members: z.number().int(),
  nonMembers: z.number().int(),
  keptNumbers: z.number().int(),
  newNumbers: z.number().int(),
});

export const importDecision = z.enum(Object.keys(IMPORT_DECISIONS) as [ImportDecision, ...ImportDecision[]]);

/** An import of old files as the one deciding it sees it: the check the clerk saw, and each staged file. */
export const fileImportView = z.object({
  id: uuid,
  status: z.enum(IMPORT_STATUSES),
  sheetName: z.string(),
  stagedBy: z.string().nullable(),
  stagedAt: isoInstant,
  summary: existingFilesCheck,
  rows: z.array(
    z.object({
      row: z.number().int(),
      fileId: uuid,
      headName: z.string(),
      headIdNumberMasked: z.string(),
      category: z.enum(HARDSHIP_CATEGORIES),
      categoryWord: z.string(),
      approvedOn: isoDate,
      /** The number the sheet keeps; null: the program numbers the file when the import is confirmed. */
      fileNo: z.string().nullable(),
      /** 原档案编号: the sheet's own number when not in the national form (the file is numbered at confirmation). */
      legacyNo: z.string().nullable(),
      workerType: z.enum(WORKER_TYPES),
      isMember: z.boolean(),
    }),
  ),
  /** For the signed-in user: each decision with what stands in its way (codes, as files.act's blockers). */
  decisions: z.array(z.object({ decision: importDecision, blockers: z.array(z.object({ code: z.string() }).passthrough()) })),
});
export type FileImportView = z.infer<typeof fileImportView>;
