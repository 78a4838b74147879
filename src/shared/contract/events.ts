import type { Result } from '../errors';

/** Events the core publishes; the host forwards them to the renderer. */
export type CoreEvent =
  | { type: 'job.progress'; jobId: string; done: number; total: number }
  /** The job's result, checked against its channel's `result` schema; JOB_CANCELLED when it was cancelled. */
  | { type: 'job.finished'; jobId: string; result: Result<unknown> }
  | { type: 'session.changed' };
