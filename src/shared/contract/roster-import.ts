import { z } from 'zod';
import { channel, fileRef, isoInstant, jobChannel } from './define';

/** Member fields a roster column can map to (the core suggests a mapping from the header; the clerk confirms it). */
export const ROSTER_IMPORT_FIELDS = [
  'name',
  'gender',
  'idNumber',
  'birthDate',
  'ethnicity',
  'phone',
  'unit',
  'union',
  'joinedOn',
  'cardNo',
  'status',
  'note',
] as const;
export const rosterImportField = z.enum(ROSTER_IMPORT_FIELDS);
export type RosterImportField = z.infer<typeof rosterImportField>;
/** Without these a row cannot become a member: an import cannot start until the clerk maps them. */
export const REQUIRED_IMPORT_FIELDS: readonly RosterImportField[] = ['name', 'idNumber'];

/** field → 0-based column of the sheet; fields left out are not imported. */
export const columnMapping = z.partialRecord(rosterImportField, z.number().int().min(0).max(255));
export type ColumnMapping = z.infer<typeof columnMapping>;

/** What to do with a row whose ID number is already in the roster. */
export const duplicatePolicy = z.enum(['update', 'skip', 'stop']);
export type DuplicatePolicy = z.infer<typeof duplicatePolicy>;

/** Why a row was rejected: a field and a problem code (worded by the renderer and in the rejected-rows file). */
export const rowProblem = z.object({
  field: z.union([rosterImportField, z.literal('row')]),
  problem: z.string(),
  /** e.g. the other row number of a duplicate in the file. */
  params: z.record(z.string(), z.union([z.string(), z.number()])).optional(),
});
export type RowProblem = z.infer<typeof rowProblem>;

/**
 * A row imported with a change the clerk should know of (docs/architecture.md §5: every row validated, a clear word
 * for each): an optional field the row gets empty (phone, 民族, 入会日期, an over-long text), a gender or birth date
 * that follows the ID number instead of the sheet, or a notice about the ID number itself (15 → 18 digits, a
 * region code no longer in use). `problem` uses the codes of rowProblem (plus TOO_LONG and the ID warnings);
 * params.value is the cell as written (cut to a few dozen characters), params.gender what the ID number says,
 * params.max the longest text kept.
 */
export const rowWarning = z.object({
  field: rosterImportField,
  problem: z.string(),
  params: z.record(z.string(), z.union([z.string(), z.number()])).optional(),
});
export type RowWarning = z.infer<typeof rowWarning>;

/** Rows imported with warnings: how many, and how many rows have each kind (field + problem), most frequent first. */
export const importWarningCounts = z.object({
  rows: z.number().int(),
  kinds: z.array(z.object({ field: rosterImportField, problem: z.string(), rows: z.number().int() })),
});
export type ImportWarningCounts = z.infer<typeof importWarningCounts>;

export const importCounts = z.object({
  rows: z.number().int(),
  new: z.number().int(),
  updated: z.number().int(),
  unchanged: z.number().int(),
  skipped: z.number().int(),
  rejected: z.number().int(),
});
export type ImportCounts = z.infer<typeof importCounts>;

const source = z.object({ uploadId: z.string(), fileName: z.string().max(255) });
const plan = source.extend({ mapping: columnMapping, policy: duplicatePolicy });

export const rosterImportChannels = {
  /** Reads the header of a picked file: the detected header row, a suggested mapping and the first rows. */
  'rosterImport.inspect': channel({
    input: source,
    output: z.object({
      format: z.enum(['xlsx', 'xls', 'csv']),
      sheetName: z.string(),
      encoding: z.string().nullable(),
      fileHash: z.string(),
      headerRowNumber: z.number().int().nullable(),
      headers: z.array(z.string()),
      suggested: columnMapping,
      missingRequired: z.array(rosterImportField),
      /** The first rows under the header, as text, so the clerk can check the mapping. */
      sample: z.array(z.array(z.string())),
      /** The same file (by content hash) was imported before. */
      previousImport: z.object({ at: isoInstant, userName: z.string().nullable() }).nullable(),
    }),
    access: 'clerk',
    mutates: false,
  }),
  /** Validates every row with the clerk's mapping and policy and counts what a commit would do. Writes nothing. */
  'rosterImport.preview': jobChannel({
    input: plan,
    result: z.object({
      counts: importCounts,
      /** The first rejected rows with their reasons (all of them go into the rejected-rows file). */
      rejected: z.array(z.object({ rowNumber: z.number().int(), problems: z.array(rowProblem) })),
      /** Rows whose ID number is already in the roster (the policy decides). */
      existing: z.number().int(),
      /**
       * Warnings of the rows a commit would write (new or updated), and the first of them (all of them go into
       * the rejected-rows file's 提示 sheet).
       */
      warnings: importWarningCounts.extend({ first: z.array(rowWarning.extend({ rowNumber: z.number().int() })) }),
    }),
    access: 'clerk',
    mutates: false,
  }),
  /** Applies the file: all of it or, on any error or cancel, nothing. Rejected rows are left out and counted. */
  'rosterImport.commit': jobChannel({
    input: plan,
    result: z.object({ importId: z.string(), counts: importCounts, warnings: importWarningCounts }),
    access: 'clerk',
    mutates: true,
  }),
  /**
   * The rejected rows as .xlsx: the sheet's own columns plus 原因, for the grassroots union to fix and resend; and,
   * when rows were imported with warnings, a second sheet 提示 (row, column, the cell as written, what was done).
   */
  'rosterImport.rejectedFile': jobChannel({
    input: plan,
    result: fileRef,
    access: 'clerk',
    mutates: false,
  }),
  'rosterImport.history': channel({
    input: z.object({}).strict(),
    output: z.object({
      imports: z.array(
        z.object({
          id: z.string(),
          at: isoInstant,
          userName: z.string().nullable(),
          fileName: z.string(),
          fileHash: z.string(),
          counts: importCounts,
        }),
      ),
    }),
    access: 'viewer',
    mutates: false,
  }),
};
