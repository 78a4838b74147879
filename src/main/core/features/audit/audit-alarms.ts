import type { AuditAlarm } from '@shared/contract/audit';
import { AUDIT_ALARM_KINDS, type AuditAlarmKind, type AuditSummary } from '@shared/audit-events';
import { AppError } from '@shared/errors';
import type { CallContext } from '../../context';
import type { Sqlite } from '../../db/client';
import { CHECK_ACTION } from './audit-check';

/**
 * Alarms live in the audit log itself (entries 'audit.alarmRaised' written by audit-check.ts), so they are chained
 * and anchored like everything else; an acknowledgement is one more entry ('audit.alarmAcknowledged'), never an
 * edit. Both are found through the (action, seq) index.
 */
const ACKNOWLEDGE_ACTION = 'audit.acknowledge';

interface EntryRow {
  seq: number;
  at: string;
  userName: string | null;
  summary: string;
}

function entries(sqlite: Sqlite, action: string): { seq: number; at: string; userName: string | null; summary: AuditSummary }[] {
  const rows = sqlite
    .prepare('SELECT seq, at, user_name AS userName, summary FROM audit_log WHERE action = ? ORDER BY seq DESC')
    .all(action) as EntryRow[];
  return rows.map((row) => ({ ...row, summary: JSON.parse(row.summary) as AuditSummary }));
}

export function listAlarms(sqlite: Sqlite): AuditAlarm[] {
  const acknowledged = new Map<number, { at: string; by: string | null }>();
  for (const ack of entries(sqlite, ACKNOWLEDGE_ACTION)) {
    if (ack.summary.event === 'audit.alarmAcknowledged')
      acknowledged.set(Number(ack.summary.params.alarm), { at: ack.at, by: ack.userName });
  }
  return entries(sqlite, CHECK_ACTION)
    .filter((e) => e.summary.event === 'audit.alarmRaised')
    .map(({ seq, at, summary }) => {
      const { kind, ...params } = summary.params;
      const ack = acknowledged.get(seq);
      return {
        seq,
        at,
        // A kind this version does not know (written by a newer one) still shows, as the gravest known kind.
        kind: (AUDIT_ALARM_KINDS as readonly string[]).includes(String(kind)) ? (kind as AuditAlarmKind) : 'chain-broken',
        params,
        acknowledgedAt: ack?.at ?? null,
        acknowledgedBy: ack?.by ?? null,
      };
    });
}

/** Records that an administrator has seen the alarm at `seq`; a second acknowledgement changes nothing. */
export function acknowledgeAlarm(ctx: CallContext, seq: number): void {
  const alarm = listAlarms(ctx.sqlite).find((a) => a.seq === seq);
  if (!alarm) throw new AppError('NOT_FOUND');
  if (alarm.acknowledgedAt) return;
  ctx.write(() =>
    ctx.audit({ recordType: 'audit', recordId: String(seq), event: 'audit.alarmAcknowledged', params: { alarm: seq, kind: alarm.kind } }),
  );
}
