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
