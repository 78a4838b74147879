import { beforeAll, describe, expect, it, vi } from 'vitest';
import { POLICY_KEYS, POLICY_RULES } from '@shared/domain/policy';
import type * as I18nModule from '../../src/renderer/src/i18n';
import type * as FormatModule from '../../src/renderer/src/features/policy/policy-format';

let i18n: typeof I18nModule;
let format: typeof FormatModule;

beforeAll(async () => {
  // The renderer's i18n reads the language from localStorage and marks <html lang>: a stand-in for both.
  const stored = new Map<string, string>();
  vi.stubGlobal('localStorage', { getItem: (k: string) => stored.get(k) ?? null, setItem: (k: string, v: string) => stored.set(k, v) });
  vi.stubGlobal('document', { documentElement: { lang: '' } });
  i18n = await import('../../src/renderer/src/i18n');
  format = await import('../../src/renderer/src/features/policy/policy-format');
});

describe('a policy amount in the words of what it counts', () => {
  it('the 低保 line per person and month, an aid cap per household and year (a cap once read 元/人·月)', () => {
    i18n.setLanguage('zh-CN');
    expect(format.formatPolicyValue(i18n.t, 'lowIncomeLine', 132_050)).toBe('¥1,320.50/人·月');
    expect(format.formatPolicyValue(i18n.t, 'aidYearCapFestival', 200_000)).toBe('¥2,000.00/户·年');
    i18n.setLanguage('en');
    expect(format.formatPolicyValue(i18n.t, 'aidYearCapTotal', 200_000)).toBe('¥2,000.00 per household per year');
  });

  it('every amount key says what it counts by', () => {
    const amounts = POLICY_KEYS.filter((key) => POLICY_RULES[key].unit === 'fen');
    expect(amounts.length).toBeGreaterThan(1);
    for (const key of amounts) expect(POLICY_RULES[key].per, key).toBeDefined();
  });
});
