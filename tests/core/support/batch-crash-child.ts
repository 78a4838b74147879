/**
 * Creates one aid batch in a core of its own, to be killed with SIGKILL by tests/core/aid-batch-crash.test.ts (a power
 * cut, or the program killed). Bundled with esbuild (bundleBatchCrashChild); must not import vitest or ./core.
 *
 * Protocol, one line each: stdin ← CrashConfig; stdout → "ready" (signed in, about to create), then either
 * "paused <row>" (the row-th payment is written, inside the transaction, and the process waits there to be killed)
 * or "done <count>" (committed). The key and password come on stdin, not in argv.
 */
import { writeSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { redact } from '../../../src/main/core/log';
import { openChildCore, type RacingCoreConfig } from './racing-child';

export interface CrashConfig extends RacingCoreConfig {
  programId: string;
  /** Stop after writing this many payments (inside the transaction); null: run to the end unless killed. */
  pauseAtRow: number | null;
}

const say = (line: string) => writeSync(1, `${line}\n`);

async function main(): Promise<void> {
  const input = createInterface({ input: process.stdin });
  const config = JSON.parse((await input[Symbol.asyncIterator]().next()).value as string) as CrashConfig;
  input.close();
  const core = await openChildCore(config, 'crash');
  if (config.pauseAtRow !== null) {
    // A temporary trigger on this connection only: after the n-th payment is inserted, say so and wait to be killed.
    const sqlite = core.state.conn!.sqlite;
    let rows = 0;
    const wait = new Int32Array(new SharedArrayBuffer(4));
    sqlite.function('crash_tick', () => {
      if (++rows === config.pauseAtRow) {
        say(`paused ${rows}`);
        Atomics.wait(wait, 0, 0, 60_000);
      }
      return null;
    });
    sqlite.exec('CREATE TEMP TRIGGER crash_tick AFTER INSERT ON aid_payments BEGIN SELECT crash_tick(); END');
  }
  say('ready');
  const created = await core.dispatch('crash', 'aid.createBatch', {
    programId: config.programId,
    name: '春节送温暖（断电测试）',
    method: 'cash',
    filters: { categories: [], unitIds: [], statuses: [] },
  });
  if (!created.ok) throw new Error(`createBatch refused: ${created.error.code}`);
  say(`done ${(created.data as { count: number }).count}`);
  core.close();
}

main().catch((error: unknown) => {
  process.stderr.write(`batch-crash-child failed: ${redact(error instanceof Error ? error.message : String(error))}\n`);
  process.exitCode = 1;
});
