import { spreadsheetError, tooLarge } from './errors';
import type { CellValue, ResolvedLimits, SheetRow } from './types';

/** Empty, or only whitespace (including the ideographic space U+3000 and no-break spaces, which `\s` covers). */
export function isBlankValue(value: CellValue | undefined): boolean {
  return value === null || value === undefined || (typeof value === 'string' && value.trim() === '');
}

/**
 * The last step of every reader, so that all formats agree: trailing blank cells go (Excel and WPS write styled
 * empty cells far to the right), a row with nothing left is skipped — its number is simply not seen again, so the
 * numbers of the rows after it stay those of the file — and the limits are enforced.
 *
 * `cells` may be sparse or hold undefined (readers fill by column index); holes become null.
 */
export function finishRow(cells: (CellValue | undefined)[], rowNumber: number, limits: ResolvedLimits): SheetRow | null {
  if (rowNumber > limits.maxRows) throw tooLarge({ maxRows: limits.maxRows });
  let end = cells.length;
  while (end > 0 && isBlankValue(cells[end - 1])) end--;
  if (end === 0) return null;
  if (end > limits.maxColumns) throw spreadsheetError('too-many-columns', { maxColumns: limits.maxColumns, rowNumber });
  const out: CellValue[] = new Array<CellValue>(end);
  for (let i = 0; i < end; i++) out[i] = cells[i] ?? null;
  return { rowNumber, cells: out };
}

/**
 * Reads the first row before the source is handed out, so that an empty file is refused when it is opened (as
 * the workbook readers do) rather than discovered by the caller as zero rows. The returned generator yields that
 * row again, then the rest.
 */
export async function withFirstRow(rows: AsyncGenerator<SheetRow>, empty: () => Error): Promise<AsyncGenerator<SheetRow>> {
  const first = await rows.next();
  if (first.done) throw empty();
  async function* again(): AsyncGenerator<SheetRow> {
    try {
      yield first.value as SheetRow;
      yield* rows;
    } finally {
      await rows.return(undefined);
    }
  }
  return again();
}
