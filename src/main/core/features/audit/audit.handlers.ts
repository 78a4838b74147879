import { defineHandlers } from '../../context';
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
    const result = verifyAuditChain(ctx.sqlite);
    return { ok: result.firstBrokenSeq === null, ...result };
  },
});
