import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Writable } from 'node:stream';
import { afterAll } from 'vitest';
import type { CoreEvent } from '@shared/contract';
import { creditCodeCheckChar } from '@shared/domain/credit-code';
import { AdjustableClock } from '../src/main/core/clock';
import { createCore, type Core } from '../src/main/core/core';
import { reserveInboxFile } from '../src/main/core/files';
import { newDatabaseKey } from '../src/main/core/keys/key-file';
import { createMemoryLogger } from '../src/main/core/log';
import { bundleBatchReader, bundleBatchSealer, bundleImportReader } from '../tests/core/support/bundle';

/** A valid 统一社会信用代码 for the federation's core (check character computed, as the setup form checks it). */
const FEDERATION_CODE = '81440100MC0000001' + creditCodeCheckChar('81440100MC0000001');

/** Every core a bench started, for its afterAll to close. */
export const cores: Core[] = [];
const benchDirs: string[] = [];
// A bench's folders hold gigabytes at full size, and a run leaves one per core: removed when its file ends (the
// cores first; closing a core twice is harmless, so a bench's own afterAll may close them too).
afterAll(() => {
  for (const core of cores) core.close();
  for (const dir of benchDirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** A new folder under the system's temporary folder, removed when the bench file ends. */
export function benchDir(prefix = 'bangfu-bench-'): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  benchDirs.push(dir);
  return dir;
}
// The program reads imports in a thread of its own (import-reader.ts): so does the bench.
const importReaderPath = bundleImportReader();
// And seals a batch in a thread of its own (exchange/format/payload-thread.ts).
const batchSealerPath = bundleBatchSealer();
// And reads a batch it imports in a thread of its own (features/exchange/import-entries-thread.ts).
const batchReaderPath = bundleBatchReader();

/** A set-up core in a new data folder, signed in as its administrator, as the program runs it. */
export async function newCore(mode: 'centre' | 'federation' = 'centre', options: { pageSize?: number } = {}) {
  const dataDir = benchDir();
  const finished = new Map<string, Extract<CoreEvent, { type: 'job.finished' }>>();
  const core = createCore({
    dataDir,
    resourcesDir: resolve('resources'),
    key: newDatabaseKey(),
    version: 'bench',
    clock: new AdjustableClock(),
    logger: createMemoryLogger(),
    autoBackup: false,
    importReaderPath,
    batchSealerPath,
    batchReaderPath,
    newDatabasePageSize: options.pageSize,
    onEvent: (e) => e.type === 'job.finished' && finished.set(e.jobId, e),
  });
  cores.push(core);
  const call = async <T>(channel: string, input: unknown): Promise<T> => {
    const r = await core.dispatch('b', channel, input);
    if (!r.ok) throw new Error(`${channel}: ${JSON.stringify(r.error)}`);
    return r.data as T;
  };
  await call('system.setup', {
    org:
      mode === 'centre'
        ? { name: '基准测试帮扶中心', creditCode: '91350100M000100Y43', regionCode: '440106', mode }
        : { name: '基准测试市总工会', creditCode: FEDERATION_CODE, regionCode: '440100', mode },
    admin: { username: 'bench', displayName: 'b', password: 'Measure#2026' },
  });
  await call('auth.signIn', { username: 'bench', password: 'Measure#2026' });
  return { core, call, dataDir, finished };
}

export type BenchCore = Awaited<ReturnType<typeof newCore>>;

/** Imports a file through the real job (inspect → commit); returns seconds and the peak RSS growth. */
export async function timedImport(env: BenchCore, write: (target: Writable) => Promise<void>, name: string) {
  const file = reserveInboxFile(env.core.state.files, name);
  await write(file.stream);
  const baseRss = process.memoryUsage().rss;
  let peak = baseRss;
  const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 50);
  const started = performance.now();
  const inspected = await env.call<{ suggested: Record<string, number> }>('rosterImport.inspect', {
    uploadId: file.uploadId,
    fileName: name,
  });
  const { jobId } = await env.call<{ jobId: string }>('rosterImport.commit', {
    uploadId: file.uploadId,
    fileName: name,
    mapping: inspected.suggested,
    policy: 'skip',
  });
  while (!env.finished.has(jobId)) await new Promise((r) => setTimeout(r, 20));
  const seconds = (performance.now() - started) / 1000;
  clearInterval(sampler);
  const result = env.finished.get(jobId)!.result;
  if (!result.ok) throw new Error(JSON.stringify(result.error));
  return { seconds, peakMiB: (peak - baseRss) / 2 ** 20, counts: (result.data as { counts: { new: number } }).counts };
}

/**
 * `fn` run `runs` times in turn (a fixed number: tinybench's 64 samples at least per task outlast a loaded
 * machine's patience), its times in ms as mean, p50 and p95.
 */
export async function timedRuns(runs: number, fn: () => unknown): Promise<{ mean: number; p50: number; p95: number }> {
  const ms: number[] = [];
  for (let i = 0; i < runs; i++) {
    const at = performance.now();
    await fn();
    ms.push(performance.now() - at);
  }
  ms.sort((a, b) => a - b);
  return {
    mean: ms.reduce((a, b) => a + b, 0) / ms.length,
    p50: ms[Math.floor(ms.length / 2)]!,
    p95: ms[Math.min(ms.length - 1, Math.floor(0.95 * ms.length))]!,
  };
}
