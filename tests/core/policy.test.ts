import { describe, expect, it } from 'vitest';
import { addDays } from '@shared/domain/calendar';
import { POLICY_KEYS } from '@shared/domain/policy';
import { addUser, startSetUpCore } from './support/core';

/** ORG's region is 110105 (朝阳区); its city is 110100, its province 110000. */
describe('policy tables', () => {
  it('holds the docs/domain.md defaults until an administrator sets values, and no 低保 line', async () => {
    const t = await startSetUpCore();
    const listed = await t.call('policy.list', {});
    expect(listed.values).toEqual([]);
    expect(listed.regionCode).toBe('110105');
    expect(listed.inForce).toEqual([
      { key: 'lowIncomeLine', value: null },
      { key: 'noticeWorkingDays', value: 5 },
      { key: 'visitValidDays', value: 90 },
      { key: 'reviewIntervalMonths', value: 12 },
      // docs/domain.md "Means test": below 2 × the line → 相对困难; accident costs above 80 % of income → 意外致困.
      { key: 'relativeLinePercent', value: 200 },
      { key: 'accidentThresholdPercent', value: 80 },
      // docs/domain.md "Aid": yearly caps per household, none until an administrator sets one.
      { key: 'aidYearCapTotal', value: null },
      { key: 'aidYearCapLiving', value: null },
      { key: 'aidYearCapMedical', value: null },
      { key: 'aidYearCapEducation', value: null },
      { key: 'aidYearCapFestival', value: null },
      { key: 'aidYearCapEmergency', value: null },
      { key: 'aidYearCapAccident', value: null },
      // Federation mode: a centre with no batch imported for more than 35 days is overdue (features/federation).
      { key: 'batchOverdueDays', value: 35 },
    ]);
  });

  it('judges each day with the value in force on it: by effective date, the district before its city, voided values left out but kept', async () => {
    const t = await startSetUpCore();
    const { today } = await t.call('policy.list', {});
    const inForce = async () => Object.fromEntries((await t.call('policy.list', {})).inForce.map((v) => [v.key, v.value]));

    await t.call('policy.add', { key: 'lowIncomeLine', regionCode: '110100', effectiveFrom: addDays(today, -400), value: 128_000 });
    expect((await inForce()).lowIncomeLine).toBe(128_000); // the city's line holds in the district
    const district = await t.call('policy.add', {
      key: 'lowIncomeLine',
      regionCode: '110105',
      effectiveFrom: addDays(today, -30),
      value: 132_000,
    });
    expect(district).toMatchObject({ key: 'lowIncomeLine', regionCode: '110105', value: 132_000, createdBy: '管理员', voidedAt: null });
    await t.call('policy.add', { key: 'lowIncomeLine', regionCode: '110105', effectiveFrom: addDays(today, 10), value: 140_000 });
    expect((await inForce()).lowIncomeLine).toBe(132_000); // the future value is not in force yet

    await t.call('policy.add', { key: 'noticeWorkingDays', effectiveFrom: today, value: 7 });
    expect((await inForce()).noticeWorkingDays).toBe(7);

    await t.call('policy.void', { id: district.id, reason: '录入错误，应为 1320 元' });
    expect((await inForce()).lowIncomeLine).toBe(128_000);
    const listed = await t.call('policy.list', {});
    expect(listed.values).toHaveLength(4);
    expect(listed.values.find((v) => v.id === district.id)).toMatchObject({ voidedBy: '管理员', voidReason: '录入错误，应为 1320 元' });
    expect((await t.fail('policy.void', { id: district.id, reason: '再次作废' })).code).toBe('POLICY_ALREADY_VOIDED');

    // Audited, and never deleted.
    const audit = await t.call('audit.list', { page: 1, pageSize: 50 });
    expect(audit.entries.filter((e) => e.summary.event.startsWith('policy.')).map((e) => e.summary.event)).toEqual([
      'policy.voided',
      'policy.added',
      'policy.added',
      'policy.added',
      'policy.added',
    ]);
    expect(() => t.core.state.conn!.sqlite.prepare('DELETE FROM policy_values').run()).toThrow(/hard delete refused/);
  });

  it('refuses what an administrator must fix, saying what', async () => {
    const t = await startSetUpCore();
    const { today } = await t.call('policy.list', {});
    expect(await t.fail('policy.add', { key: 'lowIncomeLine', regionCode: '110105', effectiveFrom: today, value: 99 })).toMatchObject({
      code: 'POLICY_VALUE_INVALID',
      params: { problem: 'OUT_OF_RANGE', min: 100, max: 1_000_000 },
    });
    expect(await t.fail('policy.add', { key: 'lowIncomeLine', effectiveFrom: today, value: 100_000 })).toMatchObject({
      params: { problem: 'REGION_REQUIRED' },
    });
    expect(await t.fail('policy.add', { key: 'visitValidDays', regionCode: '110105', effectiveFrom: today, value: 90 })).toMatchObject({
      params: { problem: 'REGION_NOT_ALLOWED' },
    });
    expect(await t.fail('policy.add', { key: 'noticeWorkingDays', effectiveFrom: today, value: 4 })).toMatchObject({
      params: { problem: 'OUT_OF_RANGE', min: 5 },
    });
    expect(await t.fail('policy.add', { key: 'reviewIntervalMonths', effectiveFrom: today, value: 13 })).toMatchObject({
      params: { max: 12 },
    });
    expect((await t.fail('policy.add', { key: 'lowIncomeLine', regionCode: '990101', effectiveFrom: today, value: 100_000 })).code).toBe(
      'INVALID_REGION_CODE',
    );
    expect((await t.fail('policy.add', { key: 'visitValidDays', effectiveFrom: '2026-02-30', value: 60 })).code).toBe('INVALID_INPUT');
    await t.call('policy.add', { key: 'visitValidDays', effectiveFrom: today, value: 60 });
    expect((await t.fail('policy.add', { key: 'visitValidDays', effectiveFrom: today, value: 45 })).code).toBe('POLICY_DUPLICATE');
  });

  it('lets everyone read the values and only an administrator change them', async () => {
    const t = await startSetUpCore();
    await addUser(t, 'clerk', 'clerk.sun', 'clerk');
    await addUser(t, 'viewer', 'viewer.qian', 'viewer');
    expect((await t.call('policy.list', {}, 'viewer')).inForce).toHaveLength(POLICY_KEYS.length);
    const { today } = await t.call('policy.list', {});
    expect((await t.fail('policy.add', { key: 'visitValidDays', effectiveFrom: today, value: 60 }, 'clerk')).code).toBe('FORBIDDEN');
  });
});

