import { defineHandlers } from '../../context';
import { acknowledgeAlarm, listAlarms } from './audit-alarms';
import { checkAuditTrail } from './audit-check';
import { listAudit, verifyAuditChain } from './audit.repo';

/** A date the clerk picked (local calendar day) as the UTC instant at which that day starts. */
function localDayStart(date: string, plusDays = 0): string {
  const [y, m, d] = date.split('-').map(Number);
  return new Date(y!, m! - 1, d! + plusDays).toISOString();
}

export const auditHandlers = defineHandlers({
  'audit.list': (input, ctx) =>
    listAudit(
      ctx.sqlite,
      {
        userId: input.userId,
        action: input.action,
        fromAt: input.from ? localDayStart(input.from) : undefined,
        toAt: input.to ? localDayStart(input.to, 1) : undefined,
      },
      input.page,
      input.pageSize,
    ),
  'audit.verify': (_input, ctx) => {
    // The chain as it was found, before the check appends its alarms.
    const result = verifyAuditChain(ctx.sqlite);
    const problems = [...new Set(checkAuditTrail(ctx.core, 'verify').map((finding) => finding.kind))];
    return { ok: result.firstBrokenSeq === null && problems.length === 0, ...result, problems };
  },
  'audit.alarms': (_input, ctx) => ({ alarms: listAlarms(ctx.sqlite) }),
  'audit.acknowledge': (input, ctx) => (acknowledgeAlarm(ctx, input.seq), { ok: true as const }),
});
