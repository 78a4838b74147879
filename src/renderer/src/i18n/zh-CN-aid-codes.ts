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
};
