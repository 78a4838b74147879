import { describe, expect, it } from 'vitest';
import { programInput } from '@shared/contract/aid-types';
import { emptyProgramForm, parsePercent, programForm, readProgramForm } from '@renderer/features/aid/program-form';
import { zhCN } from '@renderer/i18n/zh-CN';

/** The Chinese catalogue without the browser's language store: the key's text with its {params} filled in. */
const t = ((key: string, params?: Record<string, string | number>) => {
  let node: unknown = zhCN;
  for (const part of key.split('.')) node = (node as Record<string, unknown>)[part];
  if (typeof node !== 'string') throw new Error(`no text for ${key}`);
  return node.replace(/\{(\w+)\}/g, (whole, name: string) => (params && name in params ? String(params[name]) : whole));
}) as never;

const item = {
  id: '0190f7c2-0000-7000-8000-000000000001',
  status: 'open' as const,
  createdBy: null,
  createdAt: '2026-03-10T02:00:00.000Z',
};
const usage = { payments: 0, pendingFen: 0, approvedFen: 0, paidFen: 0, committedFen: 0 };

describe('the program form', () => {
  it('reads yuan into exact fen, with thousands separators and full-width digits, and a category of its own', () => {
    const form = { ...emptyProgramForm(2026), name: '春节送温暖', amount: '500', budget: '１,２３４,５６７.８９' };
    form.amountByCategory = { ...form.amountByCategory, deep: '800.10' };
    const { input, missing } = readProgramForm(t, form, undefined);
    expect(missing).toEqual([]);
    expect(input).toMatchObject({
      type: 'festival',
      year: 2026,
      budgetFen: 123_456_789,
      standard: { kind: 'fixed', amountFen: 50_000, byCategory: { deep: 80_010 } },
    });
    expect(programInput.safeParse(input).success).toBe(true);
  });

  it('reads an amount typed with a leading ¥ (the field shows one already) as the same yuan', () => {
    const form = { ...emptyProgramForm(2026), name: '春节送温暖', amount: '¥500', budget: '￥10,000' };
    expect(readProgramForm(t, form, undefined)).toMatchObject({
      missing: [],
      input: { budgetFen: 1_000_000, standard: { kind: 'fixed', amountFen: 50_000 } },
    });
  });

  it('names the 临时救助 cap as its field is labelled (每次最高金额)', () => {
    const form = { ...emptyProgramForm(2026), type: 'emergency' as const, name: '临时救助' };
    expect(readProgramForm(t, form, undefined).missing).toEqual(['每次最高金额']);
    expect(readProgramForm(t, { ...form, amount: '2000' }, undefined).input?.standard).toEqual({ kind: 'emergency', capFen: 200_000 });
  });

  it('pre-fills 生活救助 with deep 10 and relative 8 months', () => {
    const { input } = readProgramForm(t, { ...emptyProgramForm(2026), type: 'living', name: '生活救助' }, undefined);
    expect(input?.standard).toEqual({ kind: 'lowLineMonths', monthsByCategory: { deep: 10, relative: 8 } });
  });

  it('says what is still missing, in words', () => {
    const form = { ...emptyProgramForm(2026), type: 'medical' as const, name: '医' };
    form.percentByCategory = { ...form.percentByCategory, deep: '70' };
    expect(readProgramForm(t, form, undefined)).toEqual({
      input: null,
      missing: ['项目名称（至少 2 个字）', '深度困难的比例和封顶金额', '至少一个困难类别的标准'],
    });
  });

  it('gives back what it was saved with', () => {
    const standards = [
      { kind: 'billShare', byCategory: { deep: { percent: 70, capFen: 2_000_000 }, relative: { percent: 50.5, capFen: 1_000_050 } } },
      { kind: 'perStudent', byStage: { primary: 50_000, postgraduate: 300_000 } },
      { kind: 'lossShare', percent: 30, capFen: 1_000_000 },
    ] as const;
    const types = ['medical', 'education', 'accident'] as const;
    standards.forEach((standard, i) => {
      const fields = { type: types[i]!, name: '项目', year: 2026, fundSource: 'union' as const, budgetFen: null, note: null, standard };
      const saved = { ...item, ...fields, usage };
      expect(readProgramForm(t, programForm(saved), item.id).input).toStrictEqual({ id: item.id, ...fields });
    });
  });

  it('takes percents of 0.01 to 100 with two decimals at most', () => {
    expect(['0.01', '50', '99.99', '100', '12.5%'].map(parsePercent)).toEqual([0.01, 50, 99.99, 100, 12.5]);
    expect(['0', '100.01', '1.234', '-5', 'abc', ''].map(parsePercent)).toEqual([null, null, null, null, null, null]);
  });
});
