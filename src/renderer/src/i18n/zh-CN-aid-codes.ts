/** The coded values of aid (shared/domain/aid.ts) in words; part of the zh-CN catalogue (see zh-CN.ts). */
export const zhCNAidCodes = {
  aidTypes: {
    living: '生活救助',
    medical: '医疗救助',
    education: '助学',
    festival: '送温暖',
    emergency: '临时救助',
    accident: '意外救助',
    employment: '就业帮扶',
  },
  fundSources: { central: '中央财政专项', local: '地方财政', union: '工会经费', donation: '社会捐助' },
  paymentStatuses: { pending: '待审核', approved: '待发放', paid: '已发放', voided: '已作废' },
  paymentMethods: { bank: '银行代发', cash: '现金', service: '服务（不发放资金）' },
  programStatuses: { open: '进行中', closed: '已关闭' },
  /** Why a household cannot be paid from a program now (contract ineligibleReason). */
  aidIneligible: {
    programClosed: '项目已关闭',
    fileNotActive: '档案不在档（只有在档或复核中的档案可以发放）',
    alreadyInBatch: '本批次已发放过',
    noCategory: '档案还没有困难类别',
    categoryNotCovered: '项目标准不包括这个困难类别',
    noLowLine: '还没有设置本地低保标准',
    noBase: '请先填写票据自付金额或损失金额',
    stageNotCovered: '项目标准不包括这个学段',
    notAStudent: '不是这一户在读的学生',
    capReached: '本年度可发金额已用完',
  },
  /** The limits listed under a suggestion (shared/domain/aid.ts CapLine). */
  aidCaps: {
    standard: '项目标准',
    typeYear: '本年{type}上限',
    totalYear: '本年救助总额上限',
    budget: '项目剩余预算',
  },
  yesNo: { yes: '是', no: '否' },
  aidRoutes: { file: '按档案', emergency: '应急（无档案）' },
  voucherLayouts: { 'a4-three': '整页三联', a5: '半页单联' },
  /** The aid errors with the numbers or the reason the core sends (i18n/aid-errors.ts). */
  aidErrors: {
    overCap: '金额超过了标准或年度上限允许的数额，本次最多可发 ¥{max}。',
    capReached: '这一户本年度在这个项目（或这类救助）的可发金额已经用完，不能再发放。',
    overBudget: '金额超过了项目剩余预算（剩余 ¥{left}）。超预算发放须由系统管理员办理并写明理由。',
    notEligible: '这一户现在不能从这个项目发放：{reason}。',
    ownEntry: '其中 {count} 笔是您自己录入的，不能由您审核。请由另一位审核人办理（本次一笔也没有审核）。',
    // The same, naming the reviewer's own payments: by file number (临时救助 without one), the rest counted.
    ownEntryNamed: '其中 {count} 笔是您自己录入的（{names}），不能由您审核。请取消勾选这些，或由另一位审核人办理（本次一笔也没有审核）。',
    ownEntryFile: '档案 {fileNo}',
    ownEntryEmergency: '临时救助（无档案）',
    ownEntryMore: '等 {count} 笔',
    wrongState: '有 {count} 笔发放的状态不能办理这一步（可能已被他人处理），请刷新后再看。',
    alreadyReissued: '这笔作废的发放已经重新发放过一次，不能再次重新发放。',
    programStandardKind: '救助项目的标准与救助类型不符：这一类型须用“{expected}”方式的标准。',
    programNoCategory: '请至少为一个困难类别填写标准。',
    programNoStage: '请至少为一个学段填写助学金额。',
    programZeroAmount: '标准金额不能为 0。',
    programTypeOrYear: '这个项目已经有发放记录，不能再改救助类型或年度；如需更改，请另建项目。',
  },
  /** The kinds of standard (shared/domain/aid.ts AidStandardKind), as the program form names them. */
  standardKinds: {
    fixed: '每户定额',
    lowLineMonths: '低保标准的月数',
    billShare: '票据自付部分的比例（封顶）',
    perStudent: '按学段每生定额',
    lossShare: '损失的比例（封顶）',
    emergency: '小额封顶',
    service: '服务（不发放资金）',
  },
};
