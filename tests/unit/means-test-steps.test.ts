import { describe, expect, it } from 'vitest';
import type { FileDetail } from '@shared/contract/hardship';
import { meansTestTotals, runMeansTest } from '@shared/domain/means-test';
import { meansTestLines } from '@renderer/features/files/file-text';
import { meansTestSteps, type MeansTestFigures } from '@renderer/features/files/means-test-steps';
import { zhCN } from '@renderer/i18n/zh-CN';

/** The Chinese catalogue without the browser's language store: the key's text with its {params} filled in. */
const t = ((key: string, params?: Record<string, string | number>) => {
  let node: unknown = zhCN;
  for (const part of key.split('.')) node = (node as Record<string, unknown>)[part];
  if (typeof node !== 'string') throw new Error(`no text for ${key}`);
  return node.replace(/\{(\w+)\}/g, (whole, name: string) => (params && name in params ? String(params[name]) : whole));
}) as never;

const NO_EXCLUSIONS = {
  twoOrMoreHomes: false,
  ownsBusinessOrEmploysOthers: false,
  childAtCostlyPrivateSchoolOrAbroad: false,
  privateVehicleNotForWork: false,
};

/** The file's means test view as the core (or the form) computes it, from the figures entered. */
function viewOf(figures: MeansTestFigures, lowIncomeLineFen = 94_000): FileDetail['meansTest'] {
  const totals = meansTestTotals(figures.members, figures.incomeItems);
  return {
    result: runMeansTest({
      householdSize: figures.members.length,
      annualIncomeFen: totals.annualIncomeFen,
      rigidSpendingFen: totals.rigidSpendingFen,
      lowIncomeLineFen,
      relativeLinePercent: 200,
      accidentThresholdPercent: 80,
      accidentCostsFen: figures.accidentCostsFen,
      exclusions: NO_EXCLUSIONS,
    }),
    missing: [],
    judgedOn: '2026-12-01',
    relativeLinePercent: 200,
    accidentThresholdPercent: 80,
    regionCode: '110105',
  };
}

