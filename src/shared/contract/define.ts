import { z } from 'zod';
import { isIsoDate } from '../domain/calendar';
import type { ChannelAccess } from '../roles';

/**
 * One IPC channel: what it takes, what it gives back, the lowest role that may call it, and whether it changes
 * data (then every write it makes must carry an audit entry in the same transaction).
 */
export interface ChannelDef<I extends z.ZodType = z.ZodType, O extends z.ZodType = z.ZodType> {
  input: I;
  output: O;
  access: ChannelAccess;
  mutates: boolean;
}

/**
 * A long job (docs/architecture.md §3): the call answers `{ jobId }` at once; the core then publishes `job.progress`
 * events and one `job.finished` event whose result is checked against `result`. `jobs.cancel` stops it.
 */
export interface JobChannelDef<I extends z.ZodType = z.ZodType, R extends z.ZodType = z.ZodType> extends ChannelDef<I, typeof jobStarted> {
  result: R;
}

export function channel<I extends z.ZodType, O extends z.ZodType>(def: ChannelDef<I, O>): ChannelDef<I, O> {
  return def;
}

export const jobStarted = z.object({ jobId: z.string() });

export function jobChannel<I extends z.ZodType, R extends z.ZodType>(def: Omit<JobChannelDef<I, R>, 'output'>): JobChannelDef<I, R> {
  return { ...def, output: jobStarted };
}

export const noInput = z.object({}).strict();
export const okOutput = z.object({ ok: z.literal(true) });

/** A document or export the core wrote to its outbox; the host saves it through a dialog or a download. */
export const fileRef = z.object({
  fileId: z.string(),
  name: z.string(),
  mime: z.string(),
  bytes: z.number().int().nonnegative(),
});
export type FileRef = z.infer<typeof fileRef>;

export const isoInstant = z.string().datetime({ offset: true });
/** A real day as YYYY-MM-DD: 2019-02-30 is refused here, before any service (BAD_DATE names the field). */
export const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'BAD_DATE')
  .refine(isIsoDate, 'BAD_DATE');
export const uuid = z.string().uuid();

/** Free text as clerks type it: trimmed, at most `max` characters. */
export const trimmedText = (max: number) => z.string().trim().max(max);
