import { createHash } from 'node:crypto';
import { v7 as uuidv7 } from 'uuid';
import type { ChannelOutput } from '@shared/contract';
import {
  REQUIRED_IMPORT_FIELDS,
  type ColumnMapping,
  type DuplicatePolicy,
  type ImportCounts,
  type RowProblem,
} from '@shared/contract/roster-import';
import { AppError } from '@shared/errors';
import { localDate } from '../../clock';
import type { CallContext } from '../../context';
import { inboxFileLocation, openInboxFile, putOutboxFile, removeInboxFile } from '../../files';
import type { JobHandle } from '../../jobs';
import { readOrg } from '../org/org.repo';
import { cellText, detached, openSpreadsheet, type CellValue, type SheetSource } from './import';
import { rejectedRowsWorkbook } from './import-rejected-file';
import { warningTally } from './import-warnings';
import type { CheckedMember } from './member-input';
import { newMemberIds, originRef } from './members.repo';
import type { NameSearchKeys } from './search-keys';
import type { RowOutcome } from './import-row';
import { readCheckedRows, readCheckedRowsInThread, rowChecker, splitHeader, type CheckedRow, type ReadRequest } from './import-reader';
import { countMembers, suspendMemberIndexes, worthSuspending, type SuspendedIndexes } from './bulk-load';
import { findUnitByKey, insertUnit, unitKey } from './units.repo';
import { cachedUnitKey, wouldChange, type ExistingMember } from './import-changes';

/** Rosters of a million rows as CSV are about 150 MB; larger files are a mistake or an attack. */
export const MAX_IMPORT_BYTES = 300 * 1024 * 1024;
const PREVIEW_REJECTED = 500;
const PREVIEW_WARNINGS = 500;
/**
 * The 提示 sheet lists this many warnings and counts the rest: more means one column is wrong throughout (the
 * preview's counts by kind say which), and keeping them all would hold a million quoted cells.
 */
const FILE_WARNINGS = 100_000;

interface Plan {
  uploadId: string;
  fileName: string;
  mapping: ColumnMapping;
  policy: DuplicatePolicy;
}

async function open(ctx: CallContext, uploadId: string, fileName: string): Promise<SheetSource> {
  return openSpreadsheet(inboxFileLocation(ctx.core.files, uploadId), { maxBytes: MAX_IMPORT_BYTES, fileName });
}

/** The clerk's file's own hash (of its content, not of its sealed copy): the same sheet imported twice is noticed. */
async function hashUpload(ctx: CallContext, uploadId: string): Promise<string> {
  const file = await openInboxFile(ctx.core.files, uploadId);
  try {
    const hash = createHash('sha256');
    for await (const chunk of file.stream()) hash.update(chunk as Buffer);
    return hash.digest('hex');
  } finally {
    await file.close();
  }
}

function previousImport(ctx: CallContext, fileHash: string) {
  const row = ctx.sqlite
    .prepare(
      // Who, by the display name people know each other by (the row keeps the user name typed at sign-in).
      `SELECT at, ${IMPORTER_NAME} AS userName FROM roster_imports WHERE file_hash = ? ORDER BY at DESC LIMIT 1`,
    )
    .get(fileHash) as { at: string; userName: string | null } | undefined;
  return row ?? null;
}

export async function inspect(ctx: CallContext, uploadId: string, fileName: string): Promise<ChannelOutput<'rosterImport.inspect'>> {
  const source = await open(ctx, uploadId, fileName);
  try {
    const { head, detection } = await splitHeader(source);
    const fileHash = await hashUpload(ctx, uploadId);
    const headerIndex = detection?.headerIndex ?? -1;
    return {
      format: source.format,
      sheetName: source.sheetName,
      encoding: source.encoding ?? null,
      fileHash,
      headerRowNumber: detection?.headerRowNumber ?? null,
      headers: detection?.headers ?? [],
      suggested: detection?.mapping ?? {},
      missingRequired: detection?.missingRequired ?? [...REQUIRED_IMPORT_FIELDS],
      sample: head.slice(headerIndex + 1, headerIndex + 6).map((row) => row.cells.map((cell) => cellText(cell) ?? '')),
      previousImport: previousImport(ctx, fileHash),
    };
  } finally {
    await source.close();
  }
}

interface Walk {
  counts: ImportCounts;
  existing: number;
  rejected: { rowNumber: number; problems: RowProblem[]; cells: CellValue[] }[];
  /** Warnings of the rows written (or that a commit would write): new rows, and updates that change something. */
  warnings: ReturnType<typeof warningTally>;
  headers: string[];
  format: string;
}

