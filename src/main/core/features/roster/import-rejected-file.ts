import ExcelJS from 'exceljs';
import type { ColumnMapping, RowProblem } from '@shared/contract/roster-import';
import { cellText, type CellValue } from './import';
import { fieldText, problemText, warningText } from './import-reasons';
import type { KeptWarning } from './import-warnings';

export interface RejectedFileContent {
  /** The sheet's header, by column. */
  headers: string[];
  mapping: ColumnMapping;
  rejected: { rowNumber: number; problems: RowProblem[]; cells: CellValue[] }[];
  warnings: KeptWarning[];
  /** Warnings counted but not kept (an import of a huge, systematically wrong sheet). */
  warningsLeft: number;
}

/**
 * The file that goes back to the grassroots union: sheet 未导入的行 holds the rejected rows in the sheet's own
 * columns plus 原因; sheet 提示 (when rows were imported with warnings) row, column, the cell as the sheet had it and
 * what was done. Nothing in it that the union's sheet did not hold: the 提示 sheet quotes only the cell it is about,
 * and not even that for an ID number or an over-long text (the row and column point to it).
 */
export async function rejectedRowsWorkbook(content: RejectedFileContent): Promise<Buffer> {
  const { headers, rejected } = content;
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('未导入的行');
  const width = Math.max(headers.length, ...rejected.map((r) => r.cells.length));
  const columnNames = Array.from({ length: width }, (_, i) => headers[i] || `第${i + 1}列`);
  sheet.addRow(['原行号', ...columnNames, '原因']).font = { bold: true };
  for (const row of rejected) {
    // Every cell as text: an ID number must not become a number again in the file we hand back.
    const cells = Array.from({ length: width }, (_, i) => (row.cells[i] == null ? '' : (cellText(row.cells[i]!) ?? '')));
    sheet.addRow([row.rowNumber, ...cells, row.problems.map(problemText).join('；')]);
  }
  sheet.columns.forEach((column) => (column.numFmt = '@'));

  if (content.warnings.length > 0) {
    const notes = workbook.addWorksheet('提示');
    notes.addRow(['原行号', '列', '原值', '处理']).font = { bold: true };
    for (const warning of content.warnings) {
      const column = content.mapping[warning.field];
      const columnName = (column !== undefined && headers[column]) || fieldText(warning.field);
      const value = warning.params?.value;
      notes.addRow([warning.rowNumber, columnName, typeof value === 'string' ? value : '', warningText(warning)]);
    }
    if (content.warningsLeft > 0)
      notes.addRow(['', '', '', `另有 ${content.warningsLeft} 条提示未列出：同一列的同类问题，请按以上各行的方式核对`]);
    [8, 16, 24, 48].forEach((width, i) => (notes.getColumn(i + 1).width = width));
    notes.getColumn(3).numFmt = '@';
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
