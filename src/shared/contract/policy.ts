import { z } from 'zod';
import { POLICY_KEYS } from '../domain/policy';
import { channel, isoDate, isoInstant, noInput, okOutput, uuid } from './define';

export const policyKey = z.enum(POLICY_KEYS);
export const calendarDayKind = z.enum(['holiday', 'workday']);

export const policyValueItem = z.object({
  id: uuid,
  key: policyKey,
  regionCode: z.string().nullable(),
  effectiveFrom: isoDate,
  /** Fen for the 低保 line; days, working days or months for the others (POLICY_RULES). */
  value: z.number().int(),
  createdAt: isoInstant,
  /** The administrator's display name. */
  createdBy: z.string().nullable(),
  voidedAt: isoInstant.nullable(),
  voidedBy: z.string().nullable(),
  voidReason: z.string().nullable(),
  /** The federation's code for a value taken from its policy file (shown as 来自上级); null for the office's own. */
  sourceCode: z.string().nullable(),
  /** That federation's name as its key card gives it (null when no card of that code is held). */
  sourceName: z.string().nullable(),
  sourceIssue: z.number().int().nullable(),
});
export type PolicyValueItem = z.infer<typeof policyValueItem>;

export const policyChannels = {
  /** Every value ever set (voided ones included), and what is in force today for the office's own region. */
  'policy.list': channel({
    input: noInput,
    output: z.object({
      values: z.array(policyValueItem),
      today: isoDate,
      regionCode: z.string(),
      inForce: z.array(z.object({ key: policyKey, value: z.number().int().nullable() })),
    }),
    access: 'viewer',
    mutates: false,
  }),
  'policy.add': channel({
    input: z.object({
      key: policyKey,
      regionCode: z
        .string()
        .trim()
        .regex(/^\d{6}$/)
        .nullable()
        .default(null),
      effectiveFrom: isoDate,
      value: z.number().int(),
    }),
    output: policyValueItem,
    access: 'admin',
    mutates: true,
  }),
  /** A mistaken value is voided with the reason, never deleted. */
  'policy.void': channel({
    input: z.object({ id: uuid, reason: z.string().trim().min(2).max(200) }),
    output: okOutput,
    access: 'admin',
    mutates: true,
  }),
  /** The days set as holidays or as worked weekends (调休), from a date on (a notice counts working days). */
  'policy.calendar': channel({
    input: z.object({ from: isoDate }),
    output: z.object({ days: z.array(z.object({ date: isoDate, kind: calendarDayKind, setBy: z.string().nullable() })) }),
    access: 'viewer',
    mutates: false,
  }),
  /** Sets a day as a holiday or a worked weekend; null puts it back to the ordinary week (the old row is voided). */
  'policy.setDay': channel({
    input: z.object({ date: isoDate, kind: calendarDayKind.nullable() }),
    output: okOutput,
    access: 'admin',
    mutates: true,
  }),
};
