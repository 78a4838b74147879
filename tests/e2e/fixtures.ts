import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { test as base, expect, type Page } from '@playwright/test';
import { TEST_CLOCK_START } from '../support/test-clock';

/**
 * Each test gets its own data folder and its own web host (in test mode, so the test can move the core's clock).
 * The host runs the built program: `npm test` builds it first.
 */
export interface WebHostHandle {
  url: string;
  origin: string;
  token: string;
  dataDir: string;
  /** Moves the core's clock forward, and the page's with it (the only way tests make time pass). */
  advanceClock(ms: number): Promise<void>;
  /** The core's clock now: it starts at TEST_CLOCK_START, never at the machine's date. */
  now(): Promise<Date>;
  /** Pages whose clock follows the core's (the `page` fixture registers itself). */
  pages: Set<Page>;
  /**
   * Stops the program and starts it again on the same data folder (a new URL and token). With samePort, on the
   * port it had, as `npm run web` does (port 5199): an open tab then reaches the new host with its old token.
   */
  restart(options?: { samePort?: boolean }): Promise<void>;
  /** Kills the program as a power cut would (SIGKILL: no clean-up, the worker dies mid-write). */
  crash(): Promise<void>;
}

/** Hosts the fixture itself stops or kills: their exit is expected. */
const stopping = new WeakSet<ChildProcess>();

async function startHost(dataDir: string, clockStart: Date, port = 0): Promise<{ child: ChildProcess; url: string }> {
  const args = ['--data', dataDir, '--port', String(port), '--test-mode', '--no-auto-backup', '--clock-start', clockStart.toISOString()];
  const child = spawn(process.execPath, [resolve('out/main/web-host.js'), ...args], {
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
  // A host that dies in the middle of a journey shows up as refused requests in the page: say why, here.
  child.on('exit', (code, signal) => {
    if (!stopping.has(child)) console.error(`web host exited unasked (code ${code}, signal ${signal}): ${stderr}`);
  });
  return { child, url };
}

/** SIGTERM must stop the host at once; if it does not, that is a bug worth a failing test, not a hung run. */
async function stopHost(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return; // already gone (exited, or killed)
  const exited = new Promise((r) => child.once('exit', r));
  stopping.add(child);
  child.kill('SIGTERM');
  const stopped = await Promise.race([exited.then(() => true), new Promise((r) => setTimeout(() => r(false), 10_000))]);
  if (!stopped) child.kill('SIGKILL');
  expect(stopped, 'the web host stops within 10 s of SIGTERM').toBe(true);
}

/**
 * A web host on a data folder of its own, its clock at TEST_CLOCK_START. `stop` ends it and, when the test passed,
 * removes the folder (a failed test's folder stays to look at). The `host` fixture uses one; two-hosts.ts several.
 */
export async function launchHost(): Promise<{ handle: WebHostHandle; stop(passed: boolean): Promise<void> }> {
  const dataDir = mkdtempSync(join(tmpdir(), 'bangfu-e2e-'));
  let running = await startHost(dataDir, TEST_CLOCK_START);
  let clockAtCrash = TEST_CLOCK_START;
  const moveClock = async (ms: number): Promise<Date> => {
    const res = await fetch(`${handle.origin}/__test/clock`, {
      method: 'POST',
      headers: { 'X-Bangfu-Token': handle.token, 'Content-Type': 'application/json' },
      body: JSON.stringify({ advanceMs: ms }),
    });
    expect(res.status).toBe(200);
    return new Date(((await res.json()) as { data: { now: string } }).data.now);
  };
  const handle: WebHostHandle = {
    url: '',
    origin: '',
    token: '',
    dataDir,
    pages: new Set(),
    async advanceClock(ms) {
      await moveClock(ms);
      for (const page of handle.pages) await page.clock.fastForward(ms);
    },
    now: () => moveClock(0),
    async restart(options) {
      // The program starts again where its clock was, as a real restart would: time does not go back.
      const alive = running.child.exitCode === null && running.child.signalCode === null;
      const now = alive ? await moveClock(0) : clockAtCrash;
      await stopHost(running.child);
      running = await startHost(dataDir, now, options?.samePort ? Number(new URL(handle.url).port) : 0);
      point(running.url);
    },
    async crash() {
      clockAtCrash = await moveClock(0);
      const exited = new Promise((r) => running.child.once('exit', r));
      stopping.add(running.child);
      running.child.kill('SIGKILL');
      await exited;
    },
  };
  const point = (url: string) => {
    const parsed = new URL(url);
    Object.assign(handle, { url, origin: parsed.origin, token: parsed.hash.replace('#token=', '') });
  };
  point(running.url);
  return {
    handle,
    async stop(passed) {
      await stopHost(running.child);
      if (passed) rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

export const test = base.extend<{ host: WebHostHandle; shots: (page: Page, name: string) => Promise<void> }>({
  // The page's clock shows the core's instant and moves with it, so "today" in a form is the core's today.
  page: async ({ page, host }, use) => {
    await page.clock.install({ time: await host.now() });
    host.pages.add(page);
    await use(page);
    host.pages.delete(page);
  },
  // eslint-disable-next-line no-empty-pattern -- Playwright fixtures take their dependencies as the first argument
  host: async ({}, use, testInfo) => {
    const { handle, stop } = await launchHost();
    await use(handle);
    await stop(testInfo.status === testInfo.expectedStatus);
  },
  // Screenshots of each screen, kept as artifacts to look at (artifacts/ is git-ignored).
  // eslint-disable-next-line no-empty-pattern -- as above
  shots: async ({}, use, testInfo) => {
    const dir = join(
      'artifacts',
      'e2e',
      testInfo.titlePath
        .slice(1)
        .join(' - ')
        .replace(/[^\w\u4e00-\u9fff -]+/g, '_'),
    );
    mkdirSync(dir, { recursive: true });
    let n = 0;
    await use(async (page, name) => {
      n += 1;
      await page.screenshot({ path: join(dir, `${String(n).padStart(2, '0')}-${name}.png`), fullPage: true });
    });
  },
});

export { expect };
