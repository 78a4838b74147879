/**
 * A second program on the same database: this script opens its own core (its own connection, sessions and clock) on
 * a data directory another process prepared, signs a reviewer in, and approves the files it is given once the
 * parent says "go". Run as a child process by tests/core/file-numbering-processes.test.ts, bundled with esbuild
 * (bundleApproverProcess); it must not import vitest or ./core (which registers vitest hooks).
 *
 * Protocol, one JSON value or word per line:
 *   stdin  ← ApproverConfig            stdout → {"ready":true}   (signed in, files read: only approving is left)
 *   stdin  ← go                        stdout → ApproverReport   (then the core is closed and the process ends)
 * The key and the password come on stdin, not in argv (visible to every user in the process list). Nothing personal
 * is printed: file ids, file numbers (档案编号), error codes and the logger's already-redacted lines only.
 */
import { createInterface } from 'node:readline';
import type { AppErrorShape, Result } from '@shared/errors';
import { AdjustableClock } from '../../../src/main/core/clock';
import { createCore, type Core } from '../../../src/main/core/core';
import { createMemoryLogger, redact } from '../../../src/main/core/log';

export interface ApproverConfig {
  dataDir: string;
  resourcesDir: string;
  keyHex: string;
  /** The parent's clock now (ms since the epoch): this core's clock starts there, so both show the same instant. */
  clockAtMs: number;
  username: string;
  password: string;
  fileIds: string[];
}

export interface ApproverReport {
  pid: number;
  /** Wall-clock instants (performance.timeOrigin + performance.now(), comparable between processes) of the first approval's start and the last's end. */
  startedAt: number;
  endedAt: number;
  /** File id → 档案编号, for each file this process approved, in the order it approved them. */
  numbers: Record<string, string>;
  /** Attempts refused and retried, by error code: STALE_RECORD (the file changed meanwhile) or BUSY. */
  retries: Record<string, number>;
  /** Anything else: a file not approved, with the step and the error code. */
  errors: { fileId: string; step: string; code: string; params?: unknown; ref?: string }[];
  /** The core's logged errors (the logger redacts personal data). */
  loggedErrors: string[];
}

const CLIENT = 'approver';
const RETRYABLE = new Set(['STALE_RECORD', 'BUSY']);
const MAX_ATTEMPTS = 20;

async function main(): Promise<void> {
  const input = createInterface({ input: process.stdin, crlfDelay: Infinity });
  try {
    await run(input[Symbol.asyncIterator]());
  } finally {
    input.close(); // else a failure would leave the process waiting on stdin
  }
}

async function run(lines: AsyncIterator<string>): Promise<void> {
  const nextLine = async () => {
    const { value, done } = await lines.next();
    if (done) throw new Error('stdin closed before the parent said go');
    return value;
  };
  const config = JSON.parse(await nextLine()) as ApproverConfig;

  const clock = new AdjustableClock(new Date(config.clockAtMs));
  const logger = createMemoryLogger();
  const core = createCore({
    dataDir: config.dataDir,
    resourcesDir: config.resourcesDir,
    key: Buffer.from(config.keyHex, 'hex'),
    version: '0.0.0-test',
    clock,
    logger,
    autoBackup: false,
    storeKey: () => {},
    onEvent: () => {},
  });
  try {
    if (core.state.state !== 'ready') throw new Error(`core not ready: ${core.state.state}`);
    const signedIn = await core.dispatch(CLIENT, 'auth.signIn', { username: config.username, password: config.password });
    if (!signedIn.ok) throw new Error(`sign-in refused: ${signedIn.error.code}`);
    // Read each file once before the start, so that the first queries are prepared and the code is warm: after "go"
    // both processes spend their time approving.
    for (const id of config.fileIds) {
      const got = await core.dispatch(CLIENT, 'files.get', { id });
      if (!got.ok) throw new Error(`files.get refused before the start: ${got.error.code}`);
    }

    process.stdout.write(`${JSON.stringify({ ready: true })}\n`);
    const go = await nextLine();
    if (go !== 'go') throw new Error(`expected "go", got ${JSON.stringify(go)}`);

    const report: ApproverReport = {
      pid: process.pid,
      startedAt: wallClockMs(),
      endedAt: 0,
      numbers: {},
      retries: {},
      errors: [],
      loggedErrors: [],
    };
    for (const id of config.fileIds) await approve(core, id, report);
    report.endedAt = wallClockMs();
    report.loggedErrors = logger.lines.filter((line) => (JSON.parse(line) as { level: string }).level === 'error');
    process.stdout.write(`${JSON.stringify(report)}\n`);
  } finally {
    core.close();
  }
}

/** Reads the file's rev and approves it; a refusal because the file changed meanwhile, or BUSY, is tried again. */
async function approve(core: Core, id: string, report: ApproverReport): Promise<void> {
  const refused = (step: string, error: Pick<AppErrorShape, 'params' | 'ref'> & { code: string }) => {
    report.errors.push({
      fileId: id,
      step,
      code: error.code,
      ...(error.params ? { params: error.params } : {}),
      ...(error.ref ? { ref: error.ref } : {}),
    });
  };
  const retried = (code: string) => (report.retries[code] = (report.retries[code] ?? 0) + 1);
  for (let attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
    const got = (await core.dispatch(CLIENT, 'files.get', { id })) as Result<{ rev: number; status: string }>;
    if (!got.ok) {
      if (!RETRYABLE.has(got.error.code)) return refused('get', got.error);
      retried(got.error.code);
      continue;
    }
    if (got.data.status !== 'approval') return refused('get', { code: `STATUS_${got.data.status}` });
    const acted = (await core.dispatch(CLIENT, 'files.act', { id, rev: got.data.rev, action: 'approve' })) as Result<{
      fileNo: string | null;
    }>;
    if (acted.ok) {
      if (acted.data.fileNo === null) return refused('approve', { code: 'NO_FILE_NUMBER' });
      report.numbers[id] = acted.data.fileNo;
      return;
    }
    if (!RETRYABLE.has(acted.error.code)) return refused('approve', acted.error);
    retried(acted.error.code);
  }
  refused('approve', { code: 'TOO_MANY_RETRIES' });
}

main().catch((error: unknown) => {
  // Only the message, redacted as the program's log is: a stack or a value could carry more than codes.
  process.stderr.write(`approver-process failed: ${redact(error instanceof Error ? error.message : String(error))}\n`);
  process.exitCode = 1;
});

/**
 * The machine's time, only to compare when two processes ran (did the approvals overlap?), never as a date the
 * program sees: that comes from the injected clock.
 */
function wallClockMs(): number {
  return performance.timeOrigin + performance.now();
}
