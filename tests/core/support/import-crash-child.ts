/**
 * Imports one centre batch at the federation in a core of its own, to be killed with SIGKILL by
 * tests/core/exchange-import-crash.test.ts (a power cut, or the program killed). Bundled with esbuild
 * (bundleImportCrashChild); must not import vitest or ./core.
 *
 * Protocol, one line each: stdin ← ImportCrashConfig; stdout → "ready" (signed in, the batch in the inbox, about to
 * import), then either "paused <n>" (the n-th record is written, inside the transaction, and the process waits there
 * to be killed) or "done <outcome>". The key and password come on stdin, not in argv.
 */
import { readFileSync, writeSync } from 'node:fs';
import { createInterface } from 'node:readline';
import type { CoreEvent } from '@shared/contract';
import { AdjustableClock } from '../../../src/main/core/clock';
import { createCore } from '../../../src/main/core/core';
import { putInboxFile } from '../../../src/main/core/files';
import { createMemoryLogger, redact } from '../../../src/main/core/log';
import type { RacingCoreConfig } from './racing-child';

export interface ImportCrashConfig extends RacingCoreConfig {
  batchPath: string;
  /** Stop after writing this many records (inside the transaction); null: run to the end unless killed. */
  pauseAtRecord: number | null;
  /** A page cache this small (KiB) makes the transaction spill its pages into the database file before the commit. */
  cacheKib?: number;
}

const say = (line: string) => writeSync(1, `${line}\n`);

async function main(): Promise<void> {
  const input = createInterface({ input: process.stdin });
  const config = JSON.parse((await input[Symbol.asyncIterator]().next()).value as string) as ImportCrashConfig;
  input.close();
  let finished: (event: CoreEvent) => void = () => undefined;
  const core = createCore({
    dataDir: config.dataDir,
    resourcesDir: config.resourcesDir,
    key: Buffer.from(config.keyHex, 'hex'),
    version: '0.0.0-test',
    clock: new AdjustableClock(new Date(config.clockAtMs)),
    logger: createMemoryLogger(),
    autoBackup: false,
    storeKey: () => {},
    onEvent: (event) => {
      if (event.type === 'job.finished') finished(event);
    },
  });
  const signedIn = await core.dispatch('crash', 'auth.signIn', { username: config.username, password: config.password });
  if (!signedIn.ok) throw new Error(`sign-in refused: ${signedIn.error.code}`);
  if (config.cacheKib) core.state.conn!.sqlite.pragma(`cache_size = -${config.cacheKib}`);
  if (config.pauseAtRecord !== null) {
    // A temporary trigger on this connection only: after the n-th record is inserted, say so and wait to be killed.
    const sqlite = core.state.conn!.sqlite;
    let rows = 0;
    const wait = new Int32Array(new SharedArrayBuffer(4));
    sqlite.function('crash_tick', () => {
      if (++rows === config.pauseAtRecord) {
        say(`paused ${rows}`);
        Atomics.wait(wait, 0, 0, 60_000);
      }
      return null;
    });
    sqlite.exec('CREATE TEMP TRIGGER crash_tick AFTER INSERT ON exchange_records BEGIN SELECT crash_tick(); END');
  }
  const upload = putInboxFile(core.state.files, 'batch.bfb', readFileSync(config.batchPath));
  const done = new Promise<CoreEvent>((resolve) => (finished = resolve));
  say('ready');
  const started = await core.dispatch('crash', 'exchangeImport.importBatch', { uploadId: upload.uploadId, fileName: 'batch.bfb' });
  if (!started.ok) throw new Error(`import refused: ${started.error.code}`);
  const event = (await done) as { result: { ok: boolean; data?: { outcome: string }; error?: { code: string } } };
  if (!event.result.ok) throw new Error(`import failed: ${event.result.error?.code}`);
  say(`done ${event.result.data!.outcome}`);
  core.close();
}

main().catch((error: unknown) => {
  process.stderr.write(`import-crash-child failed: ${redact(error instanceof Error ? error.message : String(error))}\n`);
  process.exitCode = 1;
});
