/** English for the aid screens; the type makes TypeScript report any missing key. */
import type { zhCNAid } from './zh-CN-aid';

export const enAid: typeof zhCNAid = {
  aidBasis: {
    fixed: '¥{amount} a household',
    fixedCategory: '{category}: ¥{amount} a household',
    lowLineMonths: '{category}: local minimum ¥{line}/month × {months} = ¥{amount}',
    billShare: '{category}: self-paid ¥{base} × {percent}% = ¥{share}',
    lossShare: 'Loss ¥{base} × {percent}% = ¥{share}',
    shareCapped: ', capped at ¥{cap}',
    perStudent: '{stage}: ¥{amount} a student',
    emergency: 'Emergency aid up to ¥{amount}',
    service: 'Employment service, no money paid',
    usedInProgram: 'already paid by this program ¥{used}',
    usedType: '{type} paid this year ¥{used}',
    usedTotal: 'all aid paid this year ¥{used}',
    limitSuffix: ' (cap ¥{limit})',
    typeLimit: 'yearly cap for {type} ¥{limit}',
    totalLimit: 'yearly cap for all aid ¥{limit}',
    budgetLeft: 'program budget left ¥{left}',
    max: 'at most ¥{amount} now',
    withinBudget: 'at most ¥{amount} within the budget',
    partJoin: '; ',
    clauseJoin: ', ',
  },
};
