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
      ctx.user!.role,
    ),
  'audit.verify': (_input, ctx) => {
    const check = checkAuditTrail(ctx.core, 'verify');
    // The chain as the check found it, before it appended its alarms (walked here when an import held the check off).
    const chain = check.chain ?? verifyAuditChain(ctx.sqlite);
    const problems = [...new Set(check.findings.map((finding) => finding.kind))];
    return { ok: chain.firstBrokenSeq === null && problems.length === 0, ...chain, problems };
  },
  'audit.alarms': (_input, ctx) => ({ alarms: listAlarms(ctx.sqlite) }),
  'audit.acknowledge': (input, ctx) => (acknowledgeAlarm(ctx, input.seq), { ok: true as const }),
});
