import { Worker } from 'node:worker_threads';
import type { ColumnMapping } from '@shared/contract/roster-import';
import { AppError, type AppErrorShape } from '@shared/errors';
import { CORE_YOUNG_GENERATION_MB } from '../../heap';
import { threadEvents } from '../../thread-inbox';
import {
  detectHeader,
  HEADER_SCAN_ROWS,
  openSpreadsheet,
  type CellValue,
  type FileLocation,
  type SheetRow,
  type SheetSource,
} from './import';
import { checkImportRow, type RowOutcome } from './import-row';
import { cachedNameSearchKeys, type NameSearchKeys } from './search-keys';

/**
 * The first stage of an import pass: the file's rows, read and checked (checkImportRow), with the name's search
 * keys, in batches. It needs no database, so an import runs it in a thread of its own (import-reader.worker.ts)
 * while the core writes the previous batch: reading an .xlsx costs as much as everything else together, and office
 * PCs have more than one core. Without a reader thread (tests, or a host that does not give one) the same
 * generator runs in the core's thread.
 */

export interface ReadRequest {
  /** The upload, sealed in the inbox, with its key (files.ts): the reader thread opens it itself. */
  file: FileLocation;
  fileName: string;
  maxBytes: number;
  mapping: ColumnMapping;
  /** The local date the ID numbers' birth dates are checked against. */
  today: string;
  /** Keep every row's cells (for the rejected-rows file). */
  withCells: boolean;
  /** Compute search keys for accepted rows (only a commit writes them). */
  withKeys: boolean;
}

export interface CheckedRow {
  rowNumber: number;
  /** Absent when the reader thread left the check to the core (rowChecker). */
  outcome?: RowOutcome;
  keys?: NameSearchKeys;
  cells?: CellValue[];
}

/** Checks a row (checkImportRow) and, when asked, gives an accepted row its name's search keys. */
export function rowChecker(request: Pick<ReadRequest, 'mapping' | 'today' | 'withKeys'>) {
  const keysOf = cachedNameSearchKeys();
  return (rowNumber: number, cells: CellValue[]): CheckedRow & { outcome: RowOutcome } => {
    const outcome = checkImportRow(cells, request.mapping, request.today);
    return request.withKeys && outcome.ok ? { rowNumber, outcome, keys: keysOf(outcome.member.name) } : { rowNumber, outcome };
  };
}

export type ReaderEvent = { type: 'head'; format: string; headers: string[] } | { type: 'rows'; rows: CheckedRow[] };

/** Rows per batch: also how often the import reports progress and can be cancelled. */
const BATCH_ROWS = 2000;

/** The first rows (to find the header), then every row below the header, from one pass over the file. */
export async function splitHeader(source: SheetSource) {
  const iterator = source.rows[Symbol.asyncIterator]();
  const head: SheetRow[] = [];
  while (head.length < HEADER_SCAN_ROWS) {
    const next = await iterator.next();
    if (next.done) break;
    head.push(next.value);
  }
  const detection = detectHeader(head);
  const headerRowNumber = detection?.headerRowNumber ?? 0;
  async function* dataRows(): AsyncGenerator<SheetRow> {
    for (const row of head) if (row.rowNumber > headerRowNumber) yield row;
    for (let next = await iterator.next(); !next.done; next = await iterator.next()) yield next.value;
  }
  return { head, detection, dataRows };
}

/**
 * A 'head' event, then the rows in batches. In a reader thread (`inThread`), an .xlsx's rows come unchecked: reading
 * one costs about as much as checking and writing it, so the reader only reads and the core checks (checkRow); a
 * CSV reads ten times faster, so its reader checks too. Measured: 300,000 .xlsx rows in 15 s checked in the reader,
 * in 9 s checked in the core.
 */
export async function* readCheckedRows(request: ReadRequest, inThread = false): AsyncGenerator<ReaderEvent> {
  const source = await openSpreadsheet(request.file, { maxBytes: request.maxBytes, fileName: request.fileName });
  try {
    const { detection, dataRows } = await splitHeader(source);
    yield { type: 'head', format: source.format, headers: detection?.headers ?? [] };
    const checkHere = !(inThread && source.format === 'xlsx');
    const check = rowChecker(request);
    let batch: CheckedRow[] = [];
    for await (const row of dataRows()) {
      // An unchecked row always carries its cells (the core checks them); a checked one when they are asked for.
      const checked: CheckedRow = checkHere ? check(row.rowNumber, row.cells) : { rowNumber: row.rowNumber, cells: row.cells };
      if (checkHere && request.withCells) checked.cells = row.cells;
      batch.push(checked);
      if (batch.length === BATCH_ROWS) {
        yield { type: 'rows', rows: batch };
        batch = [];
      }
    }
    if (batch.length > 0) yield { type: 'rows', rows: batch };
  } finally {
    await source.close();
  }
}

/** Messages from the reader thread. `more` goes the other way: one per batch taken. */
export type ReaderMessage = ReaderEvent | { type: 'done' } | { type: 'failed'; error: AppErrorShape };

/** Batches the reader thread may send ahead of the core: enough to keep both busy, few enough to bound memory. */
export const BATCHES_AHEAD = 4;

/**
 * The same events from a reader thread. Ending the generator early (cancel, an error while writing) terminates the
 * thread. A failure in the thread arrives as the same AppError the in-thread reader would have thrown.
 */
export async function* readCheckedRowsInThread(request: ReadRequest, readerPath: string): AsyncGenerator<ReaderEvent> {
  // The reader allocates a few objects per cell that die young: the same young generation as the core (heap.ts).
  const worker = new Worker(readerPath, { workerData: request, resourceLimits: { maxYoungGenerationSizeMb: CORE_YOUNG_GENERATION_MB } });
  try {
    yield* threadEvents<ReaderEvent, AppErrorShape>(worker, {
      isBatch: (event) => event.type === 'rows',
      failure: (error) => new AppError(error.code, error.params, error.issues),
      name: 'the import reader',
    });
  } finally {
    await worker.terminate();
  }
}
