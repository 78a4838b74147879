import { z } from 'zod';
import { AUDIT_ALARM_KINDS, AUDIT_EVENTS } from '../audit-events';
import { channel, isoDate, isoInstant, noInput, okOutput } from './define';

export const auditEntry = z.object({
  seq: z.number().int(),
  at: isoInstant,
  userId: z.string().nullable(),
  userName: z.string().nullable(),
  /** The user's display name now (read from the users at read time; null when the entry has no user). */
  userDisplayName: z.string().nullable(),
  action: z.string(),
  recordType: z.string().nullable(),
  recordId: z.string().nullable(),
  /**
   * The record's name now (a member's name, a unit's, an import's file name), read from the records at read time and
   * given only to a role that may read that record; the log itself keeps ids only.
   */
  recordName: z.string().nullable(),
  summary: z.object({ event: z.enum(AUDIT_EVENTS), params: z.record(z.string(), z.union([z.string(), z.number()])) }),
});
export type AuditEntry = z.infer<typeof auditEntry>;

export const auditAlarmKind = z.enum(AUDIT_ALARM_KINDS);

/** An alarm the audit check raised: the audit entry that records it, and who acknowledged it (if anyone yet). */
export const auditAlarm = z.object({
  seq: z.number().int(),
  at: isoInstant,
  kind: auditAlarmKind,
  params: z.record(z.string(), z.union([z.string(), z.number()])),
  acknowledgedAt: isoInstant.nullable(),
  acknowledgedBy: z.string().nullable(),
});
export type AuditAlarm = z.infer<typeof auditAlarm>;

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
  /**
   * Recomputes the hash chain and compares it with its anchor outside the database and with the schema's
   * protective triggers; reports the first entry whose hash or link does not match and what else was found (each
   * finding is also recorded as an alarm, which is why this call writes).
   */
  'audit.verify': channel({
    input: z.object({}).strict(),
    output: z.object({
      ok: z.boolean(),
      checked: z.number().int(),
      firstBrokenSeq: z.number().int().nullable(),
      problems: z.array(auditAlarmKind),
    }),
    access: 'admin',
    mutates: true,
  }),
  /** What the checks at start, sign-in and "verify" found, newest first; acknowledged ones stay listed. */
  'audit.alarms': channel({
    input: noInput,
    output: z.object({ alarms: z.array(auditAlarm) }),
    access: 'admin',
    mutates: false,
  }),
  /** An administrator has seen an alarm: recorded in the audit log; the alarm itself stays. */
  'audit.acknowledge': channel({
    input: z.object({ seq: z.number().int().min(1) }),
    output: okOutput,
    access: 'admin',
    mutates: true,
  }),
};
