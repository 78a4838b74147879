import ExcelJS from 'exceljs';
import type { ReportSheet, SheetCell } from '@shared/domain/report-sheet';
import {
  asOfDay,
  cellText,
  columnCount,
  columnEms,
  dayInWords,
  isNumber,
  placeRows,
  SIGNERS,
  textEms,
  type PlacedCell,
} from './sheet-grid';

/**
 * The report tables as one .xlsx workbook in the federation's layout, a worksheet per table: the title merged across
 * the table, 填报单位 and the period with its 截至 day, the units note, the header rows merged as the model spans them,
 * every table cell ruled, counts and amounts as numbers (amounts in yuan, two decimals), the 合计 row, the notes, the
 * signature line (填报人 / 审核人 / 单位负责人), 填报日期 and the moment the numbers were computed. Printed A4
 * landscape, fitted to the page's width, the header rows repeated on every page.
 */

const FONT = '宋体';
const SIZE = 10;
export const COUNT_FORMAT = '0';
export const YUAN_FORMAT = '#,##0.00';
const THIN = { style: 'thin' as const, color: { argb: 'FF000000' } };
const BORDER: Partial<ExcelJS.Borders> = { top: THIN, left: THIN, bottom: THIN, right: THIN };
const HEAD_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFEEEEEE' } };

/** A signature blank: ASCII low lines, which every spreadsheet prints as one rule. */
const BLANK = '_'.repeat(12);
/** The least width of a sheet, in column units: about two thirds of an A4 landscape page at 10 pt. */
const MIN_WIDTH = 100;

export async function reportWorkbook(sheets: ReportSheet[]): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = '帮扶工作台';
  // exceljs stamps the current time otherwise: the same numbers computed at the same moment give the same file.
  const stamp = computedDate(sheets[0]?.computedAt);
  workbook.created = stamp;
  workbook.modified = stamp;
  const names = new Set<string>();
  for (const sheet of sheets) writeSheet(workbook.addWorksheet(uniqueName(sheet.name, names)), sheet);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

function writeSheet(ws: ExcelJS.Worksheet, sheet: ReportSheet): void {
  const columns = columnCount(sheet);
  const widths = stretch(
    columnEms(sheet).map((ems) => Math.min(Math.max(Math.ceil(ems * 2.1) + 2, 6), 60)),
    Math.max(MIN_WIDTH, units(`填报单位：${sheet.reportingUnit}统计期间：${sheet.period}\u3000${sheet.asOf}`) + 8, units(signatures()) + 4),
  );
  widths.forEach((width, i) => (ws.getColumn(i + 1).width = width));
  const font = (more: Partial<ExcelJS.Font> = {}): Partial<ExcelJS.Font> => ({ name: FONT, size: SIZE, ...more });

  let row = 1;
  const across = (text: string, style: Partial<ExcelJS.Style>, height?: number) => {
    if (columns > 1) ws.mergeCells(row, 1, row, columns);
    const cell = ws.getCell(row, 1);
    cell.value = text;
    cell.style = style;
    if (height) ws.getRow(row).height = height;
    row++;
  };

  across(sheet.title, { font: font({ size: 16, bold: true }), alignment: { horizontal: 'center', vertical: 'middle' } }, 30);

  // 填报单位 on the left half, the period and its 截至 day on the right half (one cell when the table is one column wide).
  const half = Math.ceil(columns / 2);
  const unit = `填报单位：${sheet.reportingUnit}`;
  const period = `统计期间：${sheet.period}\u3000${sheet.asOf}`;
  if (columns > 1) {
    if (half > 1) ws.mergeCells(row, 1, row, half);
    if (columns - half > 1) ws.mergeCells(row, half + 1, row, columns);
    Object.assign(ws.getCell(row, 1), { value: unit, style: { font: font(), alignment: { horizontal: 'left' } } });
    Object.assign(ws.getCell(row, half + 1), { value: period, style: { font: font(), alignment: { horizontal: 'right' } } });
    row++;
  } else across(`${unit}\u3000${period}`, { font: font() });
  if (sheet.unitsNote) across(sheet.unitsNote, { font: font(), alignment: { horizontal: 'right' } });

  const headerStart = row;
  row = writeSection(ws, placeRows(sheet.header), row, 'header', widths);
  const headerEnd = row - 1;
  row = writeSection(ws, placeRows(sheet.body), row, 'body', widths);
  if (sheet.totals) row = writeSection(ws, placeRows([sheet.totals]), row, 'totals', widths);
  // Every cell of the table ruled, the ones a merge covers too (a merged range shows the borders of its cells).
  for (let r = headerStart; r < row; r++) for (let c = 1; c <= columns; c++) ws.getCell(r, c).border = BORDER;

  for (const note of sheet.notes ?? []) {
    const lines = Math.max(1, Math.ceil((textEms(note) * 2.1) / widths.reduce((a, b) => a + b, 0)));
    across(note, { font: font({ size: 9 }), alignment: { horizontal: 'left', vertical: 'top', wrapText: true } }, 14 * lines + 2);
  }
  row++;
  across(signatures(), { font: font() }, 24);
  across(
    `填报日期：${dayInWords(sheet.filledOn)}\u3000\u3000\u3000计算时间：${sheet.computedAt}（按${asOfDay(sheet.asOf)}日终的数据计算）`,
    {
      font: font({ size: 9 }),
    },
  );

  ws.pageSetup = {
    paperSize: 9, // A4
    orientation: 'landscape',
    fitToPage: true,
    fitToWidth: 1,
    fitToHeight: 0,
    horizontalCentered: true,
    margins: { left: 0.4, right: 0.4, top: 0.5, bottom: 0.6, header: 0.3, footer: 0.3 },
    ...(headerEnd >= headerStart ? { printTitlesRow: `${headerStart}:${headerEnd}` } : {}),
  };
  ws.headerFooter = { oddFooter: '&C第 &P 页 共 &N 页' };
  ws.views = [{ state: 'frozen', ySplit: headerEnd, xSplit: 0 }];
}