describe('the working calendar', () => {
  it('keeps holidays and worked weekends an administrator sets, and puts a day back by voiding its row', async () => {
    const t = await startSetUpCore();
    await t.call('policy.setDay', { date: '2026-10-01', kind: 'holiday' });
    await t.call('policy.setDay', { date: '2026-10-10', kind: 'workday' });
    await t.call('policy.setDay', { date: '2026-10-02', kind: 'holiday' });
    await t.call('policy.setDay', { date: '2026-10-02', kind: null });
    expect((await t.call('policy.calendar', { from: '2026-01-01' })).days).toEqual([
      { date: '2026-10-01', kind: 'holiday', setBy: '管理员' },
      { date: '2026-10-10', kind: 'workday', setBy: '管理员' },
    ]);
    expect(
      t.core.state
        .conn!.sqlite.prepare("SELECT count(*) FROM calendar_days WHERE date = '2026-10-02' AND voided_at IS NOT NULL")
        .pluck()
        .get(),
    ).toBe(1);
    expect(() => t.core.state.conn!.sqlite.prepare('DELETE FROM calendar_days').run()).toThrow(/hard delete refused/);
    const audit = await t.call('audit.list', { page: 1, pageSize: 20 });
    expect(audit.entries.filter((e) => e.summary.event === 'policy.daySet')).toHaveLength(4);
    await addUser(t, 'clerk', 'clerk.sun', 'clerk');
    expect((await t.fail('policy.setDay', { date: '2026-10-03', kind: 'holiday' }, 'clerk')).code).toBe('FORBIDDEN');
    expect((await t.fail('policy.setDay', { date: '2026-02-30', kind: 'holiday' })).code).toBe('INVALID_INPUT');
  });
});
