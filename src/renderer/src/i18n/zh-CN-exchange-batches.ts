import type { AuditEvent } from '@shared/audit-events';
import type { ChannelName } from '@shared/contract';
import type { exchangeExportChannels } from '@shared/contract/exchange-export';
import type { ErrorCode } from '@shared/errors';

type BatchChannel = keyof typeof exchangeExportChannels;
type BatchEvent = Extract<AuditEvent, 'exchange.batchExported' | 'exchange.batchExportedAgain' | 'exchange.receiptImported'>;
/** The import's three EXCHANGE_ codes are named in the import's catalogue. */
type BatchError = Exclude<
  Extract<ErrorCode, `EXCHANGE_${string}` | `RECEIPT_${string}`>,
  'EXCHANGE_FEDERATION_ONLY' | 'EXCHANGE_RECEIPT_UNAVAILABLE' | 'EXCHANGE_ALARM_SETTLED'
>;

/**
 * 上报批次 (the centre's side of the exchange, features/exchange Export*, Batch*, Receipt*): the screen's texts,
 * spread into the zh-CN catalogue (zh-CN.ts), and the codes' entries, spread into zh-CN-exchange-codes.ts.
 */
export const zhCNExchangeBatches = {
  exchangeBatches: {
    title: '上报批次',
    intro:
      '把本中心的会员、困难职工档案和帮扶救助记录生成加密的上报批次文件（.bfb），用U盘带到上级工会导入。第一批包含全部记录，以后每批只含上一批以来的变动。上级工会导入后会给一份回执（.bfr），在这里导入回执即可看到结果。',
    federation: '上报给：{name}（{code}）',
    noFederation: '尚未信任上级工会的密钥卡，请管理员先在"交换密钥"中导入并核对。',
    generate: '生成上报批次',
    exportAgain: '重新导出',
    importReceipt: '导入回执',
    empty: '还没有生成过上报批次。',
    sequence: '序号',
    createdAt: '生成时间',
    kind: '类型',
    records: '记录数',
    state: '状态',
    receipt: '回执结果',
    actions: '操作',
    snapshot: '首批全量',
    fullAgain: '全量（恢复备份后）',
    fullDueTitle: '下一批是完整批次',
    fullDue:
      '{time} 恢复了备份。恢复前已上报的批次仍在上级工会，而本机的数据回到了备份时的样子，所以下一批会包含本中心的全部记录（全量），让上级工会的数据与本机一致：备份之后新增、现已不在本机的记录，上级工会导入时会标为已撤回。批次序号接着已上报的继续编。',
    changes: '增量',
    recordCount: '{records} 条',
    attachmentCount: '附件 {count} 个',
    fileName: '文件：{file}',
    exportedBy: '{user}',
    noReceipt: '等待上级工会回执',
    receiptApplied: '{time} 已导入 {applied} 条',
    receiptRepeat: '{time} 上级工会已有这一批（重复上报，无需处理）',
    receiptRefused: '{time} 整批被拒收：{reason}',
    refusedCount: '{count} 条记录被拒收',
    showRefused: '查看被拒收的记录',
    previewTitle: '生成第 {sequence} 批上报批次',
    previewSnapshot: '这是第一批：包含本中心的全部记录（首批全量）。',
    previewChanges: '包含上一批以来新增或修改过的记录（增量）。',
    previewAfterRestore: '恢复备份后的第一批：包含本中心的全部记录（全量），上级工会导入后数据与本机一致。',
    previewLine: '{table}：{count} 条',
    previewAttachments: '附件（证明材料、照片）：{count} 个',
    previewNothing: '上一批以来没有变动，本批只含本单位信息。',
    previewTotal: '共 {count} 条记录',
    start: '开始生成',
    progress: '已写入 {done} / {total}',
    doneTitle: '第 {sequence} 批已生成',
    done: '请把文件“{file}”复制到U盘，带到上级工会导入。本机已保留一份，U盘丢失时可“重新导出”。',
    saveAgain: '再保存一次',
    againTitle: '重新导出上报批次（补发）',
    againBody:
      '把选定的一批及以后各批的文件原样再导出一次，用于U盘丢失或上级工会缺少某批。上级工会已导入的批次会当作重复，缺少的批次会被导入。',
    againFrom: '从第几批开始',
    againBatch: '第 {sequence} 批（{time}）',
    againStart: '导出',
    againDone: '已重新导出 {count} 个批次文件，请复制到U盘。',
    receiptDone: '已导入第 {sequence} 批的回执：{state}',
    receiptSame: '第 {sequence} 批的这份回执已经导入过，没有变化。',
    refusedTitle: '第 {sequence} 批被拒收的记录',
    refusedIntro: '上级工会没有收下以下记录。请按“查找依据”找到并核对更正，改过的记录会随下一批再次上报。',
    refusedTable: '记录类型',
    refusedFind: '查找依据',
    refusedReason: '原因',
    notFound: '（本机未找到）',
    close: '关闭',
  },
  batchStates: { exported: '已上报', confirmed: '已确认', problems: '有问题' },
  /** The words of the batch audit entries' kind and outcome. */
  batchAuditWords: { snapshot: '首批全量', changes: '增量', applied: '已导入', repeat: '重复上报', refused: '整批拒收' },
  recordTables: {
    org: '本单位信息',
    units: '单位',
    members: '会员',
    hardship_files: '困难职工档案',
    aid_programs: '救助项目',
    aid_batches: '发放批次',
    aid_payments: '救助发放',
    other: '其他记录（{table}）',
  },
  /** The federation's reason codes (the format's refusals and the importer's), in words a clerk can act on. */
  refusalReasons: {
    'not-a-batch': '不是上报批次文件',
    'newer-version': '批次文件的版本比上级工会的程序新，请上级工会升级程序',
    truncated: '文件不完整（复制时被截断），请重新导出这一批',
    'bad-header': '文件头被改动或损坏，请重新导出这一批',
    'unknown-sender': '上级工会没有信任本中心的密钥卡，请联系上级工会导入并核对',
    'bad-signature': '签名不对，文件被改动过，请重新导出这一批',
    'wrong-recipient': '这一批是发给另一个上级工会的',
    'payload-length': '文件长度不对，请重新导出这一批',
    'payload-hash': '文件内容被改动或损坏，请重新导出这一批',
    'cannot-decrypt': '上级工会解不开这一批（密钥不匹配），请核对双方的密钥卡',
    'bad-payload': '文件内容损坏，请重新导出这一批',
    'manifest-mismatch': '记录数与清单不符，请重新导出这一批',
    'revoked-sender': '上级工会已停止信任本中心的这把密钥，请联系上级工会核对密钥卡',
    'sequence-gap': '缺少前面的批次，请从缺少的那一批起“重新导出”',
    'org-record-missing': '批次中缺少本单位信息，请重新导出这一批',
    'different-hash': '同一批号的文件与上级工会已有的不同，请联系上级工会核对',
    'wrong-origin': '记录不属于本中心',
    'unknown-table': '上级工会的程序不认识这类记录，请上级工会升级程序',
    'bad-record-id': '记录编号不正确',
    'bad-instant': '记录的修改时间不正确',
    'missing-field': '记录缺少必填的内容',
    'bad-field': '记录的某项内容格式不对',
    'invalid-id-number': '身份证号码不正确',
    'invalid-money': '金额不正确',
    'unknown-code': '代码（地区、民族等）不正确',
    'invalid-date': '日期不正确',
    'invalid-phone': '电话号码不正确',
    'invalid-credit-code': '统一社会信用代码不正确',
    other: '其他原因（代码：{code}）',
  },
};

