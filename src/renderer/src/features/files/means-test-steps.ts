import type { FileDetail } from '@shared/contract/hardship';
import { meansTestTotals, shownAccidentThresholdFen, shownComparison } from '@shared/domain/means-test';
import { formatYuan } from '../../components/money';
import type { t as translate } from '../../i18n';
import { meansTestLines } from './file-text';

type T = typeof translate;

/** What the clerk entered that the means test reads: the members' monthly incomes, the items, the accident costs. */
export interface MeansTestFigures {
  members: readonly { monthlyIncomeFen?: number | null }[];
  incomeItems: readonly { kind: 'income' | 'rigid'; code: string; annualFen: number }[];
  accidentCostsFen: number;
}

/**
 * 收入与核算 line by line, in the order the 申报表 prints it: every figure entered appears on the line where it counts
 * (work income × 12, each income item, each rigid item, the accident costs in the accident test), then the per-capita
 * figure with its division, the comparison with the line, the accident test against its share of income, and the
 * result. The figures shown never contradict the exact comparison (shownComparison in shared/domain/means-test.ts).
 */
export function meansTestSteps(t: T, figures: MeansTestFigures, meansTest: FileDetail['meansTest']): string[] {
  const s = (key: string, params?: Record<string, string | number>) => t(`files.meansSteps.${key as 'earned'}`, params);
  const totals = meansTestTotals(figures.members, figures.incomeItems);
  const monthly = figures.members.reduce((sum, m) => sum + (m.monthlyIncomeFen ?? 0), 0);
  const item = (code: string) => t(`incomeCodes.${code as 'other'}`);
  const lines = [s('earned', { monthly: formatYuan(monthly), annual: formatYuan(totals.earnedAnnualFen) })];
  for (const i of figures.incomeItems.filter((x) => x.kind === 'income'))
    lines.push(s('income', { item: item(i.code), amount: formatYuan(i.annualFen) }));
  // At the annual review the aid of the last 12 months counts as income (the core adds it the same way).
  const aid = meansTest.aidReceivedFen ?? 0;
  if (aid > 0) lines.push(s('aidReceived', { amount: formatYuan(aid) }));
  const annualIncomeFen = totals.annualIncomeFen + aid;
  lines.push(s('incomeTotal', { amount: formatYuan(annualIncomeFen) }));
  for (const i of figures.incomeItems.filter((x) => x.kind === 'rigid'))
    lines.push(s('rigid', { item: item(i.code), amount: formatYuan(i.annualFen) }));
  const net = annualIncomeFen - totals.rigidSpendingFen;
  lines.push(s('net', { amount: formatYuan(net) }));

  const r = meansTest.result;
  if (!r) {
    lines.push(meansTest.missing.includes('household') ? t('files.missingHousehold') : t('files.missingLine'));
    return lines;
  }
  const shown = shownComparison(r);
  if (r.spendingExceedsIncome) lines.push(s('perCapitaZero'));
  else
    lines.push(
      s('perCapita', { net: formatYuan(net), size: r.householdSize, amount: formatYuan(shown.perCapitaFen) }) +
        (shown.exact ? '' : s('inexact')),
    );
  const category = t(`hardshipCategories.${r.category}`);
  // The comparison in the words docs/domain.md uses (and the file's summary shows): "人均月收入 ¥…，低于…".
  lines.push(meansTestLines(t, meansTest)[0]!);

  const threshold = r.accidentThresholdPercent;
  if (figures.accidentCostsFen === 0) lines.push(s('accidentNone'));
  else {
    // Passed, but the income test already placed the household (it comes first): say so, or the screen would read
    // "符合意外致困条件" above a result of 相对困难 with nothing between.
    const verdict =
      r.accidentTest !== 'passed'
        ? s('accidentNotAbove', { threshold })
        : r.category === 'deep' || r.category === 'relative'
          ? s('accidentAboveIncomeFirst', { threshold, category })
          : s('accidentAbove', { threshold });
    const costs = formatYuan(figures.accidentCostsFen);
    lines.push(
      r.accidentShareBasisPoints === null
        ? s('accidentNoIncome', { costs, verdict })
        : s('accident', {
            costs,
            threshold,
            limit: formatYuan(shownAccidentThresholdFen(annualIncomeFen, threshold)),
            share: (r.accidentShareBasisPoints / 100).toFixed(2),
            verdict,
          }),
    );
  }
  if (r.excludedBy.length > 0)
    lines.push(
      t('files.excluded', { list: r.excludedBy.map((c) => t(`exclusionCodes.${c as 'private-vehicle'}`)).join(t('files.listJoin')) }),
    );
  lines.push(r.outcome === 'excluded' ? s('resultExcluded') : r.category === 'none' ? s('resultNone') : s('result', { category }));
  return lines;
}
