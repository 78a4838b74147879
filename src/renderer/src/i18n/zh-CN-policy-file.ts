import type { ChannelName } from '@shared/contract';
import type { ErrorCode } from '@shared/errors';

/**
 * 政策文件 (features/policy PolicyFile*, issue 12): the screen's texts, spread into the zh-CN catalogue (zh-CN.ts),
 * and the codes' entries, spread into zh-CN-exchange-codes.ts.
 */
export const zhCNPolicyFile = {
  policyFile: {
    export: '导出政策文件',
    exportTitle: '导出政策文件（发给各帮扶中心）',
    exportHint: '文件由本单位签名，不加密（政策是公开的）。各中心导入后作为新的带起始日期的数值，不改动中心自己的数值。',
    keys: '要发送的政策参数',
    keysHint: '所选参数的全部有效数值（含以后起执行的）都会发送。',
    programYear: '同时发送哪一年的帮扶项目',
    programYearHint: '本单位该年度“进行中”的项目（类型、资金来源、标准），不含预算。',
    programYearOption: '{year} 年（进行中的项目 {count} 个）',
    noPrograms: '不发送项目',
    noOpenPrograms: '本单位没有“进行中”的帮扶项目，这次只发送政策数值。',
    needSomething: '要发送的政策参数或帮扶项目',
    exportDo: '生成并保存',
    exported: '已导出第 {issue} 号政策文件：数值 {values} 个，项目 {programs} 个',
    import: '导入政策文件',
    previewTitle: '导入政策文件：{name} 第 {issue} 号',
    previewIntro:
      '上级工会“{name}”（{code}）于 {createdAt} 签发。新的数值和项目将加入本中心；本中心已有的同一参数、地区、起始日期的数值不变，跳过。',
    repeat: '这份文件（第 {issue} 号）以前已经导入过，再导入不会有任何改动。',
    values: '政策数值',
    programs: '帮扶项目',
    stateNew: '新增',
    stateExists: '已有，跳过',
    stateVoided: '本中心已作废，跳过',
    nothingNew: '文件中的内容本中心都已有，导入只会记录这次导入。',
    importDo: '导入',
    imported: '已导入第 {issue} 号政策文件：新增数值 {values} 个、项目 {programs} 个，跳过 {skipped} 项',
    fromFederation: '来自上级',
    fromFederationIssue: '上级工会第 {issue} 号政策文件',
    programName: '项目名称',
    programType: '类型',
    programYearShort: '年度',
    fundSource: '资金来源',
  },
};

export const zhCNPolicyFileCodeEntries = {
  errors: {
    POLICY_FILE_FEDERATION_ONLY: '只有上级工会导出政策文件；帮扶中心从上级工会导入政策文件。',
    POLICY_FILE_CENTRE_ONLY: '只有帮扶中心导入政策文件；本单位是上级工会，政策文件由本单位导出。',
    POLICY_FILE_NO_FEDERATION: '尚未信任上级工会的密钥卡，不能核验政策文件。请先在“交换密钥”中导入上级工会的密钥卡并电话核对指纹。',
    POLICY_FILE_NOTHING_CHOSEN:
      '所选的参数没有任何有效数值，所选年度也没有进行中的项目，没有生成文件。请多选几个参数，或选一个有项目的年度。',
    POLICY_FILE_NOT_A_FILE: '这不是帮扶工作台的政策文件（.bfp），没有导入。请选择上级工会导出的政策文件。',
    POLICY_FILE_NEWER: '这份政策文件由更新版本的帮扶工作台生成，本程序读不了，没有导入。请先升级本程序。',
    POLICY_FILE_TRUNCATED: '政策文件不完整（复制时中断或 U 盘拔出过早），没有导入。请重新复制一份再导入。',
    POLICY_FILE_ALTERED: '政策文件的签名不对：文件被改动过或已损坏，没有导入。请让上级工会重新导出政策文件。',
    POLICY_FILE_UNTRUSTED:
      '这份政策文件不是用本中心已核对的上级工会密钥签名的，没有导入。如果上级工会更换过密钥，请先导入它的新密钥卡并电话核对指纹。',
    POLICY_FILE_OTHER_FEDERATION: '这份政策文件来自另一个单位（代码 {code}），不是本中心对接的上级工会，没有导入。',
    POLICY_FILE_OLDER_ISSUE: '这是第 {issue} 号政策文件，本中心已导入更新的第 {last} 号，旧文件不再导入。如有疑问请联系上级工会。',
    POLICY_FILE_BAD_CONTENT: '政策文件签名无误，但其中有数值超出允许范围或项目标准不完整，整份没有导入。请联系上级工会核对后重新导出。',
  } satisfies Record<Extract<ErrorCode, `POLICY_FILE_${string}`>, string>,
  actions: {
    'policyFile.export': '导出政策文件',
    'policyFile.preview': '查看政策文件内容',
    'policyFile.import': '导入政策文件',
  } satisfies Record<Extract<ChannelName, `policyFile.${string}`>, string>,
  auditEvents: {
    'policyFile.exported': '导出第 {issue} 号政策文件（数值 {values} 个，项目 {programs} 个）',
    'policyFile.imported':
      '导入上级工会的第 {issue} 号政策文件：新增数值 {valuesAdded} 个、项目 {programsAdded} 个，跳过数值 {valuesSkipped} 个、项目 {programsSkipped} 个',
  },
};