describe('收入与核算 line by line', () => {
  it('shows every figure entered on the line where it counts, then the division, the line and the result', () => {
    const figures: MeansTestFigures = {
      members: [{ monthlyIncomeFen: 150_000 }, { monthlyIncomeFen: 0 }, { monthlyIncomeFen: 0 }],
      incomeItems: [
        { kind: 'income', code: 'pension', annualFen: 600_000 },
        { kind: 'rigid', code: 'medical', annualFen: 1_200_000 },
      ],
      accidentCostsFen: 0,
    };
    expect(meansTestSteps(t, figures, viewOf(figures, 132_000))).toEqual([
      '劳动收入：家庭成员月收入合计 ¥1,500.00 × 12 = ¥18,000.00',
      `＋ ${zhCN.incomeCodes.pension} ¥6,000.00`,
      '＝ 家庭年收入合计 ¥24,000.00',
      `－ 刚性支出：${zhCN.incomeCodes.medical} ¥12,000.00`,
      '＝ 家庭年可支配收入 ¥12,000.00（年收入合计 − 刚性支出合计）',
      '人均月收入 ＝ ¥12,000.00 ÷ 12 个月 ÷ 3 人 ＝ ¥333.33（除不尽，不足 1 分的零头舍去）',
      '人均月收入 ¥333.33，低于本地低保标准 ¥1,320.00 → 深度困难',
      '意外致困测试：没有填写意外、灾害或大病支出（只用于这一项测试，不计入人均收入）',
      '认定结果：深度困难',
    ]);
  });

  it('shows ¥30,000 of accident costs in the accident test against 80 % of income, and does not count it per capita', () => {
    const figures: MeansTestFigures = {
      members: [{ monthlyIncomeFen: 300_000 }],
      incomeItems: [],
      accidentCostsFen: 3_000_000,
    };
    const lines = meansTestSteps(t, figures, viewOf(figures));
    expect(lines).toContain('人均月收入 ＝ ¥36,000.00 ÷ 12 个月 ÷ 1 人 ＝ ¥3,000.00');
    expect(lines).toContain(
      '意外致困测试：意外、灾害或大病支出 ¥30,000.00，年收入的 80% 为 ¥28,800.00；支出占年收入的 83.33%，超过 80% → 符合意外致困条件',
    );
    expect(lines.at(-1)).toBe('认定结果：意外致困');
    // Below 80 %: said so.
    const less = { ...figures, accidentCostsFen: 2_880_000 };
    expect(meansTestSteps(t, less, viewOf(less))).toContain(
      '意外致困测试：意外、灾害或大病支出 ¥28,800.00，年收入的 80% 为 ¥28,800.00；支出占年收入的 80.00%，未超过 80% → 不符合意外致困条件',
    );
  });

  it('says why an accident above the threshold does not decide the category when the income test already did', () => {
    // ¥1,500 a month for one person: under twice a ¥1,320 line, so 相对困难 by income, whatever the accident costs.
    const figures: MeansTestFigures = { members: [{ monthlyIncomeFen: 150_000 }], incomeItems: [], accidentCostsFen: 3_000_000 };
    const lines = meansTestSteps(t, figures, viewOf(figures));
    expect(lines).toContain(
      '意外致困测试：意外、灾害或大病支出 ¥30,000.00，年收入的 80% 为 ¥14,400.00；支出占年收入的 166.66%，超过 80%，但收入已在标准以下，按收入认定为相对困难（收入标准优先于意外致困）',
    );
    expect(lines.at(-1)).toBe('认定结果：相对困难');
  });

  it('never shows a per-capita figure a fraction of a fen below the line as equal to the line', () => {
    // One person, ¥11,279.99 a year: ¥939.99917 a month, below a line of ¥940.00 (half up it would read ¥940.00).
    const figures: MeansTestFigures = {
      members: [{ monthlyIncomeFen: 0 }],
      incomeItems: [{ kind: 'income', code: 'pension', annualFen: 94_000 * 12 - 1 }],
      accidentCostsFen: 0,
    };
    const view = viewOf(figures);
    expect(view.result).toMatchObject({ incomeTest: 'below-line', perCapitaMonthlyFen: 94_000 }); // the half-up figure
    const lines = meansTestSteps(t, figures, view);
    expect(lines).toContain('人均月收入 ＝ ¥11,279.99 ÷ 12 个月 ÷ 1 人 ＝ ¥939.99（除不尽，不足 1 分的零头舍去）');
    expect(lines).toContain('人均月收入 ¥939.99，低于本地低保标准 ¥940.00 → 深度困难');
    expect(meansTestLines(t, view)[0]).toBe('人均月收入 ¥939.99，低于本地低保标准 ¥940.00 → 深度困难');
    // Exactly on the line: not below, shown equal.
    const onLine = { ...figures, incomeItems: [{ kind: 'income' as const, code: 'pension', annualFen: 94_000 * 12 }] };
    expect(meansTestSteps(t, onLine, viewOf(onLine))).toContain('人均月收入 ＝ ¥11,280.00 ÷ 12 个月 ÷ 1 人 ＝ ¥940.00');
  });

  it('says what is missing after the sums when the line is not set', () => {
    const figures: MeansTestFigures = { members: [{ monthlyIncomeFen: 100_000 }], incomeItems: [], accidentCostsFen: 0 };
    const view = { ...viewOf(figures), result: null, missing: ['lowIncomeLine' as const] };
    const lines = meansTestSteps(t, figures, view);
    expect(lines.at(-2)).toBe('＝ 家庭年可支配收入 ¥12,000.00（年收入合计 − 刚性支出合计）');
    expect(lines.at(-1)).toBe(zhCN.files.missingLine);
  });
});
