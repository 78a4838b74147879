import { readFileSync, statSync } from 'node:fs';
import { v7 as uuidv7 } from 'uuid';
import type { ChannelOutput, ParsedInput } from '@shared/contract';
import { SIX_CLEARS } from '@shared/domain/hardship-codes';
import { AppError } from '@shared/errors';
import type { CallContext } from '../../context';
import { inboxFilePath, putOutboxFile } from '../../files';
import { listAudit } from '../audit/audit.repo';
import { judgingDay } from './file-facts';
import { ENDED_STATUSES, touchFile } from './files.repo';
import { get, requireFile } from './files.service';

/**
 * A visit. The six-clears visit (六清) needs two or more visitors and all six items, each 清 or 不清; it is what
 * the lifecycle reads. The five must-visits name their occasion. Visits are records: never changed afterwards.
 */
export function recordVisit(ctx: CallContext, input: ParsedInput<'files.recordVisit'>): ChannelOutput<'files.recordVisit'> {
  const day = judgingDay(ctx);
  if (input.date > day.today) throw new AppError('VISIT_INVALID', { problem: 'FUTURE_DATE' });
  const items = input.kind === 'sixClears' ? input.items : [];
  if (input.kind === 'sixClears') {
    if (new Set(input.visitors.map((v) => v.trim())).size < 2) throw new AppError('VISIT_INVALID', { problem: 'TWO_VISITORS' });
    const covered = SIX_CLEARS.every((item) => items.filter((i) => i.item === item).length === 1);
    if (!covered || items.length !== SIX_CLEARS.length) throw new AppError('VISIT_INVALID', { problem: 'SIX_ITEMS' });
  }
  if (input.kind === 'mustVisit' && !input.mustVisitReason) throw new AppError('VISIT_INVALID', { problem: 'OCCASION' });
  const ordered = SIX_CLEARS.flatMap((item) => items.filter((i) => i.item === item));
  const allClear = input.kind === 'sixClears' && ordered.every((i) => i.clear);
  ctx.write(() => {
    const file = requireFile(ctx, input.fileId);
    if (ENDED_STATUSES.includes(file.status)) throw new AppError('FILE_NOT_EDITABLE');
    const now = ctx.now();
    ctx.sqlite
      .prepare(
        `INSERT INTO file_visits (id, file_id, kind, date, visitors, items, all_clear, must_visit_reason, head_signed, note, recorded_by, recorded_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(
        uuidv7(), file.id, input.kind, input.date, JSON.stringify(input.visitors.map((v) => v.trim())), JSON.stringify(ordered), allClear ? 1 : 0,
        input.kind === 'mustVisit' ? input.mustVisitReason : null, input.headSigned ? 1 : 0, input.note ?? null, ctx.user!.id, now,
      );
    touchFile(ctx.sqlite, file.id, now);
    ctx.audit({ recordType: 'file', recordId: file.id, event: 'file.visitRecorded', params: { kind: input.kind, allClear: allClear ? 'yes' : 'no' } });
  });
  return get(ctx, input.fileId);
}

export const MAX_ATTACHMENT_BYTES = 10 * 1024 * 1024;

/** The kind of file by its first bytes, not its name: only images and PDFs are kept. */
function sniffMime(head: Buffer): string | null {
  if (head.subarray(0, 3).equals(Buffer.from([0xff, 0xd8, 0xff]))) return 'image/jpeg';
  if (head.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))) return 'image/png';
  if (head.subarray(0, 5).toString('latin1') === '%PDF-') return 'application/pdf';
  return null;
}

/** An attachment from an upload, kept in the encrypted database (an office PC's disk holds nothing else). */
export function attach(ctx: CallContext, input: ParsedInput<'files.attach'>): ChannelOutput<'files.attach'> {
  const path = inboxFilePath(ctx.core.paths.inboxDir, input.uploadId);
  const size = statSync(path).size;
  if (size > MAX_ATTACHMENT_BYTES) throw new AppError('ATTACHMENT_INVALID', { problem: 'TOO_LARGE', max: MAX_ATTACHMENT_BYTES });
  const content = readFileSync(path);
  const mime = sniffMime(content);
  if (!mime) throw new AppError('ATTACHMENT_INVALID', { problem: 'TYPE' });
  ctx.write(() => {
    const file = requireFile(ctx, input.fileId);
    if (ENDED_STATUSES.includes(file.status)) throw new AppError('FILE_NOT_EDITABLE');
    const id = uuidv7();
    const now = ctx.now();
    ctx.sqlite
      .prepare('INSERT INTO file_attachments (id, file_id, type, file_name, mime, size, content, added_by, added_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)')
      .run(id, file.id, input.type, input.fileName, mime, size, content, ctx.user!.id, now);
    touchFile(ctx.sqlite, file.id, now);
    ctx.audit({ recordType: 'file', recordId: file.id, event: 'file.attached', params: { type: input.type } });
  });
  return get(ctx, input.fileId);
}

/** An attachment put in the outbox to be looked at; every look is in the audit log (it may be an ID card). */
export function openAttachment(ctx: CallContext, input: ParsedInput<'files.openAttachment'>): ChannelOutput<'files.openAttachment'> {
  requireFile(ctx, input.fileId);
  const row = ctx.sqlite
    .prepare('SELECT type, file_name AS fileName, mime, content FROM file_attachments WHERE id = ? AND file_id = ? AND deleted_at IS NULL')
    .get(input.attachmentId, input.fileId) as { type: string; fileName: string; mime: string; content: Buffer } | undefined;
  if (!row) throw new AppError('NOT_FOUND', { record: 'attachment' });
  ctx.write(() => ctx.audit({ recordType: 'file', recordId: input.fileId, event: 'file.attachmentOpened', params: { type: row.type } }));
  return putOutboxFile(ctx.core.paths.outboxDir, row.fileName, row.mime, row.content);
}

/** The audit log's entries for the file: who did what, when (the reasons are in the timeline, not here). */
export function history(ctx: CallContext, id: string): ChannelOutput<'files.history'> {
  requireFile(ctx, id);
  return { entries: listAudit(ctx.sqlite, { recordId: id }, 1, 500).entries };
}
