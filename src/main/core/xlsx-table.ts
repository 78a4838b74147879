import type ExcelJS from 'exceljs';

/**
 * A sheet of one table for a workbook handed on (信息比对's results, 重复核查): a bold shaded header row frozen at the
 * top, the rows, the columns' widths, and every cell text (a masked ID or a file number must not be read as a number)
 * except the columns named in `numberFormats` (e.g. '0.00' for yuan). An empty table says （无）.
 */
export function addTextTable(
  workbook: ExcelJS.Workbook,
  name: string,
  header: string[],
  rows: (string | number)[][],
  widths: number[],
  numberFormats: Record<number, string> = {},
): ExcelJS.Worksheet {
  const sheet = workbook.addWorksheet(name, { views: [{ state: 'frozen', ySplit: 1 }] });
  const head = sheet.addRow(header);
  head.font = { bold: true };
  head.eachCell((cell) => (cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE8EEF4' } }));
  for (const row of rows) sheet.addRow(row);
  widths.forEach((width, i) => (sheet.getColumn(i + 1).width = width));
  sheet.columns.forEach((column, i) => (column.numFmt = numberFormats[i] ?? '@'));
  if (rows.length === 0) sheet.addRow(['（无）']);
  return sheet;
}
