/**
 * A report table as it is shown on screen (the renderer's ReportSheetView: numbers with a drill key are links),
 * exported to .xlsx (exceljs) and printed to PDF (pdfmake, A4 landscape) in the federation's layout: title, reporting
 * unit, period, merged headers, borders, a totals row, the signature line (填报人 / 审核人 / 单位负责人) and 填报日期.
 * The reports (src/main/core/features/reports) compute a table once and hand this model to the screen and to both
 * writers, so all three show the same numbers, totals included. Amounts are integer fen; the writers print them in
 * yuan with two decimals. Labels are the federation's Chinese forms, in either interface language.
 */

/** One cell: a text, a count, or an amount in fen. Spans merge cells to the right and down (headers). */
export interface SheetCell {
  text?: string;
  count?: number;
  fen?: number;
  colSpan?: number;
  rowSpan?: number;
  /**
   * The list behind a number (files or payments), an opaque key the screen hands back to the reports' drill-down
   * channel; the writers ignore it.
   */
  drill?: string;
}

export interface ReportSheet {
  /** Worksheet name (≤ 31 characters, no []:*?/\). */
  name: string;
  /** 困难职工家庭情况统计表 … */
  title: string;
  /** 填报单位: the office's name. */
  reportingUnit: string;
  /** 2026年第三季度 (periodLabel). */
  period: string;
  /** 截至 2026-09-30 */
  asOf: string;
  /** The moment the numbers were computed, local, printed on the sheet: 2026-10-08 09:12. */
  computedAt: string;
  /** 单位：户、人次、元 */
  unitsNote?: string;
  /** Header rows; a cell spanning rows appears once, in its first row. */
  header: SheetCell[][];
  /** Data rows, the same number of columns as the header once spans are counted. */
  body: SheetCell[][];
  /** 合计 row, computed once by the report. */
  totals?: SheetCell[];
  /** Lines printed under the table (a movements check, a definition). */
  notes?: string[];
  /** 填报日期, YYYY-MM-DD. */
  filledOn: string;
}
