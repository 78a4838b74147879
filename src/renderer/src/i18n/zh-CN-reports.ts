import type { ChannelName } from '@shared/contract';

/**
 * 统计报表 (issue 13, features/reports); part of the zh-CN catalogue (see zh-CN.ts). The error and action words are
 * spread into the code maps of zh-CN-codes.ts. The sheets' own words (titles, row and column labels) come from the
 * core in Chinese in either interface language: they are the federation's printed forms.
 */
export const zhCNReportsCodeEntries = {
  errors: {
    REPORT_AS_OF_BEFORE_PERIOD: '“截至”日期早于所选期间的第一天 {from}。请把截至日期改到 {from} 或之后。',
    REPORT_DRILL_UNKNOWN: '这个数字背后的名单已无法打开（程序已更新或链接不完整）。请重新生成报表后再点击。',
    REPORT_SCOPE_FEDERATION_ONLY: '本单位以帮扶中心模式运行，报表只统计本中心的档案，不能按下级中心选择。请去掉“中心”后再生成。',
    REPORT_CENTRE_UNKNOWN: '所选中心不在本会的中心名单中（可能尚未确认其密钥卡）。请在“中心”中重新选择后再生成。',
  },
  actions: {
    'reports.tables': '查看统计报表',
    'reports.drill': '查看报表数字背后的名单',
    'reports.export': '导出统计报表',
  } satisfies Record<Extract<ChannelName, `reports.${string}`>, string>,
};

export const zhCNReports = {
  reports: {
    title: '统计报表',
    periodKind: '期间',
    kinds: { month: '月度', quarter: '季度', year: '年度', range: '起止日期' },
    year: '年份',
    month: '月份',
    quarter: '季度',
    quarterName: '第{n}季度',
    monthName: '{n}月',
    from: '起始日期',
    to: '截止日期',
    asOf: '截至',
    asOfHint: '按这一天结束时的记录计算',
    run: '生成报表',
    problems: {
      fromMissing: '还需要：起始日期',
      toMissing: '还需要：截止日期',
      backwards: '起始日期晚于截止日期，请调换或改正。',
      asOfMissing: '还需要：截至日期',
      asOfBeforePeriod: '“截至”日期早于期间的第一天 {from}，请改到 {from} 或之后。',
    },
    computing: '正在计算…',
    computedAt: '计算时间：{at}',
    reportingUnit: '填报单位：{unit}',
    periodLine: '统计期间：{period}，{asOf}',
    noSheets: '请选择期间后生成报表。',
    drillHeading: '数字背后的名单',
    drillTitle: '名单：{count} 户',
    drillPaymentsTitle: '名单：{count} 笔',
    drillEmpty: '没有记录。',
    fileNo: '档案编号',
    headName: '户主姓名',
    headId: '身份证号',
    category: '困难类别',
    workerType: '职工类型',
    entryKind: '建档类型',
    mainCause: '主要致困原因',
    status: '当前状态',
    stepOn: '变动日期',
    recipient: '领取人',
    amount: '金额（元）',
    paidOn: '发放日期',
    program: '项目',
    voucherNo: '凭证号',
    noNumber: '（未编号）',
    centre: '中心',
    allCentres: '各中心合计',
    centreOption: '{name}（{code}）',
    centreColumn: '所属中心',
    centreHint: '上级工会按各中心上报的记录统计',
    more: '显示更多',
    close: '关闭',
  },
};
