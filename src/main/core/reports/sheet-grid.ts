import { formatYuan } from '@shared/domain/money';
import type { ReportSheet, SheetCell } from '@shared/domain/report-sheet';

/**
 * Where each cell of a ReportSheet lands on the grid, shared by the .xlsx and the PDF writer so that both merge the
 * same ranges. The model lists a cell spanning rows once, in its first row (report-sheet.ts); the rows below skip the
 * columns it covers, as in an HTML table.
 */
export interface PlacedCell {
  /** 0-based row within its section (header, body or totals). */
  row: number;
  /** 0-based column. */
  col: number;
  rowSpan: number;
  colSpan: number;
  cell: SheetCell;
}

/** The cells of a section with their grid positions, left to right and top to bottom. */
export function placeRows(rows: SheetCell[][]): PlacedCell[] {
  const taken = new Set<string>();
  const placed: PlacedCell[] = [];
  rows.forEach((cells, row) => {
    let col = 0;
    for (const cell of cells) {
      while (taken.has(`${row}:${col}`)) col++;
      const rowSpan = Math.max(1, cell.rowSpan ?? 1);
      const colSpan = Math.max(1, cell.colSpan ?? 1);
      for (let r = row; r < row + rowSpan; r++) for (let c = col; c < col + colSpan; c++) taken.add(`${r}:${c}`);
      placed.push({ row, col, rowSpan, colSpan, cell });
      col += colSpan;
    }
  });
  return placed;
}

/** The widest extent of any section: the sheet's number of columns. */
export function columnCount(sheet: ReportSheet): number {
  const sections = [sheet.header, sheet.body, ...(sheet.totals ? [[sheet.totals]] : [])];
  let count = 1;
  for (const section of sections) for (const p of placeRows(section)) count = Math.max(count, p.col + p.colSpan);
  return count;
}

/** A cell as printed: a count as digits, an amount in yuan with two decimals and thousands separators (exact). */
export function cellText(cell: SheetCell): string {
  if (cell.fen !== undefined) return formatYuan(cell.fen);
  if (cell.count !== undefined) return String(cell.count);
  return cell.text ?? '';
}

/**
 * A text's printed width in em, erring wide: CJK and full-width forms 1 em, other characters about 0.6 em. The
 * writers size their columns from it (Excel's column unit is about half a CJK character).
 */
export function textEms(text: string): number {
  let width = 0;
  for (const char of text) width += (char.codePointAt(0) ?? 0) >= 0x2e80 ? 1 : 0.6;
  return width;
}

/**
 * Each column's wanted width in em: its widest body or totals text, and its header labels of one column, which may
 * wrap onto up to `headerLines` lines. A header spanning columns widens them evenly only if they are too narrow for it.
 */
export function columnEms(sheet: ReportSheet, headerLines = 2): number[] {
  const columns = columnCount(sheet);
  const ems = Array.from({ length: columns }, () => 2);
  const fit = (p: PlacedCell, lines: number) => {
    const wanted = textEms(cellText(p.cell)) / lines;
    const have = ems.slice(p.col, p.col + p.colSpan).reduce((a, b) => a + b, 0);
    if (wanted <= have) return;
    for (let c = p.col; c < p.col + p.colSpan; c++) ems[c]! += (wanted - have) / p.colSpan;
  };
  const values = [...placeRows(sheet.body), ...(sheet.totals ? placeRows([sheet.totals]) : [])];
  for (const p of values.filter((v) => v.colSpan === 1)) fit(p, 1);
  const header = placeRows(sheet.header);
  for (const p of header.filter((v) => v.colSpan === 1)) fit(p, headerLines);
  for (const p of [...values, ...header].filter((v) => v.colSpan > 1))
    fit(p, p.cell.count !== undefined || p.cell.fen !== undefined ? 1 : headerLines);
  return ems;
}

/** A cell holding a number, right-aligned by both writers. */
export const isNumber = (cell: SheetCell): boolean => cell.count !== undefined || cell.fen !== undefined;

/** "2026-10-08" → "2026年10月08日", how 填报日期 is printed on the federation's forms. */
export function dayInWords(day: string): string {
  const [y, m, d] = day.split('-');
  return `${y}年${m}月${d}日`;
}

/** The day of a sheet's `asOf` ("截至 2026-09-30" → "2026-09-30"), for the lines that name it in a sentence. */
export function asOfDay(asOf: string): string {
  return /\d{4}-\d{2}-\d{2}/.exec(asOf)?.[0] ?? asOf;
}

/** The labels of the signature line, in the federation's order. */
export const SIGNERS = ['填报人', '审核人', '单位负责人'] as const;
