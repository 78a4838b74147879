import type { ReportSheet } from '@shared/domain/report-sheet';
import { renderPdf } from '../pdf';
import { reportTableDocument } from '../pdf/documents/report-table';
import { reportWorkbook } from './report-xlsx';
import { asOfDay } from './sheet-grid';

export type ReportFormat = 'xlsx' | 'pdf';

export const REPORT_MIME: Record<ReportFormat, string> = {
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  pdf: 'application/pdf',
};

export interface ReportFile {
  name: string;
  mime: string;
  bytes: Buffer;
}

/**
 * The report tables as one file: a workbook with a worksheet per table, or a PDF with each table starting a page.
 * Both are written from the same sheets, so they print the same numbers and totals. `printedAt` is the moment the
 * numbers were computed (the PDF's creation date, so the same run gives the same bytes).
 */
export async function writeReportFile(
  sheets: ReportSheet[],
  format: ReportFormat,
  /** scope: a federation's report, the centre's name or 各中心合计 (in the file's name; each title names it too). */
  options: { fontsDir: string; printedAt: Date; periodEnd?: string; scope?: string },
): Promise<ReportFile> {
  const bytes =
    format === 'xlsx'
      ? await reportWorkbook(sheets)
      : await renderPdf(reportTableDocument(sheets, options.printedAt), { fontsDir: options.fontsDir });
  return { name: reportFileName(sheets, format, options.periodEnd, options.scope), mime: REPORT_MIME[format], bytes };
}

/**
 * 统计报表-2026年第三季度.xlsx for several tables, 困难职工家庭致困原因统计表-2026年第三季度.pdf for one; the as-of day
 * is added when it is not the period's natural end (the same quarter computed again later is told apart by it).
 */
export function reportFileName(sheets: ReportSheet[], format: ReportFormat, periodEnd?: string, scope?: string): string {
  const first = sheets[0];
  const what = sheets.length === 1 && first ? first.title : scope ? `统计报表（${scope}）` : '统计报表';
  const period = (first?.period ?? '').replace(/\s+/g, '');
  const day = first ? asOfDay(first.asOf) : '';
  const asOf = periodEnd && day && day !== periodEnd ? `（截至${day}）` : '';
  // Characters no file system takes, and none that would hide the extension.
  const base = [...`${what}-${period}${asOf}`].filter((c) => c >= ' ' && !'\\/:*?"<>|'.includes(c)).join('');
  return `${base}.${format}`;
}
