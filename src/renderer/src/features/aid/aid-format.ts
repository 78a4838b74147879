import type { AidStandard, AidType } from '@shared/domain/aid';
import { SCHOOL_STAGES } from '@shared/domain/hardship-codes';
import { HARDSHIP_CATEGORIES } from '@shared/domain/means-test';
import { formatYuan } from '../../components/money';
import type { t as translate } from '../../i18n';

type T = typeof translate;

/** Money on the aid screens: ¥ and formatYuan's two decimals ("¥12,000.00"). */
export function yuan(fen: number): string {
  return `¥${formatYuan(fen)}`;
}

/** A program's standard in one short line for the programs list ("每户 ¥500.00；深度困难 ¥800.00"). */
export function standardSummary(t: T, standard: AidStandard): string {
  const join = t('aidPrograms.summaryJoin');
  const cat = (c: (typeof HARDSHIP_CATEGORIES)[number]) => t(`hardshipCategories.${c}`);
  switch (standard.kind) {
    case 'fixed':
      return [
        t('aidPrograms.summary.fixed', { amount: yuan(standard.amountFen) }),
        ...HARDSHIP_CATEGORIES.flatMap((c) => (standard.byCategory[c] === undefined ? [] : [`${cat(c)} ${yuan(standard.byCategory[c])}`])),
      ].join(join);
    case 'lowLineMonths':
      return HARDSHIP_CATEGORIES.flatMap((c) =>
        standard.monthsByCategory[c] === undefined
          ? []
          : [t('aidPrograms.summary.months', { category: cat(c), months: standard.monthsByCategory[c] })],
      ).join(join);
    case 'billShare':
      return HARDSHIP_CATEGORIES.flatMap((c) => {
        const rule = standard.byCategory[c];
        return rule ? [t('aidPrograms.summary.share', { category: cat(c), percent: rule.percent, cap: yuan(rule.capFen) })] : [];
      }).join(join);
    case 'perStudent':
      return SCHOOL_STAGES.flatMap((s) =>
        standard.byStage[s] === undefined ? [] : [`${t(`schoolStages.${s}`)} ${yuan(standard.byStage[s])}`],
      ).join(join);
    case 'lossShare':
      return t('aidPrograms.summary.loss', { percent: standard.percent, cap: yuan(standard.capFen) });
    case 'emergency':
      return t('aidPrograms.summary.emergency', { cap: yuan(standard.capFen) });
    case 'service':
      return t('aidPrograms.summary.service');
  }
}

/**
 * The types paid in batches: a sum every household (or student) of a list gets. 医疗 and 意外 need each one's bill
 * or loss, 临时救助 is one person at a time: those are paid from the file (or the emergency route).
 */
export const BATCH_TYPES: readonly AidType[] = ['living', 'education', 'festival', 'employment'];
