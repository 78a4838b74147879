import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterEach } from 'vitest';
import type { ChannelInput, ChannelName, ChannelOutput, CoreEvent, JobChannelName, JobResult } from '@shared/contract';
import { creditCodeCheckChar } from '@shared/domain/credit-code';
import type { AppErrorShape, Result } from '@shared/errors';
import { AdjustableClock } from '../../../src/main/core/clock';
import { createCore, type Core, type CoreOptions } from '../../../src/main/core/core';
import { putInboxFile, readOutboxFile } from '../../../src/main/core/files';
import { newDatabaseKey } from '../../../src/main/core/keys/key-file';
import { TEST_CLOCK_START } from '../../support/test-clock';
import { createMemoryLogger } from '../../../src/main/core/log';

export const RESOURCES_DIR = resolve('resources');

const cleanups: (() => void)[] = [];
afterEach(() => {
  while (cleanups.length) cleanups.pop()!();
});

export function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'bangfu-test-'));
  cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

export interface TestCore {
  core: Core;
  dataDir: string;
  key: Buffer;
  clock: AdjustableClock;
  logger: ReturnType<typeof createMemoryLogger>;
  storedKeys: Buffer[];
  /** Calls a channel as `clientId` and returns its data, or throws the error shape. */
  call<C extends ChannelName>(channel: C, input?: ChannelInput<C>, clientId?: string): Promise<ChannelOutput<C>>;
  /** Every event the core published. */
  events: CoreEvent[];
  /** Starts a job channel and waits for its job.finished event; the progress events come along. */
  job<C extends JobChannelName>(
    channel: C,
    input?: ChannelInput<C>,
    clientId?: string,
  ): Promise<{ result: Result<JobResult<C>>; progress: { done: number; total: number }[] }>;
  /** Calls a channel and returns the error it fails with (the test fails if it succeeds). */
  fail(channel: ChannelName, input?: unknown, clientId?: string): Promise<AppErrorShape>;
  reopen(options?: Partial<CoreOptions>): TestCore;
}

export function startCore(options: Partial<CoreOptions> & { dataDir?: string } = {}): TestCore {
  const dataDir = options.dataDir ?? tempDir();
  const key = options.key === undefined ? newDatabaseKey() : options.key;
  // Never the machine's date: a fixed start, so the suite means the same on 31 December as in March.
  const clock = (options.clock as AdjustableClock | undefined) ?? new AdjustableClock(TEST_CLOCK_START);
  const logger = createMemoryLogger();
  const storedKeys: Buffer[] = [];
  const events: CoreEvent[] = [];
  const eventWaiters = new Set<() => void>();
  const core = createCore({
    dataDir,
    resourcesDir: RESOURCES_DIR,
    key,
    version: '0.0.0-test',
    clock,
    logger,
    autoBackup: false,
    storeKey: (k) => storedKeys.push(k),
    onEvent: (event) => {
      events.push(event);
      for (const wake of eventWaiters) wake();
    },
    ...options,
  });
  cleanups.unshift(() => core.close());
  const test: TestCore = {
    core,
    dataDir,
    key: key!,
    clock,
    logger,
    storedKeys,
    events,
    async job(channel, input, clientId = 'test') {
      const started = await test.call(channel, input, clientId);
      const { jobId } = started as { jobId: string };
      const finished = () => events.find((e) => e.type === 'job.finished' && e.jobId === jobId);
      while (!finished()) await new Promise<void>((resolve) => eventWaiters.add(resolve)).finally(() => eventWaiters.clear());
      const progress = events.filter((e) => e.type === 'job.progress' && e.jobId === jobId) as { done: number; total: number }[];
      const done = finished() as { result: Result<never> };
      return { result: done.result, progress: progress.map(({ done: d, total }) => ({ done: d, total })) };
    },
    async call(channel, input, clientId = 'test') {
      const result = await core.dispatch(clientId, channel, input ?? {});
      if (!result.ok) throw Object.assign(new Error(`${channel} failed: ${JSON.stringify(result.error)}`), { shape: result.error });
      return result.data as never;
    },
    async fail(channel, input, clientId = 'test') {
      const result = await core.dispatch(clientId, channel, input ?? {});
      if (result.ok) throw new Error(`${channel} unexpectedly succeeded`);
      return result.error;
    },
    reopen(more = {}) {
      core.close();
      return startCore({ dataDir, key, clock, ...more });
    },
  };
  return test;
}

export const ADMIN = { username: 'admin', displayName: '管理员', password: 'Bangfu#2026' };
const CODE17 = '81110105MC0000000';
export const ORG = {
  name: '测试区总工会职工帮扶中心',
  creditCode: CODE17 + creditCodeCheckChar(CODE17),
  regionCode: '110105',
  mode: 'centre' as const,
};

/** A core that went through first-run setup, with the administrator signed in as client 'test'. */
export async function startSetUpCore(options: Partial<CoreOptions> & { dataDir?: string } = {}) {
  const t = startCore(options);
  const setup = await t.call('system.setup', { org: ORG, admin: ADMIN });
  await t.call('auth.signIn', { username: ADMIN.username, password: ADMIN.password });
  return Object.assign(t, { setup });
}

/** Creates a user and completes their first sign-in (the temporary password is changed), as `clientId`. */
export async function addUser(t: TestCore, role: 'clerk' | 'reviewer' | 'viewer' | 'admin', username: string, clientId: string) {
  const user = await t.call('users.create', { username, displayName: `${role}-user`, role, password: 'Temp#2026a' });
  await t.call('auth.signIn', { username, password: 'Temp#2026a' }, clientId);
  await t.call('auth.changePassword', { currentPassword: 'Temp#2026a', newPassword: 'Mine#2026b' }, clientId);
  return { user, password: 'Mine#2026b' };
}

/** Puts `bytes` into the core's inbox as an upload named `fileName` (what the host does with a picked file). */
export function inboxUpload(t: TestCore, fileName: string, bytes: Buffer): { uploadId: string; fileName: string } {
  return { uploadId: putInboxFile(t.core.state.files, fileName, bytes).uploadId, fileName };
}

/**
 * An outbox document unsealed into a temporary file outside the data folder (what the host's save dialog does), for
 * tools that read a path: pdftotext, exceljs.
 */
export async function outboxCopy(t: TestCore, fileId: string): Promise<string> {
  const doc = await readOutboxFile(t.core.state.files, fileId);
  const path = join(tempDir(), doc.name.replace(/[\\/]/g, '_'));
  writeFileSync(path, doc.bytes);
  return path;
}
