import { AppError } from '@shared/errors';

/**
 * Why a file could not be read at all (as opposed to a row that fails validation later). Until src/shared/errors.ts
 * has codes of its own for these, they travel as INVALID_INPUT with `params.reason` (and the same word in the one
 * issue, path ['file']), so the renderer can already show a specific message. Never the file's content in params.
 */
export type SpreadsheetProblem =
  /** Not .xlsx, .xls or CSV text (an .ods, a .docx, a PDF, a picture …). */
  | 'unsupported-format'
  /** The name promises a workbook (.xlsx/.xls) but the bytes are something else: a renamed or mislabelled file. */
  | 'format-mismatch'
  /** The container or its XML/records are damaged. */
  | 'corrupt'
  /** Password-protected workbook: the clerk must save it without a password first. */
  | 'encrypted'
  /** No worksheet with any non-blank cell. */
  | 'empty'
  /** A row wider than the column limit (usually a sheet with stray content far to the right). */
  | 'too-many-columns';

export function spreadsheetError(reason: SpreadsheetProblem, params: Record<string, string | number> = {}): AppError {
  return new AppError('INVALID_INPUT', { reason, ...params }, [{ path: ['file'], message: reason }]);
}

/** The file, or what it unpacks to, exceeds a limit: params name the limit that was hit (maxBytes, maxRows …). */
export function tooLarge(limit: Record<string, number>): AppError {
  return new AppError('FILE_TOO_LARGE', limit);
}

/** AppErrors pass through; anything a parser threw becomes `corrupt` (its message may quote file content: dropped). */
export function asReadError(error: unknown): AppError {
  return error instanceof AppError ? error : spreadsheetError('corrupt');
}
