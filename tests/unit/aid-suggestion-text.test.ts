import { describe, expect, it } from 'vitest';
import type { AidSuggestion } from '@shared/contract/aid-types';
import { capAmount } from '@shared/domain/aid';
import { shortYuan, suggestionText } from '@renderer/features/aid/suggestion-text';
import { zhCN } from '@renderer/i18n/zh-CN';

/** The Chinese catalogue without the browser's language store: the key's text with its {params} filled in. */
const t = ((key: string, params?: Record<string, string | number>) => {
  let node: unknown = zhCN;
  for (const part of key.split('.')) node = (node as Record<string, unknown>)[part];
  if (typeof node !== 'string') throw new Error(`no text for ${key}`);
  return node.replace(/\{(\w+)\}/g, (whole, name: string) => (params && name in params ? String(params[name]) : whole));
}) as never;

/** A suggestion as the core builds it: the standard's basis held to the caps by the shared rule. */
function suggestion(basis: AidSuggestion['basis'], caps: Omit<Parameters<typeof capAmount>[0], 'standardFen'>): AidSuggestion {
  const capped = capAmount({ ...caps, standardFen: basis!.amountFen });
  return { eligible: capped.maxFen > 0, reason: capped.maxFen > 0 ? null : 'capReached', basis, ...capped };
}

const noCaps = {
  usedInProgramFen: 0,
  typeYear: { type: 'living' as const, limitFen: null, usedFen: 0 },
  totalYear: { limitFen: null, usedFen: 0 },
  budget: { limitFen: null, usedFen: 0 },
};

describe('suggestionText', () => {
  it('words the issue example: the low line times the months, then what the year has used', () => {
    const basis = { rule: 'lowLineMonths', category: 'deep', lowLineFen: 94_000, months: 10, amountFen: 940_000 };
    const s = suggestion(basis, { ...noCaps, typeYear: { type: 'living', limitFen: 940_000, usedFen: 300_000 } });
    expect(s.maxFen).toBe(640_000);
    expect(suggestionText(t, s)).toBe('深度困难，本地低保 ¥940/月 × 10 = ¥9,400；本年已发生活救助 ¥3,000，本次最多 ¥6,400');
  });

  it('says only the standard when no cap takes anything off', () => {
    const basis = { rule: 'fixed', amountFen: 50_000, category: null };
    expect(suggestionText(t, suggestion(basis, noCaps))).toBe('每户 ¥500');
  });

  it('names a yearly cap that is not the standard, and the budget when it is short', () => {
    const basis = { rule: 'fixed', amountFen: 80_000, category: 'deep' };
    const s = suggestion(basis, {
      ...noCaps,
      typeYear: { type: 'festival', limitFen: 100_000, usedFen: 50_000 },
      budget: { limitFen: 1_000_000, usedFen: 980_000 },
    });
    expect(suggestionText(t, s)).toBe(
      '深度困难每户 ¥800；本年已发送温暖 ¥500（上限 ¥1,000），项目剩余预算 ¥200，本次最多 ¥500，预算内最多 ¥200',
    );
  });

  it('shows a bill share capped, with fen kept', () => {
    const basis = {
      rule: 'billShare',
      category: 'relative',
      baseFen: 1_234_567,
      percent: 50,
      shareFen: 617_283,
      capFen: 500_000,
      amountFen: 500_000,
    };
    expect(suggestionText(t, suggestion(basis, noCaps))).toBe('相对困难，自付 ¥12,345.67 × 50% = ¥6,172.83，封顶 ¥5,000');
  });

  it('gives the reason when the year is used up, and a school level by name', () => {
    const basis = { rule: 'perStudent', schoolStage: 'college', amountFen: 200_000 };
    const s = suggestion(basis, { ...noCaps, typeYear: { type: 'education', limitFen: 300_000, usedFen: 300_000 } });
    expect(suggestionText(t, s)).toBe(`${zhCN.schoolStages.college}每生 ¥2,000；本年已发助学 ¥3,000（上限 ¥3,000），本年度可发金额已用完`);
  });

  it('words a refusal without a basis', () => {
    const s: AidSuggestion = {
      eligible: false,
      reason: 'noCategory',
      basis: null,
      lines: [],
      maxFen: 0,
      suggestedFen: 0,
      limitedBy: null,
      overBudget: false,
    };
    expect(suggestionText(t, s)).toBe('档案还没有困难类别');
  });

  it('says once what the emergency route paid to the typed ID number this year, and the cap that decided', () => {
    const basis = { rule: 'emergency', capFen: 50_000, amountFen: 50_000 };
    const emergency = { type: 'emergency' as const, limitFen: null, usedFen: 30_000 };
    const used = suggestion(basis, {
      ...noCaps,
      usedInProgramFen: 30_000,
      typeYear: emergency,
      totalYear: { limitFen: null, usedFen: 30_000 },
    });
    expect(suggestionText(t, used, { byIdNumber: true })).toBe('临时救助最多 ¥500；本年已向该身份证号发放临时救助 ¥300，本次最多 ¥200');
    // The same suggestion counted by a file reads as before.
    expect(suggestionText(t, used)).toBe('临时救助最多 ¥500；本项目已发 ¥300，本次最多 ¥200');
    // Paid from another emergency program: the yearly cap decides and is named.
    const other = suggestion(basis, {
      ...noCaps,
      typeYear: { ...emergency, limitFen: 60_000 },
      totalYear: { limitFen: null, usedFen: 30_000 },
    });
    expect(suggestionText(t, other, { byIdNumber: true })).toBe(
      '临时救助最多 ¥500；本年已向该身份证号发放临时救助 ¥300（上限 ¥600），本次最多 ¥300',
    );
    // Nothing paid yet: the standard alone.
    expect(suggestionText(t, suggestion(basis, { ...noCaps, typeYear: { ...emergency, usedFen: 0 } }), { byIdNumber: true })).toBe(
      '临时救助最多 ¥500',
    );
    const full = suggestion(basis, { ...noCaps, usedInProgramFen: 50_000, typeYear: { ...emergency, usedFen: 50_000 } });
    expect(suggestionText(t, full, { byIdNumber: true })).toMatch(/^临时救助最多 ¥500；本年已向该身份证号发放临时救助 ¥500，/);
  });

  it('words a batch row the program already paid as a top-up to the standard', () => {
    const basis = { rule: 'fixed', amountFen: 50_000, category: null };
    const s = suggestion(basis, { ...noCaps, usedInProgramFen: 30_000, typeYear: { type: 'festival', limitFen: null, usedFen: 30_000 } });
    expect(suggestionText(t, s, { topUp: true })).toBe('每户 ¥500；本项目已发 ¥300，本次补足 ¥200');
    // A yearly cap that decides is not a top-up: the most is said as such.
    const capped = suggestion(basis, {
      ...noCaps,
      usedInProgramFen: 30_000,
      typeYear: { type: 'festival', limitFen: 40_000, usedFen: 30_000 },
    });
    expect(suggestionText(t, capped, { topUp: true })).toBe('每户 ¥500；本项目已发 ¥300，本年已发送温暖 ¥300（上限 ¥400），本次最多 ¥100');
  });

  it('keeps fen in short amounts', () => {
    expect(shortYuan(94_050)).toBe('940.50');
    expect(shortYuan(100_000_000)).toBe('1,000,000');
  });
});
