import { v7 as uuidv7 } from 'uuid';
import type { ChannelOutput, JobResult, ParsedInput } from '@shared/contract';
import { checkIdNumber, idNumberFromSheetCell, isValidNormalizedIdNumber } from '@shared/domain/id-number';
import { AppError } from '@shared/errors';
import { localDate } from '../../clock';
import type { CallContext } from '../../context';
import type { Sqlite } from '../../db/client';
import { inboxFileLocation, removeInboxFile } from '../../files';
import type { JobHandle } from '../../jobs';
import { cellText, detached, normalizeName, openSpreadsheet, type CellValue, type SheetSource } from '../roster/import';
import { splitHeader } from '../roster/import-reader';

/**
 * 信息比对, import: another body's list read with the roster import's readers (any .xlsx/.xls/CSV they read) and
 * its header detection, keeping only what the comparison needs — the normalised ID number, the name, and the extra
 * columns the clerk chose. All or nothing: the rows are read first, then written in one transaction with the list
 * and its audit entry; a read error, a cancel or a crash leaves no list. Rows with an invalid or repeated ID number
 * are left out and reported by row number (codes, worded in Chinese by the screen; never the cells in a log).
 */

/** A 民政 list of a whole city is a few hundred thousand rows; larger files are a mistake. */
export const MAX_LIST_BYTES = 300 * 1024 * 1024;
/** Problems reported back in detail (all are counted). */
const KEPT_PROBLEMS = 500;
/** Extra cells are notes (街道, 保障人数, 残疾等级): cut so that a stray long cell does not bloat the table. */
const MAX_EXTRA_CHARS = 100;
const PROGRESS_ROWS = 2000;

async function openList(ctx: CallContext, uploadId: string, fileName: string): Promise<SheetSource> {
  return openSpreadsheet(inboxFileLocation(ctx.core.files, uploadId), { maxBytes: MAX_LIST_BYTES, fileName });
}

const text = (cell: CellValue | undefined) => (cell === undefined ? null : cellText(cell));

export async function inspect(ctx: CallContext, uploadId: string, fileName: string): Promise<ChannelOutput<'compare.inspect'>> {
  const source = await openList(ctx, uploadId, fileName);
  try {
    const { head, detection } = await splitHeader(source);
    const headerIndex = detection?.headerIndex ?? -1;
    const width = Math.max(0, ...head.map((row) => row.cells.length));
    return {
      format: source.format,
      headerRowNumber: detection?.headerRowNumber ?? null,
      headers: detection?.headers ?? Array.from({ length: width }, () => ''),
      suggested: { idNumber: detection?.mapping.idNumber ?? null, name: detection?.mapping.name ?? null },
      sample: head.slice(headerIndex + 1, headerIndex + 6).map((row) => row.cells.map((cell) => cellText(cell) ?? '')),
    };
  } finally {
    await source.close();
  }
}

interface KeptRow {
  rowNumber: number;
  idNumber: string;
  name: string;
  extra: string | null;
}

type Plan = ParsedInput<'compare.import'>;

/**
 * An ID cell checked as checkIdNumber checks it. Most cells of another body's list hold the normalised 18 characters
 * already: isValidNormalizedIdNumber gives the same verdict for those in a fraction of the time (a list is a few
 * hundred thousand rows); anything else (15 digits, spaces, a number, a typo) takes the full check and its reason.
 */
function checkCell(value: CellValue, today: string): { ok: true; id: string } | { ok: false; problem: string } {
  if (typeof value === 'string' && isValidNormalizedIdNumber(value, today)) return { ok: true, id: value };
  const cell = idNumberFromSheetCell(value);
  if ('problem' in cell) return { ok: false, problem: cell.problem };
  return checkIdNumber(cell.raw, today);
}

