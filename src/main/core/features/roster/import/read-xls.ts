import { read, set_cptable, type CellObject, type WorkBook } from '@e965/xlsx';
import * as cptable from '@e965/xlsx/dist/cpexcel.full.mjs';
import type { ByteFile } from './byte-file';
import { finishRow } from './cells';
import { spreadsheetError, tooLarge } from './errors';
import type { CellValue, ResolvedLimits, SheetRow, SheetSource } from './types';

/**
 * Old .xls (BIFF8, and BIFF5 from Excel 95) through SheetJS Community Edition as republished on npm by
 * @e965/xlsx (0.20.3, Apache-2.0): the `xlsx` package on npm stopped at 0.18.5, which has two known CVEs
 * (prototype pollution CVE-2023-30533, ReDoS CVE-2024-22363), both fixed in 0.20.x. Used for .xls only —
 * .xlsx goes through exceljs, which can stream.
 *
 * An .xls holds at most 65,536 rows, so it is parsed whole, after its size is checked. Formulas are not parsed
 * (cellFormula: false): each cell's value is the result Excel cached. Merged ranges keep their value in the
 * top-left cell only, the other cells are empty — the same as the .xlsx reader.
 */

// BIFF5 text is in the workbook's ANSI code page (936 for Chinese Excel 95); BIFF8 is Unicode and needs no table.
set_cptable(cptable);

/** BIFF error codes ([MS-XLS] 2.5.10 BErr) → the text Excel shows. */
const ERRORS: Record<number, string> = {
  0x00: '#NULL!',
  0x07: '#DIV/0!',
  0x0f: '#VALUE!',
  0x17: '#REF!',
  0x1d: '#NAME?',
  0x24: '#NUM!',
  0x2a: '#N/A',
  0x2b: '#GETTING_DATA',
};

function cellValue(cell: CellObject | undefined): CellValue {
  if (!cell) return null;
  switch (cell.t) {
    case 'n':
      return typeof cell.v === 'number' && Number.isFinite(cell.v) ? cell.v : null;
    case 's':
      return typeof cell.v === 'string' ? cell.v : null;
    case 'b':
      return cell.v === true;
    case 'd':
      // cellDates + SheetJS ≥ 0.20: a Date whose UTC parts are the date shown.
      return cell.v instanceof Date && !Number.isNaN(cell.v.getTime()) ? cell.v : null;
    case 'e':
      return typeof cell.v === 'number' ? (ERRORS[cell.v] ?? '#ERROR') : '#ERROR';
    default:
      return null;
  }
}

/** SheetJS speaks in messages; only two of them are worth telling the clerk apart from "damaged". */
function translate(error: unknown): Error {
  const message = error instanceof Error ? error.message : '';
  if (/password-protected|encrypt/i.test(message)) return spreadsheetError('encrypted');
  if (/Cannot find Workbook stream|not a spreadsheet|Unsupported/i.test(message)) return spreadsheetError('unsupported-format');
  return spreadsheetError('corrupt');
}

function parse(bytes: Buffer, limits: ResolvedLimits): WorkBook {
  try {
    return read(bytes, {
      type: 'buffer',
      dense: true,
      cellDates: true,
      cellFormula: false,
      cellHTML: false,
      cellText: false,
      cellNF: false,
      bookVBA: false,
      // One row past the limit, so that a longer sheet is refused rather than silently cut.
      sheetRows: limits.maxRows + 1,
    });
  } catch (error) {
    throw translate(error);
  }
}

function sheetRows(book: WorkBook, limits: ResolvedLimits): { name: string; rows: SheetRow[] } | null {
  for (const [i, name] of book.SheetNames.entries()) {
    if (book.Workbook?.Sheets?.[i]?.Hidden) continue;
    const data = (book.Sheets[name] as { '!data'?: (CellObject[] | undefined)[] } | undefined)?.['!data'];
    if (!data) continue;
    const rows: SheetRow[] = [];
    // Dense data is indexed by absolute 0-based row and column, so row r is row r + 1 in Excel.
    for (let r = 0; r < data.length; r++) {
      const source = data[r];
      if (!source) continue;
      const cells: CellValue[] = [];
      for (let c = 0; c < source.length; c++) cells[c] = cellValue(source[c]);
      const row = finishRow(cells, r + 1, limits);
      if (row) rows.push(row);
    }
    if (rows.length > 0) return { name, rows };
  }
  return null;
}

export async function openXls(file: ByteFile, limits: ResolvedLimits): Promise<SheetSource> {
  if (file.size > limits.maxBytes) throw tooLarge({ maxBytes: limits.maxBytes });
  const bytes = await file.readAll();
  if (bytes.length > limits.maxBytes) throw tooLarge({ maxBytes: limits.maxBytes }); // grew since stat
  const found = sheetRows(parse(bytes, limits), limits);
  if (!found) throw spreadsheetError('empty');
  let open = true;
  async function* rows(): AsyncGenerator<SheetRow> {
    for (const row of found!.rows) {
      if (!open) return;
      yield row;
    }
  }
  return {
    format: 'xls',
    sheetName: found.name,
    rows: rows(),
    close: async () => {
      open = false;
    },
  };
}
