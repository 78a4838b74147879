import type { AuditEvent } from '@shared/audit-events';
import type { ChannelName } from '@shared/contract';
import type { ErrorCode } from '@shared/errors';

/**
 * 接收批次 (the federation imports its centres' batches): the page's words, the tables and the reason codes of a
 * refused batch or record (features/exchange import-*); spread into zh-CN.ts. The error, action and audit words are
 * spread into the maps of zh-CN-codes.ts from `zhCNExchangeImportCodeEntries`.
 */
export const zhCNExchangeImport = {
  exchangeTables: {
    org: '单位信息',
    units: '工作单位和基层工会',
    members: '会员',
    hardship_files: '困难职工档案',
    aid_programs: '救助项目',
    aid_batches: '发放批次',
    aid_payments: '救助发放',
    attachments: '附件',
  },
  /** Why a whole batch was refused (format reasons, reasons.ts, and the importer's). */
  batchRefusals: {
    'not-a-batch': '这不是帮扶工作台的上报批次文件（.bfb）。请选择帮扶中心导出的批次文件。',
    'newer-version': '这个批次由更新版本的帮扶工作台导出，本程序读不了。请先升级本程序，再导入。',
    truncated: '文件不完整（复制时可能被截断，或 U 盘拔出过早）。请让帮扶中心重新导出这一批，用新文件再导入。',
    'bad-header': '批次文件的头部已损坏或被改动，不能导入。请让帮扶中心重新导出这一批。',
    'unknown-sender':
      '这个批次不是用本单位已核对的帮扶中心密钥签名的（没有导入并核对过它的密钥卡，或它更换了密钥）。请先在“交换密钥”页导入对方的（新）密钥卡并电话核对指纹，再导入这一批。',
    'revoked-sender': '这个批次用已停止信任或已被替换的密钥签名，不能导入。请联系帮扶中心，用当前密钥重新导出。',
    'bad-signature': '批次的签名不对：文件导出后被改动过。不要使用它，请让帮扶中心重新导出这一批。',
    'wrong-recipient': '这个批次是发给另一个上级工会的，不是发给本单位的。请核对帮扶中心对接的上级工会。',
    'payload-length': '批次文件末尾多出了内容，文件被改动过。请让帮扶中心重新导出这一批。',
    'payload-hash': '批次内容与签名不符，文件被改动过。请让帮扶中心重新导出这一批。',
    'cannot-decrypt': '本单位的密钥解不开这个批次。请确认帮扶中心导入的是本单位当前的密钥卡。',
    'bad-payload': '批次内容已损坏，不能读取。请让帮扶中心重新导出这一批。',
    'manifest-mismatch': '批次中的记录数与清单不符，文件不完整或被改动过。请让帮扶中心重新导出这一批。',
    'sequence-gap': '缺少第 {expected} 批：请先导入这个帮扶中心的第 {expected} 批，再导入这一批。',
    'org-record-missing': '批次中缺少帮扶中心本单位的信息，记录无法归属。请让帮扶中心升级程序后重新导出。',
    'wrong-origin': '批次中有不属于这个帮扶中心的记录，不能导入。请联系帮扶中心核实后重新导出。',
    'different-hash': '这个帮扶中心的第 {sequence} 批已经导入过，这次的文件却不同。已记为异常，没有导入任何内容。',
  },
  /** The same reasons in a few words, for the audit log. */
  batchRefusalNames: {
    'not-a-batch': '不是批次文件',
    'newer-version': '新版本的文件',
    truncated: '文件不完整',
    'bad-header': '头部损坏',
    'unknown-sender': '发送单位不受信任',
    'revoked-sender': '密钥已停止信任或已替换',
    'bad-signature': '签名不对',
    'wrong-recipient': '发给其他单位',
    'payload-length': '末尾多出内容',
    'payload-hash': '内容与签名不符',
    'cannot-decrypt': '无法解密',
    'bad-payload': '内容损坏',
    'manifest-mismatch': '记录数与清单不符',
    'sequence-gap': '缺少前面的批次',
    'org-record-missing': '缺少单位信息',
    'wrong-origin': '含其他单位的记录',
    'different-hash': '同一批次号内容不同',
  },
  /** Why one record was refused (import-records.ts): a code, never the value. */
  recordRefusals: {
    'unknown-table': '不认识的数据类别',
    'wrong-origin': '不是这个帮扶中心的记录',
    'bad-record-id': '记录编号格式不对',
    'bad-instant': '修改时间格式不对',
    'missing-field': '缺少必填内容',
    'bad-field': '内容格式不对',
    'invalid-id-number': '身份证号不正确',
    'invalid-money': '金额不对（应为不小于 0 的整数分）',
    'unknown-code': '代码不在规定的取值范围内',
    'invalid-date': '日期不对',
    'invalid-phone': '电话号码格式不对',
    'invalid-credit-code': '统一社会信用代码不对或与发送单位不符',
  },
  exchangeImport: {
    title: '接收批次',
    intro:
      '帮扶中心把上报批次（.bfb 文件）用 U 盘送来后，在这里导入。批次须按顺序导入；同一批再导入一次不会重复记入。导入后下载回执（.bfr），交帮扶中心导入。',
    importBatch: '导入批次…',
    importing: '正在导入批次…',
    progress: '已处理 {done} / {total} 条',
    outcomeApplied: '已导入“{name}”的第 {sequence} 批{snapshot}',
    snapshot: '（首批，全部数据）',
    fullAgain: '（恢复备份后的完整批次，全部数据）',
    outcomeRepeat: '“{name}”的第 {sequence} 批以前已经导入过，这次没有重复记入。',
    outcomeRefused: '没有导入',
    refusedHeld:
      '这份文件（{reason}）是“{name}”第 {sequence} 批的一份副本。这一批已于 {time} 导入，不受这份文件影响，不需要帮扶中心重新导出；要给帮扶中心回执，请在下面的列表中下载这一批的回执。',
    outcomeAlarm: '异常',
    appliedTitle: '已导入的记录',
    attachments: '附件 {count} 个',
    noRecords: '这一批没有记录。',
    withdrawnNote:
      '“{name}”恢复了备份，这一批是它现有的全部记录：以前报来、现在已没有的 {count} 条记录已标为已撤回（保留，不再计入统计）。',
    refusedTitle: '未导入的记录（{count} 条）',
    refusedMore: '另有 {count} 条未列出，见回执。',
    table: '类别',
    recordId: '记录编号',
    reason: '原因',
    count: '条数',
    downloadReceipt: '下载回执',
    receiptHint: '请把回执文件交给帮扶中心，在其“上报批次”页导入。',
    centresTitle: '各帮扶中心的批次',
    noCentres: '还没有信任的帮扶中心。请先在“交换密钥”页导入并核对帮扶中心的密钥卡。',
    nextSequence: '下一批应为第 {sequence} 批',
    noBatches: '还没有收到批次。',
    sequence: '批次',
    createdAt: '导出时间',
    importedAt: '导入时间',
    importedBy: '导入人',
    kind: '类型',
    kindSnapshot: '首批（全部）',
    kindFullAgain: '全部（恢复备份后）',
    kindChanges: '变更',
    appliedCount: '导入记录',
    refusedCount: '未导入',
    alarmsTitle: '异常',
    alarmsIntro:
      '同一批次号收到了内容不同的文件。可能是帮扶中心恢复备份后重新导出，也可能是文件被冒用。请与帮扶中心核实，处理后由管理员标记“已处理”。',
    alarmText: '“{name}”的第 {sequence} 批：已导入的文件与 {at} 送来的文件不同（{by}）',
    alarmSettled: '已处理：{time}（{user}）{note}',
    settle: '已处理…',
    settleTitle: '标记异常已处理',
    settleNote: '处理情况',
    settleNoteHint: '写明与帮扶中心核实的结果和处理办法',
    settleConfirm: '标记已处理',
    settled: '已标记为已处理。',
    missingNote: '填写处理情况',
    keptTitle: '本机保存、尚未导入的批次',
    keptIntro:
      '下列批次的文件保存在本机，但数据里没有它们：本单位恢复了备份（备份之后导入过的批次），或者上次导入在完成前中断。重新导入会逐批按顺序做与导入时相同的检查（签名、密钥、批次顺序、内容），不需要帮扶中心再送。',
    keptRun: '待重新导入：{name} 第 {range} 批（文件已保存在本机）',
    keptReimport: '重新导入',
    keptReimporting: '正在重新导入…',
    keptApplied: '已重新导入“{name}”的第 {sequence} 批。',
    keptNoCard:
      '“{name}”的第 {sequence} 批没有导入：恢复后的数据里没有这个帮扶中心的密钥卡。请在“交换密钥”页重新导入它的密钥卡并电话核对指纹，再点“重新导入”。',
    keptRefused:
      '“{name}”的第 {sequence} 批没有导入（{reason}）。文件已移到数据文件夹的 exchange/received/set-aside 保留备查。请让帮扶中心从第 {sequence} 批起补发，再导入。',
  },
};