/** Writes a section's cells from `start`, merging spans; returns the first row after it. */
function writeSection(
  ws: ExcelJS.Worksheet,
  placed: PlacedCell[],
  start: number,
  kind: 'header' | 'body' | 'totals',
  widths: number[],
): number {
  let rows = 0;
  const lines = new Map<number, number>();
  for (const p of placed) {
    const top = start + p.row;
    const left = p.col + 1;
    rows = Math.max(rows, p.row + p.rowSpan);
    if (p.rowSpan > 1 || p.colSpan > 1) ws.mergeCells(top, left, top + p.rowSpan - 1, left + p.colSpan - 1);
    const cell = ws.getCell(top, left);
    write(cell, p.cell);
    const number = isNumber(p.cell);
    cell.style = {
      font: { name: FONT, size: SIZE, bold: kind !== 'body' },
      alignment: {
        horizontal: kind === 'header' ? 'center' : number ? 'right' : kind === 'totals' ? 'center' : 'left',
        vertical: 'middle',
        wrapText: kind === 'header',
      },
      ...(p.cell.fen !== undefined ? { numFmt: YUAN_FORMAT } : p.cell.count !== undefined ? { numFmt: COUNT_FORMAT } : {}),
      ...(kind === 'header' ? { fill: HEAD_FILL } : {}),
    };
    if (kind === 'header' && p.rowSpan === 1) {
      // Spreadsheets do not grow a row for wrapped text in a merged cell: the row is given the lines its labels need.
      const room = widths.slice(p.col, p.col + p.colSpan).reduce((a, b) => a + b, 0);
      const need = Math.ceil((textEms(cellText(p.cell)) * 2.1) / Math.max(room - 1, 1));
      lines.set(top, Math.max(lines.get(top) ?? 1, need));
    }
  }
  for (let r = start; r < start + rows; r++) ws.getRow(r).height = kind === 'header' ? 15 * (lines.get(r) ?? 1) + 6 : 18;
  return start + rows;
}

/** A count as an integer, an amount as yuan (fen / 100 is the double nearest the two-decimal value: no fen is lost). */
function write(cell: ExcelJS.Cell, model: SheetCell): void {
  if (model.fen !== undefined) cell.value = model.fen / 100;
  else if (model.count !== undefined) cell.value = model.count;
  else cell.value = model.text ?? '';
}

const signatures = () => SIGNERS.map((label) => `${label}：${BLANK}`).join('\u3000\u3000\u3000');

/** A text's width in Excel's column units (about two a CJK character at 10 pt). */
const units = (text: string) => Math.ceil(textEms(text) * 2.1);

/**
 * A narrow table is widened in proportion to at least `least` units, so the lines across it (填报单位 and the period,
 * the signature line) fit inside it and the printed page, fitted to the width, is filled about as the PDF fills it.
 */
function stretch(widths: number[], least: number): number[] {
  const total = widths.reduce((a, b) => a + b, 0);
  return total >= least ? widths : widths.map((w) => Math.round(((w * least) / total) * 10) / 10);
}

/** A worksheet name Excel accepts: no []:*?/\, at most 31 characters, unique in the workbook. */
export function uniqueName(name: string, taken: Set<string>): string {
  const clean =
    name
      .replace(/[[\]:*?/\\]/g, '')
      .trim()
      .slice(0, 31) || '报表';
  let candidate = clean;
  for (let n = 2; taken.has(candidate); n++) candidate = `${clean.slice(0, 31 - String(n).length - 2)}(${n})`;
  taken.add(candidate);
  return candidate;
}

/** "2026-10-08 09:12" as the workbook's created date (metadata only; the sheet prints the text itself). */
function computedDate(computedAt: string | undefined): Date {
  const match = /^(\d{4})-(\d{2})-(\d{2})[ T](\d{2}):(\d{2})/.exec(computedAt ?? '');
  if (!match) return new Date(0);
  const [, y, mo, d, h, mi] = match.map(Number) as number[];
  return new Date(Date.UTC(y!, mo! - 1, d!, h!, mi!));
}
