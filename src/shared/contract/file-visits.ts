import { z } from 'zod';
import { MAX_VISIT_PHOTOS, MUST_VISIT_REASONS, SIX_CLEARS, VISIT_KINDS } from '../domain/hardship-codes';
import { isoDate, isoInstant, trimmedText as text, uuid } from './define';

/* A hardship file's home visits (六清 and the others): as recorded, and as the file shows them. The channel
 * (files.recordVisit) is with the hardship files' (hardship.ts). */

export const visitItem = z.object({ item: z.enum(SIX_CLEARS), clear: z.boolean(), note: text(300).nullable().default(null) });

export const visitInput = z.object({
  fileId: uuid,
  kind: z.enum(VISIT_KINDS),
  date: isoDate,
  /** Two or more for the six-clears visit (docs/domain.md). */
  /** Staff display names (up to 40 characters) or names typed in. */
  visitors: z.array(text(40).min(1)).min(1).max(10),
  items: z.array(visitItem).default([]),
  mustVisitReason: z.enum(MUST_VISIT_REASONS).nullable().default(null),
  headSigned: z.boolean().default(false),
  note: text(1000).nullable().default(null),
  /** Photos taken at the visit (JPEG or PNG uploads), kept with the file's attachments. */
  photos: z
    .array(z.object({ uploadId: z.string().min(1), fileName: text(200).min(1) }))
    .max(MAX_VISIT_PHOTOS)
    .default([]),
});

export const visitView = z.object({
  id: uuid,
  kind: z.enum(VISIT_KINDS),
  date: isoDate,
  visitors: z.array(z.string()),
  items: z.array(visitItem),
  allClear: z.boolean(),
  mustVisitReason: z.enum(MUST_VISIT_REASONS).nullable(),
  headSigned: z.boolean(),
  note: z.string().nullable(),
  recordedBy: z.string().nullable(),
  recordedAt: isoInstant,
  /** The visit's photos: attachments of type visitPhoto (open or preview them by id). */
  photoIds: z.array(uuid),
});
