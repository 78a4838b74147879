import { v7 as uuidv7 } from 'uuid';
import type { ChannelInput, ChannelOutput, ParsedInput } from '@shared/contract';
import { isIsoDate, type WorkingCalendar } from '@shared/domain/calendar';
import { POLICY_KEYS, POLICY_RULES, policyValueProblem, valueInForce, type PolicyKey } from '@shared/domain/policy';
import { isValidRegionCode } from '@shared/domain/region-code';
import { AppError } from '@shared/errors';
import { localDate } from '../../clock';
import type { CallContext } from '../../context';
import { readOrg } from '../org/org.repo';
import { findPolicyValue, hasActiveValue, insertPolicyValue, listPolicyValues, policyValues, voidPolicyValue } from './policy.repo';

/** The policy numbers in force on `date` for a region (the 低保 line is null until an administrator sets it). */
export function policyOn(ctx: CallContext, date: string, regionCode: string): Record<PolicyKey, number | null> {
  const values = policyValues(ctx.sqlite);
  return Object.fromEntries(POLICY_KEYS.map((key) => [key, valueInForce(values, key, date, regionCode)])) as Record<
    PolicyKey,
    number | null
  >;
}

export function list(ctx: CallContext): ChannelOutput<'policy.list'> {
  const today = localDate(ctx.clock);
  const regionCode = readOrg(ctx.db)!.regionCode;
  const inForce = policyOn(ctx, today, regionCode);
  return { values: listPolicyValues(ctx.sqlite), today, regionCode, inForce: POLICY_KEYS.map((key) => ({ key, value: inForce[key] })) };
}

export function add(ctx: CallContext, input: ChannelInput<'policy.add'>): ChannelOutput<'policy.add'> {
  const regionCode = input.regionCode ?? null;
  if (!isIsoDate(input.effectiveFrom)) throw new AppError('INVALID_INPUT', undefined, [{ path: ['effectiveFrom'], message: 'not a date' }]);
  if (regionCode !== null && !isValidRegionCode(regionCode)) throw new AppError('INVALID_REGION_CODE');
  const problem = policyValueProblem(input.key, input.value, regionCode);
  if (problem) {
    const rule = POLICY_RULES[input.key];
    throw new AppError('POLICY_VALUE_INVALID', { problem, min: rule.min, max: rule.max });
  }
  const id = uuidv7();
  ctx.write(() => {
    if (hasActiveValue(ctx.sqlite, input.key, regionCode, input.effectiveFrom)) throw new AppError('POLICY_DUPLICATE');
    insertPolicyValue(ctx.sqlite, {
      id,
      key: input.key,
      regionCode,
      effectiveFrom: input.effectiveFrom,
      value: input.value,
      createdAt: ctx.now(),
      createdBy: ctx.user!.id,
    });
    ctx.audit({
      recordType: 'policy',
      recordId: id,
      event: 'policy.added',
      params: { key: input.key, regionCode: regionCode ?? '', effectiveFrom: input.effectiveFrom },
    });
  });
  return findPolicyValue(ctx.sqlite, id)!;
}

export function voidValue(ctx: CallContext, input: ChannelInput<'policy.void'>): ChannelOutput<'policy.void'> {
  ctx.write(() => {
    const row = findPolicyValue(ctx.sqlite, input.id);
    if (!row) throw new AppError('NOT_FOUND', { record: 'policy' });
    if (row.voidedAt) throw new AppError('POLICY_ALREADY_VOIDED');
    voidPolicyValue(ctx.sqlite, input.id, ctx.now(), ctx.user!.id, input.reason.trim());
    ctx.audit({ recordType: 'policy', recordId: input.id, event: 'policy.voided', params: { key: row.key } });
  });
  return { ok: true };
}

/** The working calendar as the lifecycle reads it (shared/domain/calendar.ts WorkingCalendar). */
export function workingCalendar(ctx: CallContext): WorkingCalendar {
  const rows = ctx.sqlite.prepare('SELECT date, kind FROM calendar_days WHERE voided_at IS NULL').all() as {
    date: string;
    kind: 'holiday' | 'workday';
  }[];
  return {
    holidays: new Set(rows.filter((r) => r.kind === 'holiday').map((r) => r.date)),
    workingWeekends: new Set(rows.filter((r) => r.kind === 'workday').map((r) => r.date)),
  };
}

export function calendar(ctx: CallContext, input: ParsedInput<'policy.calendar'>): ChannelOutput<'policy.calendar'> {
  return {
    days: ctx.sqlite
      .prepare(
        `SELECT d.date, d.kind, u.display_name AS setBy FROM calendar_days d LEFT JOIN users u ON u.id = d.created_by
         WHERE d.voided_at IS NULL AND d.date >= ? ORDER BY d.date`,
      )
      .all(input.from) as ChannelOutput<'policy.calendar'>['days'],
  };
}

export function setDay(ctx: CallContext, input: ParsedInput<'policy.setDay'>): ChannelOutput<'policy.setDay'> {
  if (!isIsoDate(input.date)) throw new AppError('INVALID_INPUT', undefined, [{ path: ['date'], message: 'not a date' }]);
  ctx.write(() => {
    const now = ctx.now();
    ctx.sqlite
      .prepare('UPDATE calendar_days SET voided_at = ?, voided_by = ? WHERE date = ? AND voided_at IS NULL')
      .run(now, ctx.user!.id, input.date);
    if (input.kind) {
      ctx.sqlite
        .prepare('INSERT INTO calendar_days (id, date, kind, created_at, created_by) VALUES (?, ?, ?, ?, ?)')
        .run(uuidv7(), input.date, input.kind, now, ctx.user!.id);
    }
    ctx.audit({
      recordType: 'policy',
      recordId: null,
      event: 'policy.daySet',
      params: { date: input.date, kind: input.kind ?? 'ordinary' },
    });
  });
  return { ok: true };
}
