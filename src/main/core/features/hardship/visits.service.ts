import { v7 as uuidv7 } from 'uuid';
import type { ChannelOutput, ParsedInput } from '@shared/contract';
import { SIX_CLEARS } from '@shared/domain/hardship-codes';
import { ENDED_STATUSES } from '@shared/domain/hardship-lifecycle';
import { AppError } from '@shared/errors';
import { localDate } from '../../clock';
import type { CallContext } from '../../context';
import { insertAttachment, readUpload } from './attachments.service';
import { touchFile } from './files.repo';
import { get, requireFile } from './files.service';

/**
 * A visit. The six-clears visit (六清) needs two or more visitors and all six items, each 清 or 不清; it is what
 * the lifecycle reads. The five must-visits name their occasion. Visits are records: never changed afterwards.
 */
export function recordVisit(ctx: CallContext, input: ParsedInput<'files.recordVisit'>): ChannelOutput<'files.recordVisit'> {
  if (input.date > localDate(ctx.clock)) throw new AppError('VISIT_INVALID', { problem: 'FUTURE_DATE' });
  const items = input.kind === 'sixClears' ? input.items : [];
  if (input.kind === 'sixClears') {
    if (new Set(input.visitors.map((v) => v.trim())).size < 2) throw new AppError('VISIT_INVALID', { problem: 'TWO_VISITORS' });
    const covered = SIX_CLEARS.every((item) => items.filter((i) => i.item === item).length === 1);
    if (!covered || items.length !== SIX_CLEARS.length) throw new AppError('VISIT_INVALID', { problem: 'SIX_ITEMS' });
  }
  if (input.kind === 'mustVisit' && !input.mustVisitReason) throw new AppError('VISIT_INVALID', { problem: 'OCCASION' });
  const ordered = SIX_CLEARS.flatMap((item) => items.filter((i) => i.item === item));
  const allClear = input.kind === 'sixClears' && ordered.every((i) => i.clear);
  // Every photo is read and checked before anything is written: the visit is recorded with all of them or not at all.
  const photos = input.photos.map((photo) => readUpload(ctx, photo.uploadId, photo.fileName, 'image'));
  ctx.write(() => {
    const file = requireFile(ctx, input.fileId);
    if (ENDED_STATUSES.includes(file.status)) throw new AppError('FILE_NOT_EDITABLE');
    const now = ctx.now();
    const visitId = uuidv7();
    ctx.sqlite
      .prepare(
        `INSERT INTO file_visits (id, file_id, kind, date, visitors, items, all_clear, must_visit_reason, head_signed, note, recorded_by, recorded_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(
        visitId,
        file.id,
        input.kind,
        input.date,
        JSON.stringify(input.visitors.map((v) => v.trim())),
        JSON.stringify(ordered),
        allClear ? 1 : 0,
        input.kind === 'mustVisit' ? input.mustVisitReason : null,
        input.headSigned ? 1 : 0,
        input.note ?? null,
        ctx.user!.id,
        now,
      );
    for (const photo of photos) insertAttachment(ctx, file.id, 'visitPhoto', photo, visitId);
    touchFile(ctx.sqlite, file.id, now);
    ctx.audit({
      recordType: 'file',
      recordId: file.id,
      event: 'file.visitRecorded',
      params: { kind: input.kind, allClear: allClear ? 'yes' : 'no', photos: photos.length },
    });
  });
  return get(ctx, input.fileId);
}
