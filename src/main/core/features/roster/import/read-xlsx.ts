import type { Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import type { ByteFile } from './byte-file';
import { finishRow } from './cells';
import { asReadError, spreadsheetError, tooLarge } from './errors';
import type { CellValue, ResolvedLimits, SheetRow, SheetSource } from './types';
import { planXlsxParts, xlsxPartsStream } from './xlsx-parts';

/**
 * .xlsx through exceljs's streaming WorkbookReader: rows are read as the XML streams by, so 300k rows never sit in
 * memory at once (only the shared-strings table does, as in every xlsx reader).
 *
 * Merged cells: the XML keeps a merged range's value in its top-left cell and writes the other cells empty (the
 * merge list comes after the rows, where a streaming reader has already passed). So the value is given to the
 * first cell only — a merged title row is one text cell followed by blanks, which header detection skips.
 */

/** The parts of exceljs's row and cell objects read here (its typings omit what the streaming reader sets). */
interface StreamCell {
  type: number;
  value: unknown;
  result?: unknown;
  numFmt?: string;
}
interface StreamRow {
  number: number;
  eachCell(options: { includeEmpty: boolean }, iteratee: (cell: StreamCell, column: number) => void): void;
}
interface StreamSheet extends AsyncIterable<StreamRow> {
  name: string;
  state?: string;
}
interface StreamBook extends AsyncIterable<StreamSheet> {
  properties?: { model?: { date1904?: boolean } };
}

/** Excel's test for a date format (exceljs's own): date/time letters outside quotes and [colour]/[$-locale] blocks. */
function isDateFormat(format: string | undefined): boolean {
  if (!format) return false;
  return /[ymdhsb]/i.test(
    format
      .replace(/\[[^\]]*]/g, '')
      .replace(/"[^"]*"/g, '')
      .replace(/\\./g, ''),
  );
}

/** Serial → Date with UTC parts = the sheet's wall clock, as exceljs does for plain date cells. */
function serialToDate(serial: number, date1904: boolean): Date {
  return new Date(Math.round((serial - 25569 + (date1904 ? 1462 : 0)) * 86_400_000));
}

/** exceljs's Cell.Types.Formula. */
const FORMULA = 6;

/** exceljs cell values → CellValue. Objects are the rich forms: rich text, hyperlink, error. */
function plainValue(value: unknown): CellValue {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string' || typeof value === 'boolean' || value instanceof Date) return value;
  if (typeof value === 'number') return Number.isFinite(value) ? value : null;
  if (typeof value !== 'object') return null;
  const v = value as Record<string, unknown>;
  if (Array.isArray(v.richText))
    return v.richText.map((run: { text?: unknown }) => (typeof run.text === 'string' ? run.text : '')).join('');
  if ('hyperlink' in v) return plainValue(v.text);
  if ('error' in v) return String(v.error);
  return null;
}

/**
 * A formula is never evaluated: its value is the result the program that saved the file cached. Read from
 * `cell.result`, not `cell.value`, whose copy drops falsy results (a cached 0 or empty text would become "none").
 */
function formulaResult(result: unknown, numFmt: string | undefined, date1904: boolean): CellValue {
  // exceljs parses an error result (t="e": #DIV/0!) as a number and gets NaN: the code is lost, the error is not.
  if (typeof result === 'number' && Number.isNaN(result)) return '#ERROR';
  if (typeof result === 'number' && isDateFormat(numFmt)) return serialToDate(result, date1904);
  return plainValue(result);
}

function toSheetRow(row: StreamRow, limits: ResolvedLimits, date1904: boolean): SheetRow | null {
  const cells: CellValue[] = [];
  row.eachCell({ includeEmpty: false }, (cell, column) => {
    if (column > limits.maxColumns) throw spreadsheetError('too-many-columns', { maxColumns: limits.maxColumns, rowNumber: row.number });
    cells[column - 1] = cell.type === FORMULA ? formulaResult(cell.result, cell.numFmt, date1904) : plainValue(cell.value);
  });
  return finishRow(cells, row.number, limits);
}

