import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import type { CoreEvent } from '@shared/contract';
import { AppError } from '@shared/errors';
import { errorShapeFor, JobRunner } from '../../src/main/core/jobs';
import { createMemoryLogger } from '../../src/main/core/log';
import { ADMIN, startSetUpCore, tempDir } from './support/core';

function runner() {
  const events: CoreEvent[] = [];
  const logger = createMemoryLogger();
  const jobs = new JobRunner((e) => events.push(e), errorShapeFor(logger, 'test'));
  const finished = (jobId: string) =>
    new Promise<CoreEvent>((resolve) => {
      const poll = () => {
        const event = events.find((e) => e.type === 'job.finished' && e.jobId === jobId);
        if (event) resolve(event);
        else setTimeout(poll, 2);
      };
      poll();
    });
  return { jobs, events, logger, finished };
}

describe('job runner', () => {
  it('answers with a job id at once, then publishes progress and the checked result', async () => {
    const { jobs, events, finished } = runner();
    const { jobId } = jobs.start(
      'c',
      async (job) => {
        job.progress(1, 2);
        await job.pause();
        job.progress(2, 2);
        return { n: 2 };
      },
      (data) => data,
    );
    expect(events).toEqual([]); // nothing ran yet: the caller has its id first
    expect(await finished(jobId)).toEqual({ type: 'job.finished', jobId, result: { ok: true, data: { n: 2 } } });
    expect(events.filter((e) => e.type === 'job.progress')).toHaveLength(2);
    expect(jobs.size).toBe(0);
  });

  it('runs upkeep a job asks for once its result is published', async () => {
    const { jobs, events, finished } = runner();
    const seen: string[] = [];
    const { jobId } = jobs.start(
      'c',
      async (job) => {
        job.afterFinished(() => seen.push(events.some((e) => e.type === 'job.finished') ? 'after the result' : 'before it'));
        return 1;
      },
      (data) => data,
    );
    await finished(jobId);
    expect(seen).toEqual(['after the result']);
  });

  it('lets only the starting client cancel, at the next stage boundary', async () => {
    const { jobs, finished } = runner();
    const stages = async (job: { pause(): Promise<void>; throwIfCancelled(): void }) => {
      for (let i = 0; i < 5; i++) {
        await job.pause();
        job.throwIfCancelled();
      }
      return 'done';
    };
    const a = jobs.start('mine', stages, (d) => d);
    jobs.cancel('someone-else', a.jobId);
    expect(await finished(a.jobId)).toMatchObject({ result: { ok: true, data: 'done' } });
    const b = jobs.start('mine', stages, (d) => d);
    jobs.cancel('mine', b.jobId);
    expect(await finished(b.jobId)).toMatchObject({ result: { ok: false, error: { code: 'JOB_CANCELLED' } } });
  });

  it('reports AppErrors as they are and anything else as INTERNAL with a log reference', async () => {
    const { jobs, logger, finished } = runner();
    const a = jobs.start(
      'c',
      async () => {
        throw new AppError('BACKUP_INVALID', { reason: 'corrupt' });
      },
      (d) => d,
    );
    expect(await finished(a.jobId)).toMatchObject({
      result: { ok: false, error: { code: 'BACKUP_INVALID', params: { reason: 'corrupt' } } },
    });
    const b = jobs.start(
      'c',
      async () => 'x',
      () => {
        throw new Error('result does not match the contract');
      },
    );
    const event = (await finished(b.jobId)) as { result: { ok: false; error: { code: string; ref: string } } };
    expect(event.result.error.code).toBe('INTERNAL');
    expect(logger.lines.join('\n')).toContain(event.result.error.ref);
  });

  it('reports a database another program holds as BUSY, not INTERNAL', async () => {
    const { jobs, logger, finished } = runner();
    const path = join(tempDir(), 'held.db');
    const holder = new Database(path);
    holder.pragma('journal_mode = WAL');
    holder.exec('BEGIN IMMEDIATE');
    const waiter = new Database(path);
    waiter.pragma('busy_timeout = 0');
    try {
      const job = jobs.start(
        'c',
        async () => waiter.exec('BEGIN IMMEDIATE'),
        (d) => d,
      );
      expect(await finished(job.jobId)).toMatchObject({ result: { ok: false, error: { code: 'BUSY' } } });
      expect(logger.lines.some((line) => line.includes('"level":"error"'))).toBe(false);
    } finally {
      holder.close();
      waiter.close();
    }
  });

  it('runs "back up now" for one client while another signed-in client cannot stop it', async () => {
    const t = await startSetUpCore();
    await t.call('auth.signIn', { username: 'admin', password: ADMIN.password }, 'other-window');
    const { jobId } = await t.call('backup.create');
    await t.call('jobs.cancel', { jobId }, 'other-window');
    const { result } = await (async () => {
      while (!t.events.some((e) => e.type === 'job.finished' && e.jobId === jobId)) await new Promise((r) => setTimeout(r, 5));
      return t.events.find((e) => e.type === 'job.finished' && e.jobId === jobId) as { result: { ok: boolean } };
    })();
    expect(result.ok).toBe(true);
  });
});
