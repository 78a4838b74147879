/**
 * A second program on the same database: this script opens its own core (its own connection, sessions and clock) on
 * a data directory another process prepared, signs a reviewer in, and approves the files it is given once the
 * parent says "go". Run as a child process by tests/core/file-numbering-processes.test.ts, bundled with esbuild
 * (bundleApproverProcess); the protocol and the core's opening are racing-child.ts's, one JSON value or word a line:
 *   stdin  ← ApproverConfig            stdout → {"ready":true}   (signed in, files read: only approving is left)
 *   stdin  ← go                        stdout → ApproverReport   (then the core is closed and the process ends)
 * The key and the password come on stdin, not in argv (visible to every user in the process list). Nothing personal
 * is printed: file ids, file numbers (档案编号), error codes and the logger's already-redacted lines only.
 */
import type { AppErrorShape, Result } from '@shared/errors';
import type { Core } from '../../../src/main/core/core';
import { runRacingChild, wallClockMs, type RacingCoreConfig } from './racing-child';

export interface ApproverConfig extends RacingCoreConfig {
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

runRacingChild<ApproverConfig, ApproverReport>('approver-process', {
  client: CLIENT,
  // Read each file once before the start, so that the first queries are prepared and the code is warm.
  async warm(core, config) {
    for (const id of config.fileIds) {
      const got = await core.dispatch(CLIENT, 'files.get', { id });
      if (!got.ok) throw new Error(`files.get refused before the start: ${got.error.code}`);
    }
  },
  async race(core, config, logger) {
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
    return report;
  },
});

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