type Apply = (m: CheckedMember, status: string | null, keys: NameSearchKeys, existing: ExistingMember | undefined) => void;

/**
 * One pass over the file with the clerk's mapping: rows read and checked (by the reader thread when there is one,
 * import-reader.ts), duplicates in the file and against the roster found, and — when `writer` is given — each
 * accepted row written (the writer has counted the roster already, in the same transaction). Yields between
 * batches (progress, cancel).
 */
async function walk(
  ctx: CallContext,
  plan: Plan,
  job: JobHandle,
  options: { keepRejected: number; keepWarnings: number; keepCells?: boolean; writer?: { apply: Apply; membersBefore: number } },
): Promise<Walk> {
  const apply = options.writer?.apply;
  for (const field of REQUIRED_IMPORT_FIELDS) {
    if (plan.mapping[field] === undefined)
      throw new AppError('INVALID_INPUT', undefined, [{ path: ['mapping', field], message: 'required' }]);
  }
  const request: ReadRequest = {
    file: inboxFileLocation(ctx.core.files, plan.uploadId),
    fileName: plan.fileName,
    maxBytes: MAX_IMPORT_BYTES,
    mapping: plan.mapping,
    today: localDate(ctx.clock),
    withCells: options.keepCells === true,
    withKeys: apply !== undefined,
  };
  const readerPath = ctx.core.importReaderPath;
  const events = readerPath ? readCheckedRowsInThread(request, readerPath) : readCheckedRows(request);
  try {
    const first = await events.next();
    if (first.done || first.value.type !== 'head') throw new AppError('INTERNAL');
    const head = first.value;
    // An empty roster has nothing to find (the first import of a centre; rows of this file are in `seen`).
    const rosterWasEmpty = (options.writer?.membersBefore ?? countMembers(ctx.sqlite)) === 0;
    const findExisting = ctx.sqlite.prepare(
      `SELECT m.ref, m.name, m.phone, m.ethnicity, u.name_key AS unitKey, n.name_key AS unionKey, m.joined_on AS joinedOn,
              m.card_no AS cardNo, m.note
       FROM members m LEFT JOIN units u ON u.ref = m.unit_ref LEFT JOIN units n ON n.ref = m.union_ref
       WHERE m.id_number = ? AND m.deleted_at IS NULL`,
    );
    const check = rowChecker(request);
    const unitKeyOf = cachedUnitKey();
    const seen = new Map<string, number>();
    const counts: ImportCounts = { rows: 0, new: 0, updated: 0, unchanged: 0, skipped: 0, rejected: 0 };
    const rejected: Walk['rejected'] = [];
    const warnings = warningTally(options.keepWarnings);
    let existingCount = 0;
    const reject = (row: CheckedRow, problems: RowProblem[]) => {
      counts.rejected++;
      if (rejected.length < options.keepRejected) rejected.push({ rowNumber: row.rowNumber, problems, cells: row.cells ?? [] });
    };
    for await (const event of events) {
      if (event.type !== 'rows') continue;
      for (const received of event.rows) {
        counts.rows++;
        // Rows the reader left unchecked are checked here, keeping their cells (check() gives a new object).
        const row = received.outcome
          ? (received as CheckedRow & { outcome: RowOutcome })
          : Object.assign(check(received.rowNumber, received.cells!), { cells: received.cells });
        const outcome = row.outcome;
        if (!outcome.ok) {
          reject(row, outcome.problems);
          continue;
        }
        const firstRow = seen.get(outcome.member.idNumber);
        if (firstRow !== undefined) {
          reject(row, [{ field: 'idNumber', problem: 'DUPLICATE_IN_FILE', params: { row: firstRow } }]);
          continue;
        }
        seen.set(detached(outcome.member.idNumber), row.rowNumber);
        const existing = rosterWasEmpty ? undefined : (findExisting.get(outcome.member.idNumber) as ExistingMember | undefined);
        // A new member is written; an existing one only under the `update` policy, and only when the row changes it.
        let applies = !existing;
        if (!existing) counts.new++;
        else {
          existingCount++;
          if (plan.policy === 'skip') counts.skipped++;
          else if (plan.policy === 'stop') {
            if (apply) throw new AppError('IMPORT_HAS_DUPLICATES', { row: row.rowNumber });
          } else if (wouldChange(existing, outcome.member, unitKeyOf)) {
            counts.updated++;
            applies = true;
          } else counts.unchanged++;
        }
        if (applies && outcome.warnings) warnings.add(row.rowNumber, outcome.warnings);
        if (apply && applies) apply(outcome.member, outcome.status, row.keys!, existing);
      }
      job.progress(counts.rows, 0);
      await job.pause();
      job.throwIfCancelled();
    }
    job.progress(counts.rows, counts.rows);
    return { counts, existing: existingCount, rejected, warnings, headers: head.headers, format: head.format };
  } finally {
    await events.return(undefined);
  }
}

