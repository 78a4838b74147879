import { z } from 'zod';
import { CAUSES, ENTRY_KINDS, WORKER_TYPES } from '../domain/hardship-codes';
import { FILE_STATUSES } from '../domain/hardship-lifecycle';
import { HARDSHIP_CATEGORIES } from '../domain/means-test';
import { aidType, paymentStatus } from './aid-types';
import { channel, isoDate, uuid } from './define';

/**
 * Reports (统计报表, docs/domain.md "Reports"): the federation's tables computed from the records as they stood at the
 * end of the as-of day, never stored. One call gives the sheets asked for (src/shared/domain/report-sheet.ts), the
 * same model the screen shows and the .xlsx and PDF writers print; each number with a list behind it carries a drill
 * key that `reports.drill` turns back into that list.
 */

/** The tables, in the order the screen's tabs and the workbook's sheets follow. */
export const REPORT_TABLES = ['households', 'causes', 'movements', 'aid', 'education', 'festival', 'people'] as const;
export type ReportTableId = (typeof REPORT_TABLES)[number];

const year = z.number().int().min(2000).max(2100);

/** src/shared/domain/report-period.ts's ReportPeriod; a range's ends are real days, from ≤ to. */
export const reportPeriod = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('month'), year, month: z.number().int().min(1).max(12) }),
  z.object({ kind: z.literal('quarter'), year, quarter: z.union([z.literal(1), z.literal(2), z.literal(3), z.literal(4)]) }),
  z.object({ kind: z.literal('year'), year }),
  z.object({ kind: z.literal('range'), from: isoDate, to: isoDate }).refine((r) => r.from <= r.to, { message: 'BAD_DATE', path: ['to'] }),
]);

export const sheetCell = z.object({
  text: z.string().optional(),
  count: z.number().int().optional(),
  fen: z.number().int().optional(),
  colSpan: z.number().int().min(1).optional(),
  rowSpan: z.number().int().min(1).optional(),
  drill: z.string().optional(),
});

export const reportSheet = z.object({
  name: z.string().max(31),
  title: z.string(),
  reportingUnit: z.string(),
  period: z.string(),
  asOf: z.string(),
  computedAt: z.string(),
  unitsNote: z.string().optional(),
  header: z.array(z.array(sheetCell)),
  body: z.array(z.array(sheetCell)),
  totals: z.array(sheetCell).optional(),
  notes: z.array(z.string()).optional(),
  filledOn: isoDate,
});

/**
 * Federation mode only: whose records a report counts, one centre (its credit code) or ALL_CENTRES (各中心合计, also
 * what no scope means there). A centre refuses it (REPORT_SCOPE_FEDERATION_ONLY).
 */
export const ALL_CENTRES = 'all';
export const reportCentre = z.union([z.literal(ALL_CENTRES), z.string().trim().min(1).max(40)]);

export const reportTablesInput = z.object({
  tables: z.array(z.enum(REPORT_TABLES)).min(1).max(REPORT_TABLES.length),
  period: reportPeriod,
  /** The day the numbers are computed as of (records as they stood at its end, local time). */
  asOf: isoDate,
  centre: reportCentre.optional(),
});

/** A file behind a number: enough for a clerk to find it, and its id for the link to the file's page. */
export const drillFileRow = z.object({
  fileId: uuid,
  fileNo: z.string().nullable(),
  headName: z.string(),
  /** Masked as the lists mask it (maskIdNumber): never the whole number on a list. */
  headIdMasked: z.string(),
  category: z.enum(HARDSHIP_CATEGORIES).nullable(),
  workerType: z.enum(WORKER_TYPES),
  entryKind: z.enum(ENTRY_KINDS),
  mainCause: z.enum(CAUSES).nullable(),
  /** The file's status now (the report may be as of an earlier day). */
  status: z.enum(FILE_STATUSES),
  /** The day the step the number counts took effect (entry, exit, closing), when the number counts a step. */
  stepOn: isoDate.nullable(),
  /** Federation mode: the centre the file came from (its code and name); the link goes to its read-only page. */
  centreCode: z.string().optional(),
  centreName: z.string().optional(),
});

/** A payment behind an amount or a count of the aid tables (helper features: DRILL_HANDLERS 'payments'). */
export const drillPaymentRow = z.object({
  paymentId: uuid,
  fileId: uuid.nullable(),
  fileNo: z.string().nullable(),
  recipientName: z.string(),
  recipientIdMasked: z.string(),
  type: aidType,
  programName: z.string(),
  amountFen: z.number().int(),
  paidOn: isoDate.nullable(),
  status: paymentStatus,
  voucherNo: z.string().nullable(),
  /** Federation mode: the centre that paid it. */
  centreCode: z.string().optional(),
  centreName: z.string().optional(),
});

export const drillOutput = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('files'), rows: z.array(drillFileRow), total: z.number().int().min(0) }),
  z.object({ kind: z.literal('payments'), rows: z.array(drillPaymentRow), total: z.number().int().min(0) }),
]);

export type ReportTablesInput = z.output<typeof reportTablesInput>;
export type DrillFileRow = z.output<typeof drillFileRow>;
export type DrillPaymentRow = z.output<typeof drillPaymentRow>;
export type DrillOutput = z.output<typeof drillOutput>;

export const reportsChannels = {
  /** The sheets asked for, computed now from the records as of the day (viewers included: they see where files stand). */
  'reports.tables': channel({
    input: reportTablesInput,
    output: z.object({ sheets: z.array(reportSheet), computedAt: z.string() }),
    access: 'viewer',
    mutates: false,
  }),
  /** The list behind a number: the drill key a sheet's cell carries, a page of it and the whole count. */
  'reports.drill': channel({
    input: z.object({
      key: z.string().min(1).max(2000),
      limit: z.number().int().min(1).max(500).default(50),
      offset: z.number().int().min(0).default(0),
      /** As the sheets were asked for (federation mode: the centre or all). */
      centre: reportCentre.optional(),
    }),
    output: drillOutput,
    access: 'viewer',
    mutates: false,
  }),
};
