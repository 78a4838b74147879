/**
 * What every roster reader hands to the later stages (header detection, validation, commit): the cells as the file
 * holds them, one row at a time, with the row number a clerk sees in Excel. Nothing is interpreted here — an ID
 * number that Excel stored as a number stays a number, so that validation can reject it with the right reason
 * (its last digits are already lost) instead of importing a corrupted ID.
 */

/**
 * One cell. Numbers stay numbers (IDs and phones typed into General cells arrive so). Dates are Date objects whose
 * UTC parts are the date and time shown in the sheet (the convention of exceljs, SheetJS ≥ 0.20 and
 * @shared/domain/sheet-date). Formulas are never evaluated: a formula cell gives the result the program that saved
 * the file cached, or null when there is none. Rich text and hyperlinks give their text; error cells give their
 * code as text (#N/A). CSV cells are always strings: CSV holds only text.
 */
export type CellValue = string | number | boolean | Date | null;

export interface SheetRow {
  /** 1-based, as a spreadsheet program numbers it (for CSV: the record number). Blank rows are skipped but counted. */
  rowNumber: number;
  /** 0-based column index → value; trailing empty cells are trimmed, so rows may have different lengths. */
  cells: CellValue[];
}

export type SpreadsheetFormat = 'xlsx' | 'xls' | 'csv';

export type TextEncoding = 'utf-8' | 'gb18030' | 'utf-16le' | 'utf-16be';

export interface SheetSource {
  format: SpreadsheetFormat;
  /** The worksheet read (the first visible one with data); for CSV, the file name without its extension. */
  sheetName: string;
  /** For CSV: the encoding detected and the separator used. */
  encoding?: TextEncoding;
  delimiter?: string;
  /** Non-blank rows in file order. Iterate once; leaving the loop early closes the file. */
  rows: AsyncIterable<SheetRow>;
  /** Releases the file when the rows will not be iterated to the end (or at all). Safe to call twice. */
  close(): Promise<void>;
}

/** The same, collected: fine for files of a few thousand rows and for tests. */
export interface SheetData extends Omit<SheetSource, 'rows' | 'close'> {
  rows: SheetRow[];
}

/**
 * Limits that keep a hostile or mistaken file from exhausting memory, disk or time. `maxBytes` is checked against
 * the file size before anything is parsed; the others while reading.
 */
export interface ReadLimits {
  /** Largest file accepted, in bytes. */
  maxBytes: number;
  /** Highest row number accepted (a roster of more rows is refused, not truncated). Default 2,000,000. */
  maxRows?: number;
  /** Most columns in a row once trailing empty cells are trimmed. Default 256. */
  maxColumns?: number;
  /** xlsx: most bytes inflated from the parts that are read, all together. Default 2 GiB. */
  maxUnzippedBytes?: number;
  /** xlsx: most bytes inflated from one part that is not a worksheet (shared strings, styles …). Default 256 MiB. */
  maxPartBytes?: number;
}

export const DEFAULT_LIMITS: Required<Omit<ReadLimits, 'maxBytes'>> = {
  maxRows: 2_000_000,
  maxColumns: 256,
  maxUnzippedBytes: 2 * 1024 ** 3,
  maxPartBytes: 256 * 1024 ** 2,
};

export type ResolvedLimits = Required<ReadLimits>;

export function resolveLimits(limits: ReadLimits): ResolvedLimits {
  return { ...DEFAULT_LIMITS, ...limits };
}
