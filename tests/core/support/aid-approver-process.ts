/**
 * A second program on the same database, approving aid payments: opens its own core on a data directory another
 * process prepared, signs a reviewer in, and once the parent says "go" approves its payments a few at a time (each
 * call one transaction taking a block of voucher serials). Run by tests/core/aid-serials.test.ts, bundled with
 * esbuild; it must not import vitest or ./core (which registers vitest hooks). The protocol is approver-process.ts's:
 *   stdin ← AidApproverConfig   stdout → {"ready":true}   stdin ← go   stdout → AidApproverReport
 * Nothing personal is printed: payment ids, serials and error codes only.
 */
import { createInterface } from 'node:readline';
import { AdjustableClock } from '../../../src/main/core/clock';
import { createCore } from '../../../src/main/core/core';
import { createMemoryLogger, redact } from '../../../src/main/core/log';

export interface AidApproverConfig {
  dataDir: string;
  resourcesDir: string;
  keyHex: string;
  clockAtMs: number;
  username: string;
  password: string;
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

async function main(): Promise<void> {
  const input = createInterface({ input: process.stdin, crlfDelay: Infinity });
  const lines = input[Symbol.asyncIterator]();
  const nextLine = async () => {
    const { value, done } = await lines.next();
    if (done) throw new Error('stdin closed before the parent said go');
    return value;
  };
  try {
    const config = JSON.parse(await nextLine()) as AidApproverConfig;
    const core = createCore({
      dataDir: config.dataDir,
      resourcesDir: config.resourcesDir,
      key: Buffer.from(config.keyHex, 'hex'),
      version: '0.0.0-test',
      clock: new AdjustableClock(new Date(config.clockAtMs)),
      logger: createMemoryLogger(),
      autoBackup: false,
      storeKey: () => {},
      onEvent: () => {},
    });
    try {
      const signedIn = await core.dispatch(CLIENT, 'auth.signIn', { username: config.username, password: config.password });
      if (!signedIn.ok) throw new Error(`sign-in refused: ${signedIn.error.code}`);
      // Warm: the first queries prepared before the start, so that after "go" both spend their time approving.
      await core.dispatch(CLIENT, 'aid.payment', { id: config.paymentIds[0]! });
      process.stdout.write(`${JSON.stringify({ ready: true })}\n`);
      if ((await nextLine()) !== 'go') throw new Error('expected go');
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
      process.stdout.write(`${JSON.stringify(report)}\n`);
    } finally {
      core.close();
    }
  } finally {
    input.close();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`aid-approver-process failed: ${redact(error instanceof Error ? error.message : String(error))}\n`);
  process.exitCode = 1;
});

/** The machine's time, only to tell whether the two processes ran at the same time. */
function wallClockMs(): number {
  return performance.timeOrigin + performance.now();
}