/**
 * Each step of exceljs's iterators must end when the source stream fails (a limit, a bad CRC): exceljs's inner
 * entry stream would otherwise wait forever for bytes that never come. Not Promise.race against one long-lived
 * "failed" promise: every race leaves a reaction on it holding that step's result, so every row of the sheet would
 * stay in memory until the end. Instead the one pending step's reject is kept and called on failure.
 */
class Guard {
  private failure: unknown = undefined;
  private failed = false;
  private rejectPending: ((error: unknown) => void) | null = null;

  constructor(source: Readable) {
    source.once('error', (error) => {
      this.failed = true;
      this.failure = error;
      this.rejectPending?.(error);
    });
  }

  step<T>(iterator: AsyncIterator<T>): Promise<IteratorResult<T>> {
    if (this.failed) return Promise.reject(this.failure);
    return new Promise<IteratorResult<T>>((resolve, reject) => {
      this.rejectPending = reject;
      iterator.next().then(resolve, reject);
    }).finally(() => {
      this.rejectPending = null;
    });
  }
}

/** Rows of the first visible worksheet that has any; yields its name before its first row. */
async function* sheetRows(book: StreamBook, source: Readable, guard: Guard, limits: ResolvedLimits): AsyncGenerator<string | SheetRow> {
  const sheets = book[Symbol.asyncIterator]();
  try {
    for (let s = await guard.step(sheets); !s.done; s = await guard.step(sheets)) {
      const sheet = s.value;
      const hidden = sheet.state === 'hidden' || sheet.state === 'veryHidden';
      const rows = sheet[Symbol.asyncIterator]();
      let named = false;
      // A skipped sheet is still read to its end: the zip streams in order and the next sheet comes after it.
      for (let r = await guard.step(rows); !r.done; r = await guard.step(rows)) {
        if (hidden) continue;
        const row = toSheetRow(r.value, limits, book.properties?.model?.date1904 === true);
        if (!row) continue;
        if (!named) {
          named = true;
          yield sheet.name;
        }
        yield row;
      }
      if (named) return;
    }
  } finally {
    // Not awaited: after a source failure exceljs's generators are stuck mid-step and would never settle.
    void sheets.return?.().catch(() => undefined);
    source.destroy();
  }
}

export async function openXlsx(file: ByteFile, limits: ResolvedLimits): Promise<SheetSource> {
  if (file.size > limits.maxBytes) throw tooLarge({ maxBytes: limits.maxBytes });
  const parts = await planXlsxParts(file, file.size, limits);
  const source = xlsxPartsStream(file, parts);
  const guard = new Guard(source);
  const book = new ExcelJS.stream.xlsx.WorkbookReader(source, {
    worksheets: 'emit',
    sharedStrings: 'cache',
    styles: 'cache', // needed to tell date cells from numbers
    hyperlinks: 'ignore', // a hyperlink cell's text is all a roster needs
    entries: 'ignore',
  }) as unknown as StreamBook;

  const iterator = sheetRows(book, source, guard, limits);
  let first: IteratorResult<string | SheetRow>;
  try {
    first = await iterator.next();
  } catch (error) {
    source.destroy();
    throw asReadError(error);
  }
  if (first.done || typeof first.value !== 'string') throw spreadsheetError('empty');
  const sheetName = first.value;

  async function* rows(): AsyncGenerator<SheetRow> {
    try {
      for (;;) {
        const next = await iterator.next();
        if (next.done) return;
        if (typeof next.value !== 'string') yield next.value;
      }
    } catch (error) {
      throw asReadError(error);
    } finally {
      await iterator.return(undefined);
    }
  }
  const generator = rows();
  return {
    format: 'xlsx',
    sheetName,
    rows: generator,
    close: async () => {
      await generator.return(undefined);
      await iterator.return(undefined);
    },
  };
}
