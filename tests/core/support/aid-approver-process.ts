/**
 * A second program on the same database, approving aid payments: opens its own core on a data directory another
 * process prepared, signs a reviewer in, and once the parent says "go" approves its payments a few at a time (each
 * call one transaction taking a block of voucher serials). Run by tests/core/aid-serials.test.ts, bundled with
 * esbuild; the protocol and the core's opening are racing-child.ts's:
 *   stdin ← AidApproverConfig   stdout → {"ready":true}   stdin ← go   stdout → AidApproverReport
 * Nothing personal is printed: payment ids, serials and error codes only.
 */
import { runRacingChild, wallClockMs, type RacingCoreConfig } from './racing-child';

export interface AidApproverConfig extends RacingCoreConfig {
  paymentIds: string[];
  /** How many payments one approval takes (a batch's approval takes them all at once). */
  chunk: number;
}

export interface AidApproverReport {
  startedAt: number;
  endedAt: number;
  /** Each approval's first and last serial, in the order this process made them. */
  approvals: { ids: string[]; first: string; last: string }[];
  retries: number;
  errors: string[];
}

const CLIENT = 'aid-approver';

runRacingChild<AidApproverConfig, AidApproverReport>('aid-approver-process', {
  client: CLIENT,
  // The first queries prepared before the start, so that after "go" both spend their time approving.
  async warm(core, config) {
    await core.dispatch(CLIENT, 'aid.payment', { id: config.paymentIds[0]! });
  },
  async race(core, config) {
    const report: AidApproverReport = { startedAt: wallClockMs(), endedAt: 0, approvals: [], retries: 0, errors: [] };
    for (let i = 0; i < config.paymentIds.length; i += config.chunk) {
      const ids = config.paymentIds.slice(i, i + config.chunk);
      for (let attempt = 0; attempt < 50; attempt++) {
        const result = await core.dispatch(CLIENT, 'aid.approve', { ids });
        if (result.ok) {
          const { serials } = result.data as { serials: { first: string; last: string } };
          report.approvals.push({ ids, ...serials });
          break;
        }
        if (result.error.code !== 'BUSY') {
          report.errors.push(result.error.code);
          break;
        }
        report.retries++;
      }
    }
    report.endedAt = wallClockMs();
    return report;
  },
});
