import type { AuditEvent } from '@shared/audit-events';
import type { ChannelName } from '@shared/contract';
import type { ErrorCode } from '@shared/errors';
import { AID_TYPE_LABELS, FUND_SOURCE_LABELS } from '@shared/labels-zh';

/**
 * The coded values of aid (shared/domain/aid.ts) in words; part of the zh-CN catalogue (see zh-CN.ts). Types and fund
 * sources are printed too: their words are in @shared/labels-zh.
 */
export const zhCNAidCodes = {
  aidTypes: AID_TYPE_LABELS,
  fundSources: FUND_SOURCE_LABELS,
  paymentStatuses: { pending: '待审核', approved: '待发放', paid: '已发放', voided: '已作废' },
  paymentMethods: { bank: '银行代发', cash: '现金', service: '服务（不发放资金）' },
  programStatuses: { open: '进行中', closed: '已关闭' },
  /** Why a household cannot be paid from a program now (contract ineligibleReason). */
  aidIneligible: {
    programClosed: '项目已关闭',
    fileNotActive: '档案不在档（只有在档或复核中的档案可以发放）',
    hasActiveFile: '该职工所在家庭已建档（在档或复核中），请从档案页发放，临时救助也计入这一户的年度上限',
    alreadyInBatch: '本批次已发放过',
    noCategory: '档案还没有困难类别',
    categoryNotCovered: '项目标准不包括这个困难类别',
    noLowLine: '还没有设置本地低保标准，请系统管理员在“政策参数”中设置',
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
    overBudget: '金额超过了项目剩余预算（剩余 ¥{left}）。超预算发放须由管理员办理并写明理由。',
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

/**
 * The aid entries of the maps in zh-CN-codes.ts (error messages, channel labels, audit words, field and record
 * names), spread into those maps there. The whole maps are still checked against every ErrorCode, ChannelName and
 * AuditEvent in zh-CN-codes.ts; these parts are checked against the aid ones, so an aid code belongs here.
 */
export const zhCNAidCodeEntries = {
  /** Messages for the AID_* error codes (shared/errors.ts). */
  errors: {
    AID_PROGRAM_INVALID: '救助项目的标准不完整或与救助类型不符，请按提示填写。',
    AID_PROGRAM_CLOSED: '这个救助项目已关闭，不能再发放。',
    AID_NOT_ELIGIBLE: '这一户现在不能从这个项目发放救助，请看提示的原因。',
    AID_OVER_CAP: '金额超过了标准或年度上限允许的数额，请改为不超过可发金额。',
    AID_OVER_BUDGET: '金额超过了项目剩余预算。超预算发放须由管理员办理并写明理由。',
    AID_DUPLICATE_IN_BATCH: '同一户在一个批次中只能发放一次。',
    AID_WRONG_STATE: '这笔发放现在的状态不能办理这一步，请刷新后再看。',
    AID_OWN_ENTRY: '不能审核自己录入的发放，请由另一位审核人办理。',
    AID_BATCH_CHANGED: '确认之后批次有了变化（现有 {count} 笔待审核），没有审核任何一笔。请关闭后重新核对笔数和金额再审核。',
    AID_SHEET_NOT_APPROVED: '发放表只列已审核的发放。这里还没有审核通过的发放，请先由审核人审核。',
    AID_VOUCHER_NOT_APPROVED: '选中的发放中有还没审核的，它们还没有凭证编号，不能打印领取凭证。请先由审核人审核，或只选已审核的发放。',
    AID_NO_BANK_ACCOUNT: '这一户的档案里没有银行账号，不能银行代发。请先在档案中填写开户行和账号，或改为现金发放。',
    AID_CERTIFICATE_NOT_ACTIVE:
      '只有在档的困难职工档案才能开具困难职工证明。这份档案现在不在档（如复核中、已脱困或已注销），或年度复核已到期，请办结复核后再开具。',
  } satisfies Record<Extract<ErrorCode, `AID_${string}`>, string>,
  errorDetails: {
    // Aid batches (features/aid/batches.service.ts, bank-list.ts): how many files of the batch lack an account.
    aidNoBankAccountCount:
      '有 {count} 户档案没有银行账号，不能银行代发。请先在档案中补填账号，或把这些户排除（写明理由），或改为现金发放。',
  },
  policyKeys: {
    aidYearCapTotal: '每户每年救助总额上限',
    aidYearCapLiving: '每户每年生活救助上限',
    aidYearCapMedical: '每户每年医疗救助上限',
    aidYearCapEducation: '每户每年助学上限',
    aidYearCapFestival: '每户每年送温暖上限',
    aidYearCapEmergency: '每户每年临时救助上限',
    aidYearCapAccident: '每户每年意外救助上限',
  },
  fields: {
    // Aid payments (features/aid/payments.service.ts refuses these by name).
    adjustReason: '调整理由（金额低于建议金额时必填）',
    amountFen: '发放金额（不能为 0）',
    method: '发放方式（就业帮扶只能记为服务，其他救助须发放资金）',
    emergency: '领取人（无档案的临时救助须填写姓名、身份证号）',
    paidOn: '发放日期',
  },
  recordTypes: {
    // Aid (features/aid): the records its audit entries and NOT_FOUND name.
    aidProgram: '救助项目',
    aidPayment: '救助发放记录',
    aidBatch: '发放批次',
  },
  /** Labels of the aid.* channels (an audit entry's action is its channel). */
  actions: {
    'aid.programs': '查看救助项目',
    'aid.program': '查看救助项目',
    'aid.saveProgram': '保存救助项目',
    'aid.setProgramStatus': '开启或关闭救助项目',
    'aid.suggest': '计算建议发放金额',
    'aid.createPayment': '录入救助发放',
    'aid.approve': '审核救助发放',
    'aid.markPaid': '登记已发放',
    'aid.void': '作废救助发放',
    'aid.reissue': '重新发放',
    'aid.payment': '查看救助发放',
    'aid.payments': '查看发放记录',
    'aid.fileSummary': '查看档案救助情况',
    'aid.batchPreview': '预览发放批次',
    'aid.createBatch': '生成发放批次',
    'aid.batches': '查看发放批次',
    'aid.batch': '查看发放批次',
    'aid.exportBankList': '导出银行代发清单',
    'aid.markPaidFromReturn': '按银行回单标记已发放',
    'aid.printVouchers': '打印领取凭证',
    'aid.printSheet': '打印发放表',
    'aid.printCertificate': '打印困难职工证明',
    'aid.printContactCards': '打印联系卡',
    'aid.verify': '核验凭证',
  } satisfies Record<Extract<ChannelName, `aid.${string}`>, string>,
  /** Summaries of the aid.* audit events (shared/audit-events.ts). */
  auditEvents: {
    'aid.programSaved': '保存救助项目（{type}，{year} 年，新建：{created}）',
    'aid.programStatusSet': '救助项目改为{status}',
    'aid.paymentCreated': '录入救助发放（{type}，{method}，{route}，调整金额：{adjusted}）',
    'aid.overBudget': '超出项目预算发放（{type}），理由记在发放上',
    'aid.nameMismatch': '录入临时救助时，该身份证号此前登记的姓名与本次不同（{type}），已提示审核人核对',
    'aid.batchCreated': '生成发放批次（{type}，{count} 笔，排除 {excluded} 户，调整 {adjusted} 户）',
    'aid.paymentsApproved': '审核通过 {count} 笔发放，凭证编号 {first} 至 {last}',
    'aid.paymentsPaid': '登记已发放 {count} 笔',
    'aid.paymentVoided': '作废救助发放（{type}，凭证 {serial}）',
    'aid.paymentReissued': '重新发放已作废的救助（{type}）',
    'aid.vouchersPrinted': '打印领取凭证 {count} 张（其中补打 {reprints} 张，{layout}）',
    'aid.sheetPrinted': '打印发放表（{count} 笔，{pages} 页）',
    'aid.bankListExported': '导出银行代发清单 {count} 笔（含完整账号）',
    'aid.certificatePrinted': '打印困难职工证明（编号 {serial}，补打：{reprint}）',
    'aid.contactCardsPrinted': '打印联系卡 {count} 张',
  } satisfies Record<Extract<AuditEvent, `aid.${string}`>, string>,
};
