import { defineConfig } from '@playwright/test';

// End-to-end tests drive the real renderer in Debian's Chromium through the web host (docs/architecture.md §7).
// Playwright's own browser download cannot work on these machines.
export default defineConfig({
  testDir: 'tests/e2e',
  outputDir: 'test-results',
  timeout: 90_000,
  expect: { timeout: 10_000 },
  fullyParallel: false,
  workers: 1,
  retries: 0,
  forbidOnly: true,
  reporter: [['list']],
  use: {
    browserName: 'chromium',
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
    viewport: { width: 1366, height: 800 },
    acceptDownloads: true,
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
    launchOptions: {
      executablePath: process.env.BANGFU_CHROMIUM ?? '/usr/bin/chromium',
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
        '--disable-quic',
      ],
    },
  },
});

// The project pins Node 22 (docs/architecture.md §8); the web host the tests start runs on this same Node.
if (Number(process.versions.node.split('.')[0]) < 22) {
  throw new Error(`End-to-end tests must run under Node >= 22 (found ${process.version}); run them through npm scripts.`);
}
