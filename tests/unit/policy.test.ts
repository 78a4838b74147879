import { describe, expect, it } from 'vitest';
import { policyValueProblem, regionLookupOrder, valueInForce, type PolicyValue } from '@shared/domain/policy';

const line = (regionCode: string, effectiveFrom: string, value: number, voided = false): PolicyValue => ({
  key: 'lowIncomeLine',
  regionCode,
  effectiveFrom,
  value,
  voided,
});

describe('policy values in force', () => {
  it('looks a region up from the county to its city to its province, without repeats', () => {
    expect(regionLookupOrder('440106')).toEqual(['440106', '440100', '440000']);
    expect(regionLookupOrder('440100')).toEqual(['440100', '440000']);
    expect(regionLookupOrder('440000')).toEqual(['440000']);
  });

  it('takes the latest value whose effective date has come, on the day itself too', () => {
    const values = [line('440106', '2025-01-01', 94_000), line('440106', '2026-07-01', 98_000)];
    expect(valueInForce(values, 'lowIncomeLine', '2024-12-31', '440106')).toBeNull();
    expect(valueInForce(values, 'lowIncomeLine', '2025-01-01', '440106')).toBe(94_000);
    expect(valueInForce(values, 'lowIncomeLine', '2026-06-30', '440106')).toBe(94_000);
    expect(valueInForce(values, 'lowIncomeLine', '2026-07-01', '440106')).toBe(98_000);
  });

  it('prefers the most specific region that has a value, and skips voided values', () => {
    const values = [
      line('440000', '2020-01-01', 80_000),
      line('440100', '2024-01-01', 100_000),
      line('440106', '2025-01-01', 105_000, true),
    ];
    expect(valueInForce(values, 'lowIncomeLine', '2026-01-01', '440106')).toBe(100_000);
    expect(valueInForce(values, 'lowIncomeLine', '2023-01-01', '440106')).toBe(80_000);
    expect(valueInForce(values, 'lowIncomeLine', '2026-01-01', '450102')).toBeNull();
  });

  it('falls back to the docs/domain.md defaults for office-wide values', () => {
    expect(valueInForce([], 'noticeWorkingDays', '2026-01-01')).toBe(5);
    expect(
      valueInForce(
        [{ key: 'noticeWorkingDays', regionCode: null, effectiveFrom: '2026-01-01', value: 7, voided: false }],
        'noticeWorkingDays',
        '2026-01-01',
      ),
    ).toBe(7);
    expect(valueInForce([], 'visitValidDays', '2026-01-01')).toBe(90);
    expect(valueInForce([], 'reviewIntervalMonths', '2026-01-01')).toBe(12);
  });

  it('checks a typed value against its range and whether it takes a region', () => {
    expect(policyValueProblem('lowIncomeLine', 94_000, '440106')).toBeNull();
    expect(policyValueProblem('lowIncomeLine', 940, '440106')).toBeNull();
    expect(policyValueProblem('lowIncomeLine', 99, '440106')).toBe('OUT_OF_RANGE');
    expect(policyValueProblem('lowIncomeLine', 94_000, null)).toBe('REGION_REQUIRED');
    expect(policyValueProblem('noticeWorkingDays', 5, '440106')).toBe('REGION_NOT_ALLOWED');
    expect(policyValueProblem('noticeWorkingDays', 4.5, null)).toBe('OUT_OF_RANGE');
    expect(policyValueProblem('reviewIntervalMonths', 12, null)).toBeNull();
  });
});
