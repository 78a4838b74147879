import { z } from 'zod';
import { AUDIT_EVENTS } from '../audit-events';
import { channel, isoDate, isoInstant } from './define';

export const auditEntry = z.object({
  seq: z.number().int(),
  at: isoInstant,
  userId: z.string().nullable(),
  userName: z.string().nullable(),
  action: z.string(),
  recordType: z.string().nullable(),
  recordId: z.string().nullable(),
  summary: z.object({ event: z.enum(AUDIT_EVENTS), params: z.record(z.string(), z.union([z.string(), z.number()])) }),
});
export type AuditEntry = z.infer<typeof auditEntry>;

export const auditChannels = {
  'audit.list': channel({
    input: z.object({
      userId: z.string().optional(),
      action: z.string().optional(),
      from: isoDate.optional(),
      to: isoDate.optional(),
      page: z.number().int().min(1).default(1),
      pageSize: z.number().int().min(1).max(200).default(50),
    }),
    output: z.object({ entries: z.array(auditEntry), total: z.number().int(), actions: z.array(z.string()) }),
    access: 'admin',
    mutates: false,
  }),
  /** Recomputes the hash chain; reports the first entry whose hash or link does not match. */
  'audit.verify': channel({
    input: z.object({}).strict(),
    output: z.object({
      ok: z.boolean(),
      checked: z.number().int(),
      firstBrokenSeq: z.number().int().nullable(),
    }),
    access: 'admin',
    mutates: false,
  }),
};