async function readRows(ctx: CallContext, plan: Plan, job: JobHandle) {
  const today = localDate(ctx.clock);
  const { idNumber: idColumn, name: nameColumn, extras } = plan.mapping;
  const source = await openList(ctx, plan.uploadId, plan.fileName);
  const kept: KeptRow[] = [];
  const problems: JobResult<'compare.import'>['problems'] = [];
  let rejected = 0;
  const seen = new Map<string, number>();
  const reject = (problem: (typeof problems)[number]) => {
    rejected++;
    if (problems.length < KEPT_PROBLEMS) problems.push(problem);
  };
  try {
    const { detection, dataRows } = await splitHeader(source);
    const headers = detection?.headers ?? [];
    let read = 0;
    for await (const row of dataRows()) {
      read++;
      const check = checkCell(row.cells[idColumn] ?? null, today);
      if (!check.ok) reject({ rowNumber: row.rowNumber, problem: check.problem });
      else {
        const first = seen.get(check.id);
        if (first !== undefined) reject({ rowNumber: row.rowNumber, problem: 'DUPLICATE_IN_FILE', firstRow: first });
        else {
          const id = detached(check.id);
          seen.set(id, row.rowNumber);
          const nameCell = row.cells[nameColumn];
          const name = typeof nameCell === 'string' ? normalizeName(nameCell) : text(nameCell);
          const extraCells = extras.map((column) => (text(row.cells[column]) ?? '').slice(0, MAX_EXTRA_CHARS));
          kept.push({
            rowNumber: row.rowNumber,
            idNumber: id,
            name: name === null ? '' : detached(name),
            extra: extras.length ? JSON.stringify(extraCells) : null,
          });
        }
      }
      if (read % PROGRESS_ROWS === 0) {
        job.progress(read, 0);
        await job.pause();
        job.throwIfCancelled();
      }
    }
    job.progress(read, read);
    const extraHeaders = extras.map((column) => headers[column] || `第${column + 1}列`);
    return { kept, problems, rejected, extraHeaders };
  } finally {
    await source.close();
  }
}

/** Rows per INSERT: a statement run per row costs about as much as SQLite's work on the row itself. */
const ROWS_PER_INSERT = 100;

/** The rows in row order (the table is clustered on list and row number: each goes at its end). */
function insertRows(sqlite: Sqlite, listRef: number | bigint, kept: KeptRow[]) {
  const statement = (rows: number) =>
    sqlite.prepare(
      `INSERT INTO compare_rows (list_ref, row_number, id_number, name, extra) VALUES ${Array(rows).fill('(?, ?, ?, ?, ?)').join(', ')}`,
    );
  const full = statement(ROWS_PER_INSERT);
  const values: unknown[] = [];
  for (let start = 0; start < kept.length; start += ROWS_PER_INSERT) {
    const chunk = kept.slice(start, start + ROWS_PER_INSERT);
    values.length = 0;
    for (const row of chunk) values.push(listRef, row.rowNumber, row.idNumber, row.name, row.extra);
    (chunk.length === ROWS_PER_INSERT ? full : statement(chunk.length)).run(values);
  }
}

export function importList(ctx: CallContext, plan: Plan): { jobId: string } {
  return ctx.startJob(async (job) => {
    const { kept, problems, rejected, extraHeaders } = await readRows(ctx, plan, job);
    if (kept.length === 0) throw new AppError('COMPARE_LIST_EMPTY', { rejected });
    job.throwIfCancelled();
    const listId = uuidv7();
    ctx.write(() => {
      const listRef = ctx.sqlite
        .prepare(
          `INSERT INTO compare_lists (id, source, kind, file_name, extra_headers, row_count, rejected_count, imported_by, imported_at)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
        )
        .run(
          listId,
          plan.source,
          plan.kind,
          plan.fileName,
          JSON.stringify(extraHeaders),
          kept.length,
          rejected,
          ctx.user!.id,
          ctx.now(),
        ).lastInsertRowid;
      // The ID-number index is built once after the rows (one sort) rather than kept up to date by 200,000 inserts
      // at random places; the statement is the migration's own, read back from the schema.
      const indexSql = ctx.sqlite
        .prepare("SELECT sql FROM sqlite_schema WHERE type = 'index' AND name = 'compare_rows_id_number'")
        .pluck()
        .get() as string;
      ctx.sqlite.exec('DROP INDEX compare_rows_id_number');
      insertRows(ctx.sqlite, listRef, kept);
      ctx.sqlite.exec(indexSql);
      ctx.audit({
        recordType: 'compareList',
        recordId: listId,
        event: 'compare.listImported',
        params: { kind: plan.kind, rows: kept.length, rejected },
      });
    });
    // The list is in the database now: the clerk's file goes from the inbox at once (a failed import keeps it).
    removeInboxFile(ctx.core.files, plan.uploadId);
    return { listId, rows: kept.length, rejected, problems };
  });
}
