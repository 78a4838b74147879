import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';

// protocol.ts imports 'electron' at top level: stand in for the two calls it makes.
const electron = vi.hoisted(() => ({
  handlers: new Map<string, (request: { url: string; method: string }) => Promise<Response>>(),
  privileged: [] as unknown[],
}));
vi.mock('electron', () => ({
  protocol: {
    registerSchemesAsPrivileged: (schemes: unknown[]) => electron.privileged.push(...schemes),
    handle: (scheme: string, handler: (request: { url: string; method: string }) => Promise<Response>) =>
      electron.handlers.set(scheme, handler),
  },
}));

const { registerAppScheme, serveApp } = await import('../../../src/main/electron/protocol');
const { CONTENT_SECURITY_POLICY } = await import('../../../src/main/host/static-files');

let root: string;
const get = (url: string, method = 'GET') => electron.handlers.get('app')!({ url, method });

beforeAll(() => {
  root = mkdtempSync(join(tmpdir(), 'bangfu-protocol-'));
  mkdirSync(join(root, 'renderer', 'assets'), { recursive: true });
  writeFileSync(join(root, 'renderer', 'index.html'), '<!doctype html><title>app</title>');
  writeFileSync(join(root, 'renderer', 'assets', 'index.js'), 'console.log(1)');
  writeFileSync(join(root, 'secret.txt'), 'outside the renderer');
  serveApp(join(root, 'renderer'));
});
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('app:// scheme', () => {
  it('is registered as a standard, secure scheme without CORS', () => {
    registerAppScheme();
    expect(electron.privileged).toEqual([{ scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true } }]);
  });

  it('serves the built renderer with the CSP', async () => {
    const page = await get('app://bangfu/index.html');
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(page.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    expect(page.headers.get('x-content-type-options')).toBe('nosniff');
    expect(await page.text()).toContain('<title>app</title>');
    expect((await get('app://bangfu/')).status).toBe(200);
    const script = await get('app://bangfu/assets/index.js');
    expect(script.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
  });

  it('never serves a file outside the renderer folder', async () => {
    for (const url of [
      'app://bangfu/..%2fsecret.txt',
      'app://bangfu/%2e%2e/secret.txt',
      'app://bangfu/assets/..%2f..%2fsecret.txt',
      'app://bangfu/..%5csecret.txt',
    ]) {
      const response = await get(url);
      expect(response.status, url).toBe(404);
    }
  });

  it('refuses other hosts, other methods, missing files and malformed escapes', async () => {
    expect((await get('app://other/index.html')).status).toBe(404);
    expect((await get('app://bangfu/index.html', 'POST')).status).toBe(405);
    expect((await get('app://bangfu/missing.js')).status).toBe(404);
    expect((await get('app://bangfu/assets')).status).toBe(404); // a folder is not a file
    expect((await get('app://bangfu/%E0%A4%A')).status).toBe(400);
  });
});
