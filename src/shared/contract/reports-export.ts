import { z } from 'zod';
import { fileRef, jobChannel } from './define';
import { reportTablesInput } from './reports';

export const REPORT_FORMATS = ['xlsx', 'pdf'] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];

export const reportsExportInput = reportTablesInput.extend({ format: z.enum(REPORT_FORMATS) });

export const reportsExportChannels = {
  /**
   * The tables asked for, computed now as reports.tables computes them, as one file in the federation's layout: a
   * workbook with a worksheet per table, or an A4-landscape PDF with each table starting a page (issue 13). Viewers
   * may export what they may see; the audit entry names the period, the format and how many tables (no personal data).
   */
  'reports.export': jobChannel({ input: reportsExportInput, result: fileRef, access: 'viewer', mutates: true }),
};
