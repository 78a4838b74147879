/**
 * Long jobs (docs/architecture.md §3): the call answers `{ jobId }` at once, then the core publishes `job.progress`
 * and one `job.finished`. `runJob` listens before it calls, so even a job that finishes at once is not missed.
 */
import { useCallback, useRef, useState } from 'react';
import type { ChannelInput, CoreEvent, JobChannelName, JobResult } from '@shared/contract';
import type { AppErrorShape, Result } from '@shared/errors';
import { ApiError, bridge, call, toErrorShape } from './client';

export interface JobProgress {
  done: number;
  total: number;
}

export interface RunningJob<C extends JobChannelName> {
  jobId: Promise<string>;
  result: Promise<JobResult<C>>;
  cancel(): Promise<void>;
}

export function runJob<C extends JobChannelName>(
  channel: C,
  input: ChannelInput<C>,
  onProgress: (progress: JobProgress) => void = () => undefined,
): RunningJob<C> {
  const early: CoreEvent[] = [];
  let settle: ((event: CoreEvent) => void) | null = null;
  const stop = bridge.onEvent((event) => (settle ? settle(event) : early.push(event)));

  const jobId = call(channel, input).then((started) => (started as { jobId: string }).jobId);
  const result = jobId
    .then(
      (id) =>
        new Promise<JobResult<C>>((resolve, reject) => {
          settle = (event) => {
            if (!('jobId' in event) || event.jobId !== id) return;
            if (event.type === 'job.progress') onProgress({ done: event.done, total: event.total });
            if (event.type === 'job.finished') {
              if (event.result.ok) resolve(event.result.data as JobResult<C>);
              else reject(new ApiError(event.result.error));
            }
          };
          for (const event of early.splice(0)) settle(event);
        }),
    )
    .finally(stop);
  return {
    jobId,
    result,
    async cancel() {
      await call('jobs.cancel', { jobId: await jobId });
    },
  };
}

export interface JobState<C extends JobChannelName> {
  run(input: ChannelInput<C>): Promise<Result<JobResult<C>>>;
  cancel(): void;
  running: boolean;
  progress: JobProgress | null;
  error: AppErrorShape | null;
}

/** A job from a screen: progress for a progress bar, cancel for its button, the outcome as a Result. */
export function useJob<C extends JobChannelName>(channel: C): JobState<C> {
  const [running, setRunning] = useState(false);
  const [progress, setProgress] = useState<JobProgress | null>(null);
  const [error, setError] = useState<AppErrorShape | null>(null);
  const current = useRef<RunningJob<C> | null>(null);

  const run = useCallback(
    async (input: ChannelInput<C>): Promise<Result<JobResult<C>>> => {
      setRunning(true);
      setError(null);
      setProgress(null);
      const job = runJob(channel, input, setProgress);
      current.current = job;
      try {
        return { ok: true, data: await job.result };
      } catch (thrown) {
        const shape = toErrorShape(thrown);
        setError(shape);
        return { ok: false, error: shape };
      } finally {
        current.current = null;
        setRunning(false);
      }
    },
    [channel],
  );

  const cancel = useCallback(() => {
    void current.current?.cancel().catch(() => undefined);
  }, []);

  return { run, cancel, running, progress, error };
}
