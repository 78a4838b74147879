import { open } from 'node:fs/promises';
import { basename } from 'node:path';
import { AppError } from '@shared/errors';
import { asReadError, tooLarge } from './errors';
import { openCsv } from './read-csv';
import { openXls } from './read-xls';
import { openXlsx } from './read-xlsx';
import { SNIFF_BYTES, sniffFormat } from './sniff';
import { resolveLimits, type ReadLimits, type SheetData, type SheetRow, type SheetSource } from './types';

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
export async function openSpreadsheet(path: string, options: OpenOptions): Promise<SheetSource> {
  const limits = resolveLimits(options);
  const name = options.fileName ?? basename(path);
  let size: number;
  const head = Buffer.alloc(SNIFF_BYTES);
  let headLength: number;
  try {
    const handle = await open(path, 'r');
    try {
      size = (await handle.stat()).size;
      headLength = (await handle.read(head, 0, SNIFF_BYTES, 0)).bytesRead;
    } finally {
      await handle.close();
    }
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'EISDIR') throw new AppError('FILE_NOT_FOUND');
    throw error;
  }
  if (size > limits.maxBytes) throw tooLarge({ maxBytes: limits.maxBytes });
  const sniffed = head.subarray(0, headLength);
  try {
    switch (sniffFormat(sniffed, name)) {
      case 'xlsx':
        return await openXlsx(path, size, limits);
      case 'xls':
        return await openXls(path, size, limits);
      case 'csv':
        return await openCsv(path, size, sniffed, limits, name);
    }
  } catch (error) {
    throw asReadError(error);
  }
}

/** The same, collected into an array. For small files and tests; imports stream with openSpreadsheet. */
export async function readSpreadsheet(path: string, options: OpenOptions): Promise<SheetData> {
  const source = await openSpreadsheet(path, options);
  const rows: SheetRow[] = [];
  try {
    for await (const row of source.rows) rows.push(row);
  } finally {
    await source.close();
  }
  const { rows: _rows, close: _close, ...rest } = source;
  return { ...rest, rows };
}