/** The import's entries of the maps in zh-CN-codes.ts. */
export const zhCNExchangeImportCodeEntries = {
  errors: {
    EXCHANGE_FEDERATION_ONLY: '只有上级工会（联合会模式）接收帮扶中心的批次。本单位是帮扶中心，请在“上报批次”页导出批次。',
    EXCHANGE_RECEIPT_UNAVAILABLE:
      '第 {sequence} 批保存的批次文件已不在数据文件夹中，不能再生成回执。请让帮扶中心再送一次这一批，重新导入后下载回执。',
    EXCHANGE_ALARM_SETTLED: '这条异常已经标记为已处理了。请刷新后查看。',
  } satisfies Record<Extract<ErrorCode, 'EXCHANGE_FEDERATION_ONLY' | 'EXCHANGE_RECEIPT_UNAVAILABLE' | 'EXCHANGE_ALARM_SETTLED'>, string>,
  actions: {
    'exchangeImport.importBatch': '导入帮扶中心的批次',
    'exchangeImport.received': '查看接收的批次',
    'exchangeImport.reimportKept': '重新导入本机保存的批次',
    'exchangeImport.receipt': '下载批次回执',
    'exchangeImport.settleAlarm': '标记批次异常已处理',
  } satisfies Record<Extract<ChannelName, `exchangeImport.${string}`>, string>,
  auditEvents: {
    'exchangeImport.applied': '导入{name}的第 {sequence} 批：记录 {records} 条，附件 {attachments} 个，未导入 {refused} 条',
    'exchangeImport.withdrawn': '{name}的第 {sequence} 批是恢复备份后的完整批次：该中心已没有的 {withdrawn} 条记录标为已撤回',
    'exchangeImport.repeat': '{name}的第 {sequence} 批再次导入：以前已导入，没有重复记入',
    'exchangeImport.refused': '拒收批次（{reason}）',
    'exchangeImport.alarm': '异常：{name}的第 {sequence} 批送来了内容不同的文件，没有导入',
    'exchangeImport.alarmSettled': '标记{name}第 {sequence} 批的异常已处理',
  } satisfies Record<Extract<AuditEvent, `exchangeImport.${string}`>, string>,
};
