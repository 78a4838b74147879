import { defineHandlers } from '../../context';

export const jobsHandlers = defineHandlers({
  'jobs.cancel': (input, ctx) => (ctx.core.jobs.cancel(ctx.clientId, input.jobId), { ok: true as const }),
});
