import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { test as base, expect, type Page } from '@playwright/test';

/**
 * Each test gets its own data folder and its own web host (in test mode, so the test can move the core's clock).
 * The host runs the built program: `npm test` builds it first.
 */
export interface WebHostHandle {
  url: string;
  origin: string;
  token: string;
  dataDir: string;
  /** Moves the core's clock forward (the only way tests make time pass). */
  advanceClock(ms: number): Promise<void>;
  /** Stops the program and starts it again on the same data folder (a new URL and token). */
  restart(): Promise<void>;
  /** Kills the program as a power cut would (SIGKILL: no clean-up, the worker dies mid-write). */
  crash(): Promise<void>;
}

async function startHost(dataDir: string): Promise<{ child: ChildProcess; url: string }> {
  const child = spawn(process.execPath, [resolve('out/main/web-host.js'), '--data', dataDir, '--port', '0', '--test-mode', '--no-auto-backup'], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  child.stderr!.on('data', (d: Buffer) => (stderr += d.toString()));
  const url = await new Promise<string>((resolveUrl, reject) => {
    const timer = setTimeout(() => reject(new Error(`web host did not start: ${stderr}`)), 20_000);
    let out = '';
    child.stdout!.on('data', (d: Buffer) => {
      out += d.toString();
      const match = /BANGFU_URL (\S+)/.exec(out);
      if (match) {
        clearTimeout(timer);
        resolveUrl(match[1]!);
      }
    });
    child.on('exit', (code) => reject(new Error(`web host exited with ${code}: ${stderr}`)));
  });
  return { child, url };
}

/** SIGTERM must stop the host at once; if it does not, that is a bug worth a failing test, not a hung run. */
async function stopHost(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return; // already gone (exited, or killed)
  const exited = new Promise((r) => child.once('exit', r));
  child.kill('SIGTERM');
  const stopped = await Promise.race([exited.then(() => true), new Promise((r) => setTimeout(() => r(false), 10_000))]);
  if (!stopped) child.kill('SIGKILL');
  expect(stopped, 'the web host stops within 10 s of SIGTERM').toBe(true);
}

export const test = base.extend<{ host: WebHostHandle; shots: (page: Page, name: string) => Promise<void> }>({
  // eslint-disable-next-line no-empty-pattern -- Playwright fixtures take their dependencies as the first argument
  host: async ({}, use, testInfo) => {
    const dataDir = mkdtempSync(join(tmpdir(), 'bangfu-e2e-'));
    let running = await startHost(dataDir);
    const handle: WebHostHandle = {
      url: '',
      origin: '',
      token: '',
      dataDir,
      async advanceClock(ms) {
        const res = await fetch(`${handle.origin}/__test/clock`, {
          method: 'POST',
          headers: { 'X-Bangfu-Token': handle.token, 'Content-Type': 'application/json' },
          body: JSON.stringify({ advanceMs: ms }),
        });
        expect(res.status).toBe(200);
      },
      async restart() {
        await stopHost(running.child);
        running = await startHost(dataDir);
        point(running.url);
      },
      async crash() {
        const exited = new Promise((r) => running.child.once('exit', r));
        running.child.kill('SIGKILL');
        await exited;
      },
    };
    const point = (url: string) => {
      const parsed = new URL(url);
      Object.assign(handle, { url, origin: parsed.origin, token: parsed.hash.replace('#token=', '') });
    };
    point(running.url);
    await use(handle);
    await stopHost(running.child);
    if (testInfo.status === testInfo.expectedStatus) rmSync(dataDir, { recursive: true, force: true });
  },
  // Screenshots of each screen, kept as artifacts to look at (artifacts/ is git-ignored).
  // eslint-disable-next-line no-empty-pattern -- as above
  shots: async ({}, use, testInfo) => {
    const dir = join('artifacts', 'e2e', testInfo.titlePath.slice(1).join(' - ').replace(/[^\w\u4e00-\u9fff -]+/g, '_'));
    mkdirSync(dir, { recursive: true });
    let n = 0;
    await use(async (page, name) => {
      n += 1;
      await page.screenshot({ path: join(dir, `${String(n).padStart(2, '0')}-${name}.png`), fullPage: true });
    });
  },
});

export { expect };
