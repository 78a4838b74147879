import type { AuditEvent } from '@shared/audit-events';
import type { ChannelName } from '@shared/contract';
import type { ErrorCode } from '@shared/errors';
import { zhCNExchangeBatchCodeEntries } from './zh-CN-exchange-batches';
import { zhCNExchangeImportCodeEntries } from './zh-CN-exchange-import';
import { zhCNPolicyFileCodeEntries } from './zh-CN-policy-file';

/** The office's own keys (features/org signing-key.service.ts), named with the exchange's. */
type OfficeKeyChannel = 'org.signingKey' | 'org.exportKeyCard' | 'org.replaceKeys';
type OfficeKeyEvent = 'org.keysCarried' | 'org.signingKeyCreated' | 'org.keyCardExported' | 'org.exchangeKeyCreated' | 'org.keysReplaced';

/**
 * The exchange's entries of the maps in zh-CN-codes.ts, spread in there (as zh-CN-aid-codes.ts does for aid): the
 * key-card errors (features/exchange), the action labels and audit summaries of the exchange.* channels and of the office's own
 * keys.
 */
export const zhCNExchangeCodeEntries = {
  /** Another office's .bfkey that was not taken in. */
  errors: {
    KEY_CARD_NOT_A_CARD: '这不是帮扶工作台的密钥卡文件（.bfkey）。请让对方在“交换密钥”页导出密钥卡，再导入那个文件。',
    KEY_CARD_NEWER: '这张密钥卡由更新版本的帮扶工作台导出，本程序读不了。请先升级本程序，再导入。',
    KEY_CARD_OLD_VERSION: '这张密钥卡来自旧版本，缺少加密公钥。请对方升级帮扶工作台后重新导出密钥卡。',
    KEY_CARD_DAMAGED: '密钥卡内容不完整或已损坏，不能导入。请让对方重新导出，用新文件再试。',
    KEY_CARD_BAD_SIGNATURE:
      '密钥卡的签名不对：文件导出后被改动过，或不是对方程序导出的。不要信任它，请让对方重新导出，并通过电话核对指纹。',
    KEY_CARD_OWN: '这是本单位自己的密钥卡，不需要导入。请导入对方单位的密钥卡。',
    KEY_CARD_WRONG_MODE: '这是一张{mode}的密钥卡。帮扶中心只导入上级工会的密钥卡，上级工会只导入帮扶中心的密钥卡。',
    KEY_CARD_OTHER_FEDERATION: '本中心已对接上级工会“{name}”，一个帮扶中心只能对接一个上级工会。如需更换，请先在列表中对它点“停止信任”。',
    KEY_CARD_KEY_CHANGED:
      '“{name}”已有一把受信任的密钥，这张新卡换了密钥，却没有用旧密钥签名。请打电话问对方是否更换了密钥；确认对方丢失了旧密钥后，选择“重新核对”，按新卡重新核对指纹。',
    KEY_CARD_RETIRED: '这是“{name}”已经换掉的旧密钥卡，不能再导入。请让对方导出当前的密钥卡。',
    ...zhCNExchangeBatchCodeEntries.errors,
    ...zhCNExchangeImportCodeEntries.errors,
    ...zhCNPolicyFileCodeEntries.errors,
  } satisfies Record<
    Extract<ErrorCode, `KEY_CARD_${string}` | `EXCHANGE_${string}` | `RECEIPT_${string}` | `POLICY_FILE_${string}`>,
    string
  >,
  actions: {
    'org.signingKey': '查看机构签名密钥',
    'org.exportKeyCard': '导出机构密钥卡',
    'org.replaceKeys': '更换本单位密钥',
    'exchange.peers': '查看对方密钥卡',
    'exchange.importCard': '导入对方密钥卡',
    'exchange.confirmPeer': '确认对方密钥指纹',
    'exchange.withdrawPeer': '停止信任对方密钥',
    'exchange.printPeerCard': '打印对方密钥卡',
    ...zhCNExchangeBatchCodeEntries.actions,
    ...zhCNExchangeImportCodeEntries.actions,
    ...zhCNPolicyFileCodeEntries.actions,
  } satisfies Record<
    Extract<ChannelName, `exchange.${string}` | `exchangeImport.${string}` | `policyFile.${string}`> | OfficeKeyChannel,
    string
  >,
  auditEvents: {
    'org.keysCarried': '恢复备份时保留本单位密钥：带入 {added} 个，更正状态 {updated} 个，备份中的旧密钥停用 {retired} 个',
    'org.signingKeyCreated': '生成本单位签名密钥（{when}）',
    'org.keyCardExported': '导出本单位密钥卡（{as}）',
    'org.exchangeKeyCreated': '生成本单位加密密钥（{when}）',
    'org.keysReplaced': '更换本单位签名密钥和加密密钥（旧密钥保留，仍可核验）',
    'exchange.cardImported': '导入{name}（{mode}）的密钥卡：{change}，待核对指纹',
    'exchange.peerConfirmed': '电话核对指纹后信任{name}（{mode}）的密钥：{change}',
    'exchange.peerWithdrawn': '停止信任{name}的密钥（原为{status}）',
    'exchange.peerCardPrinted': '打印{name}的密钥卡',
    ...zhCNExchangeBatchCodeEntries.auditEvents,
    ...zhCNExchangeImportCodeEntries.auditEvents,
    ...zhCNPolicyFileCodeEntries.auditEvents,
  } satisfies Record<
    Extract<AuditEvent, `exchange.${string}` | `exchangeImport.${string}` | `policyFile.${string}`> | OfficeKeyEvent,
    string
  >,
  /** Audit record types: a batch sent (a centre) or received (a federation), and a federation's alarm. */
  recordTypes: { exchangeBatch: '交换批次', exchangeAlarm: '批次异常', policyFile: '政策文件' },
};
