import type { FileDetail } from '@shared/contract/hardship';
import { meansTestTotals, runMeansTest } from '@shared/domain/means-test';
import type { MeansTestFigures } from '../means-test-steps';
import { fenOf, type DraftState } from './draft-state';

/**
 * The means test as the clerk types (the shared module the core runs), with the 低保 line and policy the file was
 * judged with. Amounts not yet readable count as 0 until corrected (the form shows their error).
 */
export function liveMeansTest(file: FileDetail, s: DraftState): { figures: MeansTestFigures; view: FileDetail['meansTest'] } {
  const figures: MeansTestFigures = {
    members: s.members.map((m) => ({ monthlyIncomeFen: fenOf(m.income) ?? 0 })),
    incomeItems: s.items.map((i) => ({ kind: i.kind, code: i.code, annualFen: fenOf(i.amount) ?? 0 })),
    accidentCostsFen: fenOf(s.accident) ?? 0,
  };
  const line = file.meansTest.result?.lowIncomeLineFen ?? null;
  const totals = meansTestTotals(figures.members, figures.incomeItems);
  const view: FileDetail['meansTest'] = {
    ...file.meansTest,
    missing: s.members.length === 0 ? ['household'] : line === null ? ['lowIncomeLine'] : [],
    result:
      s.members.length === 0 || line === null
        ? null
        : runMeansTest({
            householdSize: s.members.length,
            // The aid of the last 12 months, at the annual review, as the core counts it (file-facts.ts).
            annualIncomeFen: totals.annualIncomeFen + (file.meansTest.aidReceivedFen ?? 0),
            rigidSpendingFen: totals.rigidSpendingFen,
            lowIncomeLineFen: line,
            relativeLinePercent: file.meansTest.relativeLinePercent,
            accidentThresholdPercent: file.meansTest.accidentThresholdPercent,
            accidentCostsFen: figures.accidentCostsFen,
            exclusions: s.exclusions,
          }),
  };
  return { figures, view };
}