export function preview(ctx: CallContext, plan: Plan): { jobId: string } {
  return ctx.startJob(async (job) => {
    const result = await walk(ctx, plan, job, { keepRejected: PREVIEW_REJECTED, keepWarnings: PREVIEW_WARNINGS });
    return {
      counts: result.counts,
      existing: result.existing,
      rejected: result.rejected.map(({ rowNumber, problems }) => ({ rowNumber, problems })),
      warnings: { ...result.warnings.counts(), first: result.warnings.kept },
    };
  });
}

/**
 * Writes members as the walk accepts them, inside the commit's transaction. Once an import proves big, the members'
 * indexes are dropped and built again at the end (bulk-load.ts); `finish` does that.
 */
function memberWriter(ctx: CallContext) {
  const org = readOrg(ctx.db)!;
  const origin = originRef(ctx.sqlite, org.id);
  // Refs by folded name (two spellings of one unit are one unit), and by the name as written, which a sheet repeats
  // on every row: folding it again each time cost more than the insert.
  const refsByKey = new Map<string, number>();
  const refsByName = { employer: new Map<string, number>(), union: new Map<string, number>() };
  const unitRef = (kind: 'employer' | 'union', name: string | null): number | null => {
    if (!name) return null;
    let ref = refsByName[kind].get(name);
    if (ref !== undefined) return ref;
    const key = `${kind}:${unitKey(name)}`;
    ref = refsByKey.get(key);
    if (ref === undefined) {
      const existing = findUnitByKey(ctx.sqlite, kind, name);
      const unit = existing ?? insertUnit(ctx.sqlite, { kind, name, origin: org.id, now: ctx.now() });
      if (!existing) ctx.audit({ recordType: 'unit', recordId: unit.id, event: 'unit.created', params: { kind } });
      ref = unit.ref;
      refsByKey.set(key, ref);
    }
    refsByName[kind].set(name, ref);
    return ref;
  };
  const insert = ctx.sqlite.prepare(
    `INSERT INTO members (id, origin_ref, updated_at, name, id_number, phone, ethnicity, unit_ref, union_ref, joined_on,
       card_no, note, status, name_pinyin, name_initials)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const update = ctx.sqlite.prepare(
    `UPDATE members SET name = ?, phone = coalesce(?, phone), ethnicity = coalesce(?, ethnicity),
       unit_ref = coalesce(?, unit_ref), union_ref = coalesce(?, union_ref), joined_on = coalesce(?, joined_on),
       card_no = coalesce(?, card_no), note = coalesce(?, note), name_pinyin = ?, name_initials = ?, updated_at = ?
     WHERE ref = ?`,
  );
  const now = ctx.clock.now().getTime();
  const newId = newMemberIds();
  const membersBefore = countMembers(ctx.sqlite);
  let inserted = 0;
  let suspended: SuspendedIndexes | undefined;
  let bulkTried = false;
  const apply: Apply = (m, status, keys, existing) => {
    const unit = unitRef('employer', m.unitName);
    const union = unitRef('union', m.unionName);
    if (existing) {
      update.run(m.name, m.phone, m.ethnicity, unit, union, m.joinedOn, m.cardNo, m.note, keys.pinyin, keys.initials, now, existing.ref);
    } else {
      insert.run(
        newId(),
        origin,
        now,
        m.name,
        m.idNumber,
        m.phone,
        m.ethnicity,
        unit,
        union,
        m.joinedOn,
        m.cardNo,
        m.note,
        status ?? 'active',
        keys.pinyin,
        keys.initials,
      );
      inserted++;
      if (!bulkTried && worthSuspending(inserted, membersBefore)) {
        bulkTried = true;
        suspended = suspendMemberIndexes(ctx.sqlite, { keepIdNumberIndex: membersBefore > 0 });
      }
    }
  };
  return { apply, membersBefore, finish: (between: () => Promise<void>) => suspended?.restore(between) };
}

/** An import's user by display name, or the user name it kept if the account is gone. */
const IMPORTER_NAME = 'coalesce((SELECT display_name FROM users u WHERE u.id = roster_imports.user_id), roster_imports.user_name)';

function maxMemberRef(sqlite: CallContext['sqlite']): number {
  return (sqlite.prepare('SELECT max(ref) FROM members').pluck().get() as number | null) ?? 0;
}

function createdRun(before: number, after: number): { firstRef: number; lastRef: number } | Record<string, never> {
  return after > before ? { firstRef: before + 1, lastRef: after } : {};
}

/**
 * All or nothing: one transaction from the first row to the history entry. It stays open while the job yields
 * between chunks, so meanwhile other writers get BUSY (reads still work). A cancel, an error, a crash or a power
 * cut leaves the roster as it was.
 */
export function commit(ctx: CallContext, plan: Plan): { jobId: string } {
  return ctx.startJob(async (job) => {
    const fileHash = await hashUpload(ctx, plan.uploadId);
    const committed = await ctx.writeExclusive(async () => {
      const lastRefBefore = maxMemberRef(ctx.sqlite);
      const writer = memberWriter(ctx);
      const result = await walk(ctx, plan, job, { keepRejected: 0, keepWarnings: 0, writer });
      await writer.finish(async () => {
        await job.pause();
        job.throwIfCancelled();
      });
      const importId = uuidv7();
      const c = result.counts;
      ctx.sqlite
        .prepare(
          `INSERT INTO roster_imports (id, at, user_id, user_name, file_name, file_hash, format, rows, new_count, updated_count,
               unchanged_count, skipped_count, rejected_count) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
        )
        .run(
          importId,
          ctx.now(),
          ctx.user?.id ?? null,
          ctx.user?.username ?? null,
          plan.fileName,
          fileHash,
          result.format,
          c.rows,
          c.new,
          c.updated,
          c.unchanged,
          c.skipped,
          c.rejected,
        );
      ctx.audit({
        recordType: 'rosterImport',
        recordId: importId,
        event: 'roster.imported',
        // The run of member refs this import created (it holds the only writer, so every ref past the old maximum is
        // its own): a created member's history shows the import (audit.repo importEntriesCreating).
        params: { new: c.new, updated: c.updated, rejected: c.rejected, ...createdRun(lastRefBefore, maxMemberRef(ctx.sqlite)) },
      });
      return { importId, counts: c, warnings: result.warnings.counts() };
    });
    // The roster holds the sheet now: its copy in the inbox goes at once (a failed or cancelled import keeps it for
    // another try; the run's files go when it quits, files.ts).
    removeInboxFile(ctx.core.files, plan.uploadId);
    return committed;
  });
}

