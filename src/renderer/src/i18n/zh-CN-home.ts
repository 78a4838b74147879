/**
 * The home page's words (features/home): today's to-dos and their cards, who and where the clerk is, and what each
 * role may do (您可以做的事), one line per ability, a centre's (roleAbilities) and a federation's (fedRoleAbilities).
 * Part of the zh-CN catalogue (see zh-CN.ts).
 */
export const zhCNHome = {
  home: {
    title: '首页',
    org: '本单位',
    mode: '运行模式',
    user: '当前用户',
    userValue: '{name}（{username}）',
    role: '角色',
    lastSignIn: '本次登录时间',
    canDo: '您可以做的事',
    everyone: '修改自己的密码；离开座位时锁定屏幕（空闲 {minutes} 分钟后也会自动锁定）。',
    // The to-dos of today (home.todo): each a count and a link to the list behind it.
    todoTitle: '今日待办',
    today: '今天是 {date}',
    noTodo: '您的角色没有待办事项。',
    cards: { entry: '建档与入户', decisions: '公示、审批与复核', aid: '救助发放与上报', centres: '各帮扶中心', office: '系统与政策' },
    todos: {
      myDrafts: '我的草稿',
      drafts: '全部草稿',
      awaitingVisit: '尚无有效走访记录',
      visitExpired: '入户调查已过期',
      noticeEnding: '公示即将期满',
      noticeEnded: '公示期已满',
      approval: '待审批',
      annualReview: '复核待决定',
      reviewDue: '复核到期',
      objectionOpen: '异议待处理',
      inProgress: '办理中的档案',
      importsWaiting: '存量导入待第二人确认',
      auditAlarms: '未确认的审计警报',
      backupOverdue: '距上次备份（天）',
      noBackup: '还没有备份',
      policyMissing: '未设置的政策项',
      centresOverdue: '逾期未报送的中心',
      batchAlarms: '未处理的批次异常',
      duplicateFiles: '多个中心建档的人',
      paymentsPending: '待审核的救助发放',
      // Not '上报批次…': the navigation's link of that name must stay the only one on the page that says it.
      batchesUnacknowledged: '尚无回执的批次',
    },
    todoCount: '{label}：{count}',
  },
  // The director's charts (dashboard.charts), below the to-dos: every number a link to its list.
  dashboard: {
    title: '工作概览',
    asOf: '截至 {date}',
    households: '在档困难职工（含复核中）',
    householdsTotal: '共 {count} 户',
    byCategory: '按困难类别',
    byCause: '按主要致困原因',
    noCause: '未填写致困原因',
    householdsCount: '{count} 户',
    monthly: '{year}年每月救助（按类型，与{lastYear}年对比）',
    monthlyNone: '{year}年和{lastYear}年还没有救助发放。',
    month: '{month}月',
    yearTotal: '全年',
    type: '类型',
    thisYearTotal: '{year}年合计',
    lastYearTotal: '{year}年合计',
    lastYearSeries: '{year}年',
    programs: '{year}年各项目预算使用',
    programsNone: '{year}年还没有救助项目。',
    program: '项目',
    budget: '预算',
    paid: '已发放',
    unpaid: '待审核和待发放',
    left: '预算剩余',
    used: '已用',
    noBudget: '未设预算',
    overBudget: '超出预算',
    chartCategories: '在档困难职工按困难类别：{parts}',
    chartCauses: '在档困难职工按主要致困原因：{parts}',
    chartMonthly: '{year}年各月救助金额（元）按类型，与{lastYear}年各月合计对比',
    chartPrograms: '{year}年各项目已发放、待发放与预算剩余（元）',
  },
  roleAbilities: {
    admin:
      '新建、停用用户，重置密码\n修改机构设置和空闲自动锁定时间\n设置政策数值（低保标准、公示期、入户调查有效期、复核周期）和工作日历\n备份数据，从备份恢复\n查看审计日志，校验审计链是否完整\n导出银行代发清单，交换密钥卡\n会员名册、单位与工会、困难职工档案、帮扶救助：审核人能做的都能做',
    reviewer:
      '查看本单位的基本信息和自己的账户\n查找、新增、编辑会员，变更会员状态\n整理工作单位和基层工会（重命名、合并）\n建档、入户调查、公示：经办人能做的都能做\n审批档案、决定复核、确认存量档案导入（不能审批自己录入或导入的）\n建立和关闭救助项目，审核救助发放、作废发放（不能审核自己录入的）',
    clerk:
      '查看本单位的基本信息和自己的账户\n查找、新增、编辑会员，变更会员状态\n整理工作单位和基层工会（重命名、合并）\n建立困难职工档案，记录入户调查，提交申请和公示，导入存量档案\n录入救助发放和发放批次，打印凭证和发放表，登记已发放',
    viewer: '查看本单位的基本信息和自己的账户，不能修改\n查找和查看会员名册和困难职工档案',
  },
  fedRoleAbilities: {
    admin:
      '新建、停用用户，重置密码\n修改机构设置和空闲自动锁定时间\n设置政策数值（含中心报送逾期天数）\n备份数据，从备份恢复\n查看审计日志，校验审计链是否完整\n交换密钥卡，标记批次异常已处理\n接收批次、各中心、重复核查：经办人能做的都能做',
    reviewer: '查看本单位的基本信息和自己的账户\n导入帮扶中心的批次，下载回执\n查看各中心报送的档案、发放和名册，查看重复核查',
    clerk: '查看本单位的基本信息和自己的账户\n导入帮扶中心的批次，下载回执\n查看各中心报送的档案、发放和名册，查看重复核查',
    viewer: '查看本单位的基本信息和自己的账户，不能修改\n查看各中心报送的档案、发放和名册，查看重复核查',
  },
};
