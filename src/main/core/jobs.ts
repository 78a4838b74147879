import { v7 as uuidv7 } from 'uuid';
import type { CoreEvent } from '@shared/contract';
import { AppError, type AppErrorShape } from '@shared/errors';
import type { Logger } from './log';
import { isDatabaseBusy } from './db/client';

/** What a running job may do: report progress, and notice that the clerk cancelled it. */
export interface JobHandle {
  readonly jobId: string;
  progress(done: number, total: number): void;
  /** Throws JOB_CANCELLED when cancelled. Call it between stages, where stopping leaves nothing half done. */
  throwIfCancelled(): void;
  /** Lets the event loop run (so a cancel message can arrive) before the next stage. */
  pause(): Promise<void>;
  /** Aborted when the clerk cancels: for streams that take a signal (the exchange's batch writer). */
  readonly signal: AbortSignal;
  /** Runs `work` once the job's result is published: upkeep the clerk need not wait for (an import's checkpoint). */
  afterFinished(work: () => void): void;
}

interface Running {
  clientId: string;
  controller: AbortController;
}

/**
 * Long jobs in the core worker. `start` answers at once with a job id; progress and the final result travel as
 * events. better-sqlite3 is synchronous, so a job runs its stages one after the other and yields between them:
 * that is when calls from the renderer (and a cancel) get their turn.
 */
export class JobRunner {
  private readonly running = new Map<string, Running>();

  constructor(
    private readonly emit: (event: CoreEvent) => void,
    private readonly toErrorShape: (error: unknown) => AppErrorShape,
  ) {}

  start(clientId: string, run: (job: JobHandle) => Promise<unknown>, checkResult: (data: unknown) => unknown): { jobId: string } {
    const jobId = uuidv7();
    const controller = new AbortController();
    const after: (() => void)[] = [];
    this.running.set(jobId, { clientId, controller });
    const handle: JobHandle = {
      jobId,
      progress: (done, total) => this.emit({ type: 'job.progress', jobId, done, total }),
      throwIfCancelled: () => {
        if (controller.signal.aborted) throw new AppError('JOB_CANCELLED');
      },
      pause: () => new Promise((resolve) => setImmediate(resolve)),
      signal: controller.signal,
      afterFinished: (work) => after.push(work),
    };
    // Started on the next turn, after the caller has its job id.
    setImmediate(async () => {
      try {
        const data = checkResult(await run(handle));
        this.emit({ type: 'job.finished', jobId, result: { ok: true, data } });
      } catch (error) {
        this.emit({ type: 'job.finished', jobId, result: { ok: false, error: this.toErrorShape(error) } });
      } finally {
        this.running.delete(jobId);
      }
      for (const work of after) work();
    });
    return { jobId };
  }

  /** Only the client that started a job may cancel it. Unknown or finished jobs: nothing to do. */
  cancel(clientId: string, jobId: string): void {
    const job = this.running.get(jobId);
    if (job && job.clientId === clientId) job.controller.abort();
  }

  get size(): number {
    return this.running.size;
  }
}

/**
 * How an error leaves the core, for a call (router.ts, `event` 'dispatch') or a job ('job'): an AppError as it is,
 * a database another program holds as BUSY (logged as `${event}.busy`), anything else as INTERNAL with the
 * reference of its log line (`${event}.failed`) — never a message or a stack.
 */
export function errorShapeFor(logger: Logger, channel: string, event: 'dispatch' | 'job' = 'job') {
  return (error: unknown): AppErrorShape => {
    if (error instanceof AppError) return error.toShape();
    if (isDatabaseBusy(error)) {
      logger.info(`${event}.busy`, { channel });
      return { code: 'BUSY' };
    }
    return { code: 'INTERNAL', ref: logger.error(`${event}.failed`, error, { channel }) };
  };
}
