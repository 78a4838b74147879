import type { AuditAlarmKind, AuditCheckMoment } from '@shared/audit-events';

/**
 * What the audit check can find and when it runs, in the audit log's words; part of zh-CN-codes.ts (spread into its
 * code maps).
 */
export const zhCNAuditCheckCodes = {
  /** Short names of what the audit check can find (audit-events.ts AUDIT_ALARM_KINDS). */
  auditAlarmKinds: {
    'rolled-back': '审计日志被回滚或末尾被删除',
    rewritten: '审计日志被改写',
    'chain-broken': '审计链断裂',
    'trigger-missing': '防篡改触发器缺失',
    'anchor-missing': '审计锚点文件被删除',
    'anchor-invalid': '审计锚点文件被改动',
  } satisfies Record<AuditAlarmKind, string>,
  auditCheckMoments: {
    start: '启动时',
    signIn: '登录时',
    verify: '校验审计链时',
    restore: '恢复数据时',
    setup: '首次设置时',
    recover: '用恢复码打开时',
  } satisfies Record<AuditCheckMoment, string>,
};
