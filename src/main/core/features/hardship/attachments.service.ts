import { readFileSync, statSync } from 'node:fs';
import { v7 as uuidv7 } from 'uuid';
import type { ChannelOutput, ParsedInput } from '@shared/contract';
import { AppError } from '@shared/errors';
import type { CallContext } from '../../context';
import { inboxFilePath, putOutboxFile } from '../../files';
import { ENDED_STATUSES, touchFile } from './files.repo';
import { get, requireFile } from './files.service';

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
