import { basename } from 'node:path';
import { AppError } from '@shared/errors';
import { SealedFileError } from '../../../sealed-file';
import { locationName, openByteFile, type ByteFile, type FileLocation } from './byte-file';
import { asReadError, tooLarge } from './errors';
import { openCsv } from './read-csv';
import { openXls } from './read-xls';
import { openXlsx } from './read-xlsx';
import { SNIFF_BYTES, sniffFormat } from './sniff';
import { resolveLimits, type ReadLimits, type ResolvedLimits, type SheetData, type SheetRow, type SheetSource } from './types';

export interface OpenOptions extends ReadLimits {
  /**
   * The name the clerk's file had (uploads are stored under an id, without it). Used only to accept text content
   * (.csv/.txt) and to refuse a text file that calls itself a workbook; defaults to the path's base name.
   */
  fileName?: string;
}

/**
 * Opens a roster file of any supported kind and streams its rows. The file size is checked before anything is
 * parsed; every failure is an AppError: FILE_NOT_FOUND, FILE_TOO_LARGE (params name the limit), or INVALID_INPUT
 * with params.reason (see SpreadsheetProblem). Call `close()` if the rows are not read to the end.
 */
export async function openSpreadsheet(location: FileLocation, options: OpenOptions): Promise<SheetSource> {
  const limits = resolveLimits(options);
  const name = options.fileName ?? basename(locationName(location));
  let file: ByteFile;
  const head = Buffer.alloc(SNIFF_BYTES);
  let headLength: number;
  try {
    file = await openByteFile(location);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    // A sealed upload that fails its check (damaged, or sealed by an earlier run) is as good as gone.
    if (code === 'ENOENT' || code === 'EISDIR' || error instanceof SealedFileError) throw new AppError('FILE_NOT_FOUND');
    throw error;
  }
  try {
    if (file.size > limits.maxBytes) throw tooLarge({ maxBytes: limits.maxBytes });
    headLength = (await file.read(head, 0, Math.min(SNIFF_BYTES, file.size), 0)).bytesRead;
    const sniffed = head.subarray(0, headLength);
    const source = await openFormat(file, sniffed, limits, name);
    // The file stays open while the rows are read; closing the source closes it.
    return { ...source, close: () => source.close().finally(() => file.close()) };
  } catch (error) {
    await file.close();
    // A folder opens on some systems and fails at the first read.
    if (error instanceof SealedFileError || (error as NodeJS.ErrnoException).code === 'EISDIR') throw new AppError('FILE_NOT_FOUND');
    throw error;
  }
}

async function openFormat(file: ByteFile, sniffed: Buffer, limits: ResolvedLimits, name: string): Promise<SheetSource> {
  try {
    switch (sniffFormat(sniffed, name)) {
      case 'xlsx':
        return await openXlsx(file, limits);
      case 'xls':
        return await openXls(file, limits);
      case 'csv':
        return await openCsv(file, sniffed, limits, name);
    }
  } catch (error) {
    throw asReadError(error);
  }
}

/** The same, collected into an array. For small files and tests; imports stream with openSpreadsheet. */
export async function readSpreadsheet(location: FileLocation, options: OpenOptions): Promise<SheetData> {
  const source = await openSpreadsheet(location, options);
  const rows: SheetRow[] = [];
  try {
    for await (const row of source.rows) rows.push(row);
  } finally {
    await source.close();
  }
  const { rows: _rows, close: _close, ...rest } = source;
  return { ...rest, rows };
}
