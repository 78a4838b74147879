import type { ChannelOutput, ParsedInput } from '@shared/contract';
import type { FileImportView } from '@shared/contract/hardship';
import { checkImportDecision, IMPORT_DECISIONS, type ImportDecision } from '@shared/domain/existing-files';
import { maskIdNumber } from '@shared/domain/id-number';
import { AppError } from '@shared/errors';
import type { CallContext } from '../../context';
import { readOrg } from '../org/org.repo';
import { decideImportRow, findImport, pendingImports, stagedHeads, type ImportRow, type StagedRow } from './file-imports.repo';
import { nextFileNumber } from './file-number';
import { findFile, touchFile } from './files.repo';

/**
 * Four eyes for 存量档案 (shared/domain/existing-files.ts checkImportDecision): a staged import is confirmed or
 * rejected by a second person, or withdrawn by the one who staged it, in one transaction each.
 */

function actorOf(ctx: CallContext) {
  return { id: ctx.user!.id, role: ctx.user!.role };
}

function viewOf(ctx: CallContext, batch: ImportRow): FileImportView {
  const heads = stagedHeads(
    ctx.sqlite,
    batch.rows.map((r) => r.fileId),
  );
  const actor = actorOf(ctx);
  return {
    id: batch.id,
    status: batch.status,
    sheetName: batch.sheetName,
    stagedBy: batch.stagedByName,
    stagedAt: batch.stagedAt,
    summary: batch.summary,
    rows: batch.rows.map((r) => {
      const head = heads.get(r.fileId)!;
      return {
        row: r.row,
        fileId: r.fileId,
        headName: head.headName,
        headIdNumberMasked: maskIdNumber(head.headIdNumber),
        category: head.category,
        categoryWord: r.categoryWord,
        approvedOn: r.approvedOn,
        fileNo: r.fileNo,
        legacyNo: head.legacyNo,
        workerType: head.workerType,
        isMember: head.isMember,
      };
    }),
    decisions: (Object.keys(IMPORT_DECISIONS) as ImportDecision[]).map((decision) => ({
      decision,
      // A reason is asked for when the decision is taken, not before.
      blockers: checkImportDecision(batch, decision, actor).filter((b) => b.code !== 'REASON_REQUIRED'),
    })),
  };
}

export function listPending(ctx: CallContext): ChannelOutput<'files.pendingImports'> {
  return { imports: pendingImports(ctx.sqlite).map((batch) => viewOf(ctx, batch)) };
}

export function decide(ctx: CallContext, input: ParsedInput<'files.decideImport'>): ChannelOutput<'files.decideImport'> {
  ctx.write(() => {
    const batch = findImport(ctx.sqlite, input.id);
    if (!batch) throw new AppError('NOT_FOUND', { record: 'fileImport' });
    const actor = actorOf(ctx);
    const reason = input.reason?.trim() || null;
    const blockers = checkImportDecision(batch, input.decision, actor, reason);
    if (blockers.length > 0) throw new AppError('FILE_IMPORT_BLOCKED', { decision: input.decision, blockers: blockers.map((b) => b.code) });
    const now = ctx.now();
    if (input.decision === 'confirm') confirmFiles(ctx, batch.rows, now);
    else dropFiles(ctx, batch.rows, input.decision, reason, now);
    decideImportRow(ctx.sqlite, batch.id, IMPORT_DECISIONS[input.decision].to, actor.id, now, reason);
    ctx.audit({
      recordType: 'fileImport',
      recordId: batch.id,
      event: 'fileImport.decided',
      params: { decision: input.decision, files: batch.rows.length },
    });
  });
  return viewOf(ctx, findImport(ctx.sqlite, input.id)!);
}

/** A staged file still as it was staged; anything else means the batch cannot be decided as one. */
function requireStaged(ctx: CallContext, row: StagedRow) {
  const file = findFile(ctx.sqlite, row.fileId);
  if (!file || file.status !== 'staged') throw new AppError('FILE_IMPORT_BLOCKED', { blockers: ['IMPORT_FILE_CHANGED'], row: row.row });
  return file;
}

/**
 * Every staged file 在档, numbered, or none (a throw rolls the whole transaction back, numbers included): the kept
 * number (reserved at staging) or the next of the year it was filed. The confirmer is its approver.
 */
function confirmFiles(ctx: CallContext, rows: StagedRow[], now: string): void {
  const regionCode = readOrg(ctx.db)!.regionCode;
  const numberTaken = ctx.sqlite.prepare('SELECT 1 FROM hardship_files WHERE file_no = ?').pluck();
  const event = ctx.sqlite.prepare(
    "INSERT INTO file_events (file_id, at, user_id, action, from_status, to_status, code, on_date) VALUES (?, ?, ?, 'confirmImport', 'staged', 'active', ?, ?)",
  );
  for (const row of rows) {
    const file = requireStaged(ctx, row);
    if (row.fileNo && numberTaken.get(row.fileNo)) throw new AppError('FILE_IMPORT_BLOCKED', { blockers: ['FILE_NO_TAKEN'], row: row.row });
    const fileNo = row.fileNo ?? nextFileNumber(ctx.sqlite, regionCode, Number(row.approvedOn.slice(0, 4)));
    // Filed on the sheet's date: the annual review falls due a policy interval after it.
    touchFile(ctx.sqlite, file.id, now, {
      status: 'active',
      file_no: fileNo,
      approved_by: ctx.user!.id,
      approved_on: row.approvedOn,
      reviewed_on: row.approvedOn,
    });
    event.run(file.id, now, ctx.user!.id, row.categoryWord, row.approvedOn);
    ctx.audit({
      recordType: 'file',
      recordId: file.id,
      event: 'file.imported',
      params: { category: file.category!, from: row.categoryWord },
    });
  }
}

/** Rejected or withdrawn: the staged files were never on record; they end (驳回) and are tombstoned, never deleted. */
function dropFiles(ctx: CallContext, rows: StagedRow[], decision: ImportDecision, reason: string | null, now: string): void {
  const action = decision === 'reject' ? 'rejectImport' : 'withdrawImport';
  const event = ctx.sqlite.prepare(
    "INSERT INTO file_events (file_id, at, user_id, action, from_status, to_status, reason) VALUES (?, ?, ?, ?, 'staged', 'rejected', ?)",
  );
  for (const row of rows) {
    const file = requireStaged(ctx, row);
    touchFile(ctx.sqlite, file.id, now, { status: 'rejected', deleted_at: now });
    event.run(file.id, now, ctx.user!.id, action, reason);
  }
}
