import { describe, expect, it } from 'vitest';
import type { AidSuggestion } from '@shared/contract/aid-types';
import { checkAmount, NO_AMOUNT } from '@renderer/features/aid/amount-check';
import { zhCN } from '@renderer/i18n/zh-CN';

/** The Chinese catalogue without the browser's language store: the key's text with its {params} filled in. */
const t = ((key: string, params?: Record<string, string | number>) => {
  let node: unknown = zhCN;
  for (const part of key.split('.')) node = (node as Record<string, unknown>)[part];
  if (typeof node !== 'string') throw new Error(`no text for ${key}`);
  return node.replace(/\{(\w+)\}/g, (whole, name: string) => (params && name in params ? String(params[name]) : whole));
}) as never;

/** 医疗 for a relative household: 80 % of a ¥30,000 bill is ¥24,000, capped at ¥16,000; the budget has ¥10,000 left. */
const capped: AidSuggestion = {
  eligible: true,
  reason: null,
  basis: { rule: 'billShare', amountFen: 1_600_000 },
  lines: [
    { cap: 'standard', limitFen: 1_600_000, usedFen: 0, leftFen: 1_600_000 },
    { cap: 'budget', limitFen: 5_000_000, usedFen: 4_000_000, leftFen: 1_000_000 },
  ],
  maxFen: 1_600_000,
  suggestedFen: 1_000_000,
  limitedBy: null,
  overBudget: true,
};
const open: AidSuggestion = { ...capped, lines: [capped.lines[0]!], suggestedFen: 1_600_000, overBudget: false };

describe('a payment amount against its suggestion', () => {
  it('starts at the suggestion, exactly in fen, and asks for nothing more', () => {
    expect(checkAmount(t, open, NO_AMOUNT, false)).toMatchObject({ fen: 1_600_000, error: null, lowered: false, missing: [] });
  });

  it('refuses a cent past the most this payment may be, and says the most', () => {
    const check = checkAmount(t, open, { ...NO_AMOUNT, text: '16000.01' }, false);
    expect(check.fen).toBeNull();
    expect(check.error).toBe('不能超过本次最多可发的 ¥16,000.00');
    // The button's 还需要 names what to do with the typed amount, not 填写 as if nothing were there.
    expect(check.missing).toEqual(['更正发放金额']);
    expect(checkAmount(t, open, { ...NO_AMOUNT, text: '' }, false).missing).toEqual(['填写发放金额']);
  });

  it('asks why when the amount is lowered, and takes it once given', () => {
    const lowered = { ...NO_AMOUNT, text: '12,000.50' };
    expect(checkAmount(t, open, lowered, false)).toMatchObject({ fen: 1_200_050, lowered: true, missing: ['填写调低原因'] });
    expect(checkAmount(t, open, { ...lowered, adjustReason: '已由其他渠道报销一部分' }, false).missing).toEqual([]);
  });

  it('临时救助: its sum is a most per case, so less needs no reason (the other standards keep asking)', () => {
    const emergency: AidSuggestion = {
      ...open,
      basis: { rule: 'emergency', capFen: 200_000, amountFen: 200_000 },
      maxFen: 200_000,
      suggestedFen: 200_000,
    };
    expect(checkAmount(t, emergency, { ...NO_AMOUNT, text: '800' }, false)).toMatchObject({ fen: 80_000, lowered: false, missing: [] });
    expect(checkAmount(t, emergency, { ...NO_AMOUNT, text: '2000.01' }, false).error).toBe('不能超过本次最多可发的 ¥2,000.00');
    expect(checkAmount(t, open, { ...NO_AMOUNT, text: '800' }, false).missing).toEqual(['填写调低原因']);
  });

  it('holds a clerk to the budget left; an administrator may go past it with a reason', () => {
    expect(checkAmount(t, capped, NO_AMOUNT, false)).toMatchObject({ fen: 1_000_000, limitFen: 1_000_000, overBudget: false });
    expect(checkAmount(t, capped, { ...NO_AMOUNT, text: '16000' }, false).error).toBe('不能超过本次最多可发的 ¥10,000.00');
    const admin = checkAmount(t, capped, { ...NO_AMOUNT, text: '16000' }, true);
    expect(admin).toMatchObject({ fen: 1_600_000, limitFen: 1_600_000, overBudget: true, missing: ['填写超预算理由'] });
    expect(checkAmount(t, capped, { ...NO_AMOUNT, text: '16000', overBudgetReason: '年底集中救治' }, true).missing).toEqual([]);
  });

  it('names a negative amount or one with more than two decimals', () => {
    expect(checkAmount(t, open, { ...NO_AMOUNT, text: '-5' }, false).error).toBe('金额不能是负数');
    expect(checkAmount(t, open, { ...NO_AMOUNT, text: '100.555' }, false).error).toBe('金额最多两位小数（到分），如 12000.55');
  });
});
