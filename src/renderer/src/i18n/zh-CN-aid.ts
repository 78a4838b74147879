/** The aid screens (programs, payments, batches); part of the zh-CN catalogue (see zh-CN.ts). */
export const zhCNAid = {
  /**
   * A suggestion's explanation (features/aid/suggestion-text.ts), as the issue words it:
   * "深度困难，本地低保 ¥940/月 × 10 = ¥9,400；本年已发生活救助 ¥3,000，本次最多 ¥6,400".
   */
  aidBasis: {
    fixed: '每户 ¥{amount}',
    fixedCategory: '{category}每户 ¥{amount}',
    lowLineMonths: '{category}，本地低保 ¥{line}/月 × {months} = ¥{amount}',
    billShare: '{category}，自付 ¥{base} × {percent}% = ¥{share}',
    lossShare: '损失 ¥{base} × {percent}% = ¥{share}',
    shareCapped: '，封顶 ¥{cap}',
    perStudent: '{stage}每生 ¥{amount}',
    emergency: '临时救助最多 ¥{amount}',
    service: '就业帮扶服务，不发放资金',
    usedInProgram: '本项目已发 ¥{used}',
    usedType: '本年已发{type} ¥{used}',
    usedTotal: '本年已发各类救助 ¥{used}',
    limitSuffix: '（上限 ¥{limit}）',
    typeLimit: '本年{type}上限 ¥{limit}',
    totalLimit: '本年救助总额上限 ¥{limit}',
    budgetLeft: '项目剩余预算 ¥{left}',
    max: '本次最多 ¥{amount}',
    withinBudget: '预算内最多 ¥{amount}',
    partJoin: '；',
    clauseJoin: '，',
  },
};
