import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import { RESOURCES_DIR, type TestCore } from './core';
import type { RacingCoreConfig } from './racing-child';

/**
 * The parent's side of two programs racing on one database (file-numbering-processes.test.ts, aid-serials.test.ts):
 * each child is a bundled script (support/bundle.ts) in a process of its own (Node, this test's) that speaks
 *   stdin ← config (one JSON line)   stdout → {"ready":true}   stdin ← go   stdout → its report (one JSON line)
 * The config (with the key and a password) goes on stdin, never in argv, which every user can read in the process
 * list. The children are released together only once all are ready, so that their work overlaps. racing-child.ts
 * is the children's side.
 */

const CHILD_TIMEOUT_MS = 40_000;

export interface ChildResult<Report> {
  exitCode: number | null;
  report: Report | null;
  stderr: string;
}

export interface RacingChild<Report> {
  ready: Promise<void>;
  go(): void;
  finished: Promise<ChildResult<Report>>;
  kill(): void;
}

/** Starts `script` and gives it its config; `ready` resolves on its {"ready":true}, `finished` when it ends. */
export function startChild<Config, Report>(script: string, config: Config): RacingChild<Report> {
  const child = spawn(process.execPath, [script], { stdio: ['pipe', 'pipe', 'pipe'] });
  let stderr = '';
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
  let report: Report | null = null;
  let markReady!: () => void;
  const ready = new Promise<void>((resolve) => (markReady = resolve));
  createInterface({ input: child.stdout }).on('line', (line) => {
    const message = JSON.parse(line) as { ready: true } | Report;
    if (typeof message === 'object' && message !== null && 'ready' in message) markReady();
    else report = message as Report;
  });
  const timer = setTimeout(() => child.kill(), CHILD_TIMEOUT_MS);
  const finished = new Promise<ChildResult<Report>>((resolve) =>
    child.on('close', (exitCode) => {
      clearTimeout(timer);
      resolve({ exitCode, report, stderr });
    }),
  );
  child.stdin.write(`${JSON.stringify(config)}\n`);
  return {
    // A process that ends before it is ready fails the wait instead of hanging it.
    ready: Promise.race([
      ready,
      finished.then(({ exitCode }) => Promise.reject(new Error(`child ended before it was ready (exit ${exitCode}): ${stderr}`))),
    ]),
    go: () => child.stdin.end('go\n'),
    finished,
    kill: () => child.kill(),
  };
}

/** Waits until every child is ready, releases them together and gives what each ended with; none outlives the call. */
export async function releaseTogether<Report>(children: RacingChild<Report>[]): Promise<ChildResult<Report>[]> {
  try {
    await Promise.all(children.map((c) => c.ready));
    for (const c of children) c.go();
    return await Promise.all(children.map((c) => c.finished));
  } finally {
    for (const c of children) c.kill();
  }
}

/** What a child needs to open its own core on `t`'s database, at `t`'s clock now, and sign `reviewer` in. */
export function racingCoreConfig(t: TestCore, reviewer: { username: string; password: string }): RacingCoreConfig {
  return {
    dataDir: t.dataDir,
    resourcesDir: RESOURCES_DIR,
    keyHex: t.key.toString('hex'),
    clockAtMs: t.clock.now().getTime(),
    username: reviewer.username,
    password: reviewer.password,
  };
}