export const zhCNExchangeBatchCodeEntries = {
  errors: {
    EXCHANGE_NOT_CENTRE: '只有帮扶中心向上级工会上报批次；本单位是上级工会，不需要上报。',
    EXCHANGE_NO_FEDERATION: '尚未信任上级工会的密钥卡，请先在"交换密钥"中导入并核对。',
    EXCHANGE_KEPT_MISSING: '本机保留的第 {sequence} 批文件找不到了，不能原样重新导出。请联系上级工会确认已收到哪些批次。',
    EXCHANGE_KEPT_ALTERED: '本机保留的第 {sequence} 批文件已损坏或被改动，不能原样重新导出。请联系上级工会确认已收到哪些批次。',
    EXCHANGE_NO_SUCH_BATCH: '没有第 {sequence} 批。请从列表中选一个已生成的批次。',
    RECEIPT_NOT_A_RECEIPT: '这不是上级工会的回执文件（.bfr）。请选择上级工会导入批次后给的回执。',
    RECEIPT_NEWER: '这份回执由更新版本的帮扶工作台生成，本程序读不了。请先升级本程序。',
    RECEIPT_ALTERED: '回执的签名不对：文件被改动过或已损坏，没有导入。请让上级工会重新导出回执。',
    RECEIPT_UNTRUSTED:
      '这份回执不是用本中心已核对的上级工会密钥签名的，没有导入。如果上级工会更换过密钥，请先在“交换密钥”页导入它的新密钥卡并电话核对指纹，再导入这份回执。',
    RECEIPT_WRONG_CENTRE: '这份回执是给另一个帮扶中心的，没有导入。',
    RECEIPT_UNKNOWN_BATCH: '回执说的是第 {sequence} 批，本中心没有生成过这一批，没有导入。',
    RECEIPT_OTHER_BATCH: '回执说的第 {sequence} 批与本中心生成的那一批文件不一致，没有导入。请联系上级工会核对。',
  } satisfies Record<BatchError, string>,
  actions: {
    'exchange.sentBatches': '查看上报批次',
    'exchange.nextBatch': '查看下一批上报内容',
    'exchange.exportBatch': '生成上报批次',
    'exchange.exportAgain': '重新导出上报批次',
    'exchange.importReceipt': '导入上级工会回执',
  } satisfies Record<Extract<ChannelName, BatchChannel>, string>,
  auditEvents: {
    'exchange.batchExported': '生成第 {sequence} 批上报批次（{kind}）：{records} 条记录，{attachments} 个附件',
    'exchange.batchExportedAgain': '重新导出第 {from} 至 {to} 批上报批次',
    'exchange.receiptImported': '导入第 {sequence} 批的回执：{outcome}，{refused} 条记录被拒收',
  } satisfies Record<BatchEvent, string>,
};