/** The rejected rows in the sheet's own columns plus 原因, and the warnings (提示), as .xlsx (import-rejected-file.ts). */
export function rejectedFile(ctx: CallContext, plan: Plan): { jobId: string } {
  return ctx.startJob(async (job) => {
    const result = await walk(ctx, plan, job, { keepRejected: Number.POSITIVE_INFINITY, keepWarnings: FILE_WARNINGS, keepCells: true });
    const buffer = await rejectedRowsWorkbook({
      headers: result.headers,
      mapping: plan.mapping,
      rejected: result.rejected,
      warnings: result.warnings.kept,
      warningsLeft: result.warnings.left(),
    });
    const base = plan.fileName.replace(/\.[^.]+$/, '');
    // A file with warnings only is named for what it holds.
    const name = result.rejected.length === 0 && result.warnings.kept.length > 0 ? `${base}-导入提示.xlsx` : `${base}-未导入的行.xlsx`;
    return putOutboxFile(ctx.core.files, name, 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', buffer);
  });
}

export function history(ctx: CallContext): ChannelOutput<'rosterImport.history'> {
  const rows = ctx.sqlite
    .prepare(
      `SELECT id, at, ${IMPORTER_NAME} AS userName, file_name AS fileName, file_hash AS fileHash, rows, new_count AS new,
              updated_count AS updated, unchanged_count AS unchanged, skipped_count AS skipped, rejected_count AS rejected
       FROM roster_imports ORDER BY at DESC LIMIT 200`,
    )
    .all() as (ImportCounts & { id: string; at: string; userName: string | null; fileName: string; fileHash: string })[];
  return {
    imports: rows.map(({ id, at, userName, fileName, fileHash, ...counts }) => ({ id, at, userName, fileName, fileHash, counts })),
  };
}
