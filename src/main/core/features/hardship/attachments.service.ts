import { v7 as uuidv7 } from 'uuid';
import type { ChannelOutput, ParsedInput } from '@shared/contract';
import { AppError } from '@shared/errors';
import type { AttachmentType } from '@shared/domain/hardship-codes';
import { ENDED_STATUSES } from '@shared/domain/hardship-lifecycle';
import type { CallContext } from '../../context';
import { inboxFileSize, putOutboxFile, readInboxFileSync } from '../../files';
import { touchFile } from './files.repo';
import { get, requireFile } from './files.service';

const MAX_ATTACHMENT_BYTES = 10 * 1024 * 1024;

/** The kind of file by its first bytes, not its name: only images and PDFs are kept. */
function sniffMime(head: Buffer): string | null {
  if (head.subarray(0, 3).equals(Buffer.from([0xff, 0xd8, 0xff]))) return 'image/jpeg';
  if (head.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))) return 'image/png';
  if (head.subarray(0, 5).toString('latin1') === '%PDF-') return 'application/pdf';
  return null;
}

export interface Upload {
  fileName: string;
  mime: string;
  content: Buffer;
}

/**
 * An upload read from the inbox and checked: at most 10 MB, and by its first bytes an image, or a PDF where PDFs are
 * allowed. `fileName` only names it (in the error too, so that the clerk knows which of several photos to replace).
 */
export function readUpload(ctx: CallContext, uploadId: string, fileName: string, accept: 'imageOrPdf' | 'image'): Upload {
  if (inboxFileSize(ctx.core.files, uploadId) > MAX_ATTACHMENT_BYTES)
    throw new AppError('ATTACHMENT_INVALID', { problem: 'TOO_LARGE', max: MAX_ATTACHMENT_BYTES, fileName });
  const content = readInboxFileSync(ctx.core.files, uploadId);
  const mime = sniffMime(content);
  if (!mime || (accept === 'image' && !mime.startsWith('image/')))
    throw new AppError('ATTACHMENT_INVALID', { problem: accept === 'image' ? 'NOT_IMAGE' : 'TYPE', fileName });
  return { fileName, mime, content };
}

/** Stores an attachment in the file's write transaction (the caller touches the file and writes the audit entry). */
export function insertAttachment(
  ctx: CallContext,
  fileId: string,
  type: AttachmentType,
  upload: Upload,
  visitId: string | null = null,
): void {
  ctx.sqlite
    .prepare(
      'INSERT INTO file_attachments (id, file_id, type, file_name, mime, size, content, added_by, added_at, visit_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
    )
    .run(uuidv7(), fileId, type, upload.fileName, upload.mime, upload.content.length, upload.content, ctx.user!.id, ctx.now(), visitId);
}

/** An attachment from an upload, kept in the encrypted database (an office PC's disk holds nothing else). */
export function attach(ctx: CallContext, input: ParsedInput<'files.attach'>): ChannelOutput<'files.attach'> {
  const upload = readUpload(ctx, input.uploadId, input.fileName, 'imageOrPdf');
  ctx.write(() => {
    const file = requireFile(ctx, input.fileId);
    if (ENDED_STATUSES.includes(file.status)) throw new AppError('FILE_NOT_EDITABLE');
    insertAttachment(ctx, file.id, input.type, upload);
    touchFile(ctx.sqlite, file.id, ctx.now());
    ctx.audit({ recordType: 'file', recordId: file.id, event: 'file.attached', params: { type: input.type } });
  });
  return get(ctx, input.fileId);
}

/**
 * An attachment to be looked at; every look is in the audit log (it may be an ID card or a diagnosis). `accept`
 * 'image' refuses any other kind before the look is logged.
 */
function lookAt(ctx: CallContext, fileId: string, attachmentId: string, accept: 'image' | 'any') {
  requireFile(ctx, fileId);
  const row = ctx.sqlite
    .prepare('SELECT type, file_name AS fileName, mime, content FROM file_attachments WHERE id = ? AND file_id = ? AND deleted_at IS NULL')
    .get(attachmentId, fileId) as { type: string; fileName: string; mime: string; content: Buffer } | undefined;
  if (!row) throw new AppError('NOT_FOUND', { record: 'attachment' });
  if (accept === 'image' && !row.mime.startsWith('image/')) throw new AppError('ATTACHMENT_INVALID', { problem: 'NOT_IMAGE' });
  ctx.write(() => ctx.audit({ recordType: 'file', recordId: fileId, event: 'file.attachmentOpened', params: { type: row.type } }));
  return row;
}

/** An attachment put in the outbox, for the system viewer. */
export function openAttachment(ctx: CallContext, input: ParsedInput<'files.openAttachment'>): ChannelOutput<'files.openAttachment'> {
  const row = lookAt(ctx, input.fileId, input.attachmentId, 'any');
  return putOutboxFile(ctx.core.files, row.fileName, row.mime, row.content);
}

/** An image attachment for the program's own preview; nothing is written to disk. */
export function previewAttachment(
  ctx: CallContext,
  input: ParsedInput<'files.previewAttachment'>,
): ChannelOutput<'files.previewAttachment'> {
  const row = lookAt(ctx, input.fileId, input.attachmentId, 'image');
  return { fileName: row.fileName, mime: row.mime, dataUrl: `data:${row.mime};base64,${row.content.toString('base64')}` };
}

/**
 * Withdraws an attachment with a reason (a wrong scan, another family's paper): it is kept and listed, marked
 * withdrawn, and no longer counts (committee minutes, visit photos). The reason goes to the file's timeline, the
 * audit entry names only the type.
 */
export function withdrawAttachment(
  ctx: CallContext,
  input: ParsedInput<'files.withdrawAttachment'>,
): ChannelOutput<'files.withdrawAttachment'> {
  ctx.write(() => {
    const file = requireFile(ctx, input.fileId);
    if (ENDED_STATUSES.includes(file.status)) throw new AppError('FILE_NOT_EDITABLE');
    const row = ctx.sqlite
      .prepare('SELECT type, withdrawn_at AS withdrawnAt FROM file_attachments WHERE id = ? AND file_id = ? AND deleted_at IS NULL')
      .get(input.attachmentId, file.id) as { type: string; withdrawnAt: string | null } | undefined;
    if (!row) throw new AppError('NOT_FOUND', { record: 'attachment' });
    if (row.withdrawnAt) throw new AppError('ATTACHMENT_WITHDRAWN');
    const now = ctx.now();
    ctx.sqlite
      .prepare('UPDATE file_attachments SET withdrawn_at = ?, withdrawn_by = ?, withdrawn_reason = ? WHERE id = ?')
      .run(now, ctx.user!.id, input.reason, input.attachmentId);
    ctx.sqlite
      .prepare(
        "INSERT INTO file_events (file_id, at, user_id, action, from_status, to_status, reason, code) VALUES (?, ?, ?, 'withdrawAttachment', ?, ?, ?, ?)",
      )
      .run(file.id, now, ctx.user!.id, file.status, file.status, input.reason, row.type);
    touchFile(ctx.sqlite, file.id, now);
    ctx.audit({ recordType: 'file', recordId: file.id, event: 'file.attachmentWithdrawn', params: { type: row.type } });
  });
  return get(ctx, input.fileId);
}
