import { z } from 'zod';
import { COMPARE_LIST_KINDS } from '../domain/compare-list';
import { channel, fileRef, isoInstant, jobChannel, okOutput } from './define';

/** 信息比对 (docs/domain.md "Comparison with outside lists"): another body's list imported, compared with our files. */

export const compareListKind = z.enum(COMPARE_LIST_KINDS);

/** Which column holds the ID number and the name (0-based), and which other columns the clerk keeps (at most 8). */
export const compareMapping = z
  .object({
    idNumber: z.number().int().min(0).max(255),
    name: z.number().int().min(0).max(255),
    extras: z.array(z.number().int().min(0).max(255)).max(8).default([]),
  })
  // A careless pick (the name column chosen as the ID column too) would compare names as ID numbers.
  .refine((m) => m.name !== m.idNumber, { path: ['name'], message: 'SAME_COLUMN' });
export type CompareMapping = z.infer<typeof compareMapping>;

/** A row left out of the list: its row number in the file and why (an ID problem code, DUPLICATE_IN_FILE). */
export const compareRowProblem = z.object({
  rowNumber: z.number().int(),
  problem: z.string(),
  /** For DUPLICATE_IN_FILE: the row the ID number was first seen on. */
  firstRow: z.number().int().optional(),
});

const upload = z.object({ uploadId: z.string(), fileName: z.string().max(255) });

export const compareList = z.object({
  id: z.string(),
  source: z.string(),
  kind: compareListKind,
  fileName: z.string(),
  extraHeaders: z.array(z.string()),
  rows: z.number().int(),
  rejected: z.number().int(),
  importedAt: isoInstant,
  importedBy: z.string().nullable(),
});
export type CompareList = z.infer<typeof compareList>;

export const COMPARE_VIEWS = ['matched', 'missing', 'outreach'] as const;
export const compareView = z.enum(COMPARE_VIEWS);
export type CompareView = z.infer<typeof compareView>;

export const compareCounts = z.object({
  /** List rows whose person is in one of our open files (head or household member). */
  matched: z.number().int(),
  /** Of those, rows whose name differs from ours. */
  nameMismatch: z.number().int(),
  /** Our 在档 households that should be on a list of this kind and are not (null: the kind expects nobody). */
  missing: z.number().int().nullable(),
  /** List rows with no open file of ours. */
  outreach: z.number().int(),
});
export type CompareCounts = z.infer<typeof compareCounts>;

/** One line of a result list. ID numbers masked; the file's id links to it. */
export const compareLine = z.object({
  rowNumber: z.number().int().nullable(),
  listName: z.string().nullable(),
  idNumberMasked: z.string(),
  fileId: z.string().nullable(),
  fileNo: z.string().nullable(),
  fileStatus: z.string().nullable(),
  category: z.string().nullable(),
  headName: z.string().nullable(),
  ourName: z.string().nullable(),
  relation: z.string().nullable(),
  nameMismatch: z.boolean(),
  /** outreach: the person is in our member roster. */
  inRoster: z.boolean(),
  extra: z.array(z.string()),
});
export type CompareLine = z.infer<typeof compareLine>;

export const compareChannels = {
  /** Reads a picked list's header: columns, suggested ID-number and name columns, the first rows. */
  'compare.inspect': channel({
    input: upload,
    output: z.object({
      format: z.enum(['xlsx', 'xls', 'csv']),
      headerRowNumber: z.number().int().nullable(),
      headers: z.array(z.string()),
      suggested: z.object({ idNumber: z.number().int().nullable(), name: z.number().int().nullable() }),
      sample: z.array(z.array(z.string())),
    }),
    access: 'clerk',
    mutates: false,
  }),
  /** Imports a list: all of it or nothing. Rows with an invalid or repeated ID number are left out and reported. */
  'compare.import': jobChannel({
    input: upload.extend({ source: z.string().trim().min(1).max(60), kind: compareListKind, mapping: compareMapping }),
    result: z.object({ listId: z.string(), rows: z.number().int(), rejected: z.number().int(), problems: z.array(compareRowProblem) }),
    access: 'clerk',
    mutates: true,
  }),
  'compare.lists': channel({
    input: z.object({}).strict(),
    output: z.object({ lists: z.array(compareList) }),
    access: 'clerk',
    mutates: false,
  }),
  /** One page of one of the three result lists, with the counts of all three when asked. */
  'compare.results': channel({
    input: z.object({
      listId: z.string(),
      view: compareView,
      onlyNameMismatch: z.boolean().default(false),
      page: z.number().int().min(1).default(1),
      pageSize: z.number().int().min(1).max(200).default(50),
      /**
       * The counts of all three lists (a pass over the list and the files: about a second at 200,000 rows). The
       * screen asks once when it opens a list and keeps them, not for every page; without them `total` is null.
       */
      withCounts: z.boolean().default(true),
    }),
    output: z.object({
      list: compareList,
      counts: compareCounts.nullable(),
      total: z.number().int().nullable(),
      lines: z.array(compareLine),
    }),
    access: 'clerk',
    mutates: false,
  }),
  /** The comparison as .xlsx: one sheet per result list (ID numbers masked). */
  'compare.export': jobChannel({
    input: z.object({ listId: z.string() }),
    result: fileRef,
    access: 'clerk',
    mutates: true,
  }),
  /** Deletes a list and its rows for good (someone else's data): administrator only, logged. */
  'compare.delete': channel({
    input: z.object({ listId: z.string() }),
    output: okOutput,
    access: 'admin',
    mutates: true,
  }),
};
