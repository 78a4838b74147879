/**
 * The child's side of race-processes.ts's protocol, for a second program on the same database (approver-process.ts,
 * aid-approver-process.ts): it opens its own core (its own connection, sessions and clock) on a data directory the
 * parent prepared, signs a reviewer in, warms up, says it is ready, and races once the parent says "go".
 *   stdin ← config   stdout → {"ready":true}   stdin ← go   stdout → report   (then the core is closed and the process ends)
 * Bundled with esbuild into the child: it must not import vitest or ./core (which registers vitest hooks). Nothing
 * personal is printed; a failure is reported by its message, redacted as the program's log is.
 */
import { createInterface } from 'node:readline';
import { AdjustableClock } from '../../../src/main/core/clock';
import { createCore, type Core } from '../../../src/main/core/core';
import { createMemoryLogger, redact } from '../../../src/main/core/log';

export interface RacingCoreConfig {
  dataDir: string;
  resourcesDir: string;
  keyHex: string;
  /** The parent's clock now (ms since the epoch): this core's clock starts there, so both show the same instant. */
  clockAtMs: number;
  username: string;
  password: string;
}

export interface RacingChild<Config, Report> {
  /** The sign-in's client name in this core. */
  client: string;
  /** Before "go": prepare the first queries, so that after it both processes spend their time on the race. */
  warm(core: Core, config: Config): Promise<void>;
  race(core: Core, config: Config, logger: ReturnType<typeof createMemoryLogger>): Promise<Report>;
}

/**
 * A core of the child's own on the parent's database, its clock at the parent's instant, `config`'s user signed in
 * as `client` (closed again if that fails). Also for children that do not race (batch-crash-child.ts).
 */
export async function openChildCore(config: RacingCoreConfig, client: string, logger = createMemoryLogger()): Promise<Core> {
  const core = createCore({
    dataDir: config.dataDir,
    resourcesDir: config.resourcesDir,
    key: Buffer.from(config.keyHex, 'hex'),
    version: '0.0.0-test',
    clock: new AdjustableClock(new Date(config.clockAtMs)),
    logger,
    autoBackup: false,
    storeKey: () => {},
    onEvent: () => {},
  });
  try {
    if (core.state.state !== 'ready') throw new Error(`core not ready: ${core.state.state}`);
    const signedIn = await core.dispatch(client, 'auth.signIn', { username: config.username, password: config.password });
    if (!signedIn.ok) throw new Error(`sign-in refused: ${signedIn.error.code}`);
    return core;
  } catch (error) {
    core.close();
    throw error;
  }
}

export function runRacingChild<Config extends RacingCoreConfig, Report>(name: string, child: RacingChild<Config, Report>): void {
  run(child).catch((error: unknown) => {
    // Only the message, redacted: a stack or a value could carry more than codes.
    process.stderr.write(`${name} failed: ${redact(error instanceof Error ? error.message : String(error))}\n`);
    process.exitCode = 1;
  });
}

async function run<Config extends RacingCoreConfig, Report>(child: RacingChild<Config, Report>): Promise<void> {
  const input = createInterface({ input: process.stdin, crlfDelay: Infinity });
  const lines = input[Symbol.asyncIterator]();
  const nextLine = async () => {
    const { value, done } = await lines.next();
    if (done) throw new Error('stdin closed before the parent said go');
    return value;
  };
  try {
    const config = JSON.parse(await nextLine()) as Config;
    const logger = createMemoryLogger();
    const core = await openChildCore(config, child.client, logger);
    try {
      await child.warm(core, config);
      process.stdout.write(`${JSON.stringify({ ready: true })}\n`);
      const go = await nextLine();
      if (go !== 'go') throw new Error(`expected "go", got ${JSON.stringify(go)}`);
      const report = await child.race(core, config, logger);
      process.stdout.write(`${JSON.stringify(report)}\n`);
    } finally {
      core.close();
    }
  } finally {
    input.close(); // else a failure would leave the process waiting on stdin
  }
}

/**
 * The machine's time, only to compare when two processes ran (did their work overlap?), never as a date the program
 * sees: that comes from the injected clock.
 */
export function wallClockMs(): number {
  return performance.timeOrigin + performance.now();
}
