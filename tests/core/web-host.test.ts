import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { CoreEvent } from '@shared/contract';
import { startWebHost, type CoreEndpoint } from '../../src/main/web-host/server';
import { dataPaths } from '../../src/main/core/paths';
import { startCore, startSetUpCore, tempDir } from './support/core';
import { cutInHalf } from './support/damage';

async function hostFor(options: { testMode?: boolean; existing?: { dataDir: string; key: Buffer } } = {}) {
  const t = options.existing ? startCore(options.existing) : startCore();
  const listeners = new Set<(e: CoreEvent) => void>();
  const endpoint: CoreEndpoint = {
    dispatch: (clientId, channel, input) => t.core.dispatch(clientId, channel, input),
    advanceClock: async (ms) => (t.clock.advance(ms), { ok: true, data: null }),
    onEvent: (l) => (listeners.add(l), () => listeners.delete(l)),
  };
  const rendererDir = tempDir();
  writeFileSync(join(rendererDir, 'index.html'), '<!doctype html><title>t</title>');
  mkdirSync(join(rendererDir, 'assets'));
  const host = await startWebHost({ core: endpoint, rendererDir, files: t.core.state.files, testMode: options.testMode });
  const base = `http://127.0.0.1:${host.port}`;
  const rpc = (channel: string, init: { token?: string; headers?: Record<string, string>; body?: string } = {}) =>
    fetch(`${base}/rpc/${channel}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', ...(init.token ? { 'X-Bangfu-Token': init.token } : {}), ...init.headers },
      body: init.body ?? '{}',
    });
  return { t, host, base, rpc };
}

describe('web host', () => {
  it('serves the renderer and answers calls that carry the token', async () => {
    const { host, base, rpc } = await hostFor();
    try {
      const page = await fetch(`${base}/`);
      expect(page.status).toBe(200);
      expect(page.headers.get('content-security-policy')).toContain("default-src 'self'");
      const res = await rpc('system.status', { token: host.token });
      expect(await res.json()).toMatchObject({ ok: true, data: { state: 'needs-setup' } });
      expect(host.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/#token=[0-9a-f]{64}$/);
    } finally {
      await host.close();
    }
  });

  it('refuses a call without the token, or with a wrong one', async () => {
    const { host, rpc } = await hostFor();
    try {
      expect((await rpc('system.status')).status).toBe(401);
      expect((await rpc('system.status', { token: 'f'.repeat(64) })).status).toBe(401);
    } finally {
      await host.close();
    }
  });

  it('refuses another Origin, even with the token (a web page elsewhere calling the loopback port)', async () => {
    const { host, rpc } = await hostFor();
    try {
      const res = await rpc('system.status', { token: host.token, headers: { Origin: 'http://evil.example' } });
      expect(res.status).toBe(403);
    } finally {
      await host.close();
    }
  });

  it('refuses a foreign Host header (DNS rebinding) and non-JSON bodies', async () => {
    const { host, base } = await hostFor();
    try {
      const http = await import('node:http');
      const status = await new Promise<number>((resolve) => {
        const req = http.request(`${base}/`, { headers: { Host: `evil.example:${host.port}` } }, (res) => resolve(res.statusCode!));
        req.end();
      });
      expect(status).toBe(403);
      const form = await fetch(`${base}/rpc/system.status`, {
        method: 'POST',
        headers: { 'Content-Type': 'text/plain', 'X-Bangfu-Token': host.token },
        body: '{}',
      });
      expect(form.status).toBe(403);
    } finally {
      await host.close();
    }
  });

  it('does not serve files outside the renderer folder', async () => {
    const { host, base } = await hostFor();
    try {
      expect((await fetch(`${base}/..%2f..%2fetc%2fpasswd`)).status).toBe(404);
      expect((await fetch(`${base}/files/../../bangfu.key?token=${host.token}`)).status).not.toBe(200);
    } finally {
      await host.close();
    }
  });

  it('moves the core clock only in test mode', async () => {
    const plain = await hostFor();
    try {
      const res = await fetch(`${plain.base}/__test/clock`, {
        method: 'POST',
        headers: { 'X-Bangfu-Token': plain.host.token },
        body: '{"advanceMs":1000}',
      });
      expect(res.status).toBe(405);
    } finally {
      await plain.host.close();
    }
    const test = await hostFor({ testMode: true });
    try {
      const before = test.t.clock.now().getTime();
      const res = await fetch(`${test.base}/__test/clock`, {
        method: 'POST',
        headers: { 'X-Bangfu-Token': test.host.token },
        body: '{"advanceMs":600000}',
      });
      expect(res.status).toBe(200);
      expect(test.t.clock.now().getTime() - before).toBeGreaterThanOrEqual(600_000);
    } finally {
      await test.host.close();
    }
  });
  it('answers a malformed %-escape with INVALID_INPUT (400), in an RPC channel, a static path or an upload name', async () => {
    const { host, base, rpc } = await hostFor();
    try {
      for (const res of [
        await rpc('system.%E0%A4%A', { token: host.token }),
        await fetch(`${base}/assets/%zz.js`),
        await fetch(`${base}/upload`, {
          method: 'POST',
          headers: { 'X-Bangfu-Token': host.token, 'X-File-Name': '%E0%A4%A.xlsx' },
          body: 'x',
        }),
      ]) {
        expect(res.status).toBe(400);
        expect(await res.json()).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
      }
    } finally {
      await host.close();
    }
  });

  it('answers JSON nested deeper than any contract input with INVALID_INPUT (400), not a crash', async () => {
    const { host, rpc } = await hostFor();
    try {
      for (const depth of [65, 30_000]) {
        const res = await rpc('system.status', { token: host.token, body: `${'['.repeat(depth)}${']'.repeat(depth)}` });
        expect(res.status).toBe(400);
        expect(await res.json()).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
      }
      const objects = await rpc('system.status', { token: host.token, body: `${'{"a":'.repeat(30_000)}1${'}'.repeat(30_000)}` });
      expect(objects.status).toBe(400);
      // Brackets inside strings are text, not nesting: such a body reaches the core (which answers 200).
      const text = await rpc('system.status', { token: host.token, body: JSON.stringify({ note: '["\\'.repeat(30_000) }) });
      expect(text.status).toBe(200);
      expect((await rpc('system.status', { token: host.token, body: `${'['.repeat(64)}${']'.repeat(64)}` })).status).toBe(200);
    } finally {
      await host.close();
    }
  });

  it('answers a body over the limit with FILE_TOO_LARGE (413) instead of resetting the connection', async () => {
    const { host, rpc } = await hostFor();
    try {
      const res = await rpc('system.status', { token: host.token, body: JSON.stringify({ note: 'x'.repeat(11 * 1024 * 1024) }) });
      expect(res.status).toBe(413);
      expect(await res.json()).toMatchObject({ ok: false, error: { code: 'FILE_TOO_LARGE', params: { maxBytes: 10 * 1024 * 1024 } } });
      // The host still answers afterwards.
      expect((await rpc('system.status', { token: host.token })).status).toBe(200);
    } finally {
      await host.close();
    }
  });

  it('stays up on a database cut in half, and shows the damaged state instead of exiting', async () => {
    const first = await startSetUpCore();
    first.core.close();
    cutInHalf(dataPaths(first.dataDir).database);
    const { host, rpc } = await hostFor({ existing: first });
    try {
      const res = await rpc('system.status', { token: host.token });
      expect(await res.json()).toMatchObject({ ok: true, data: { state: 'damaged' } });
      const signIn = await rpc('auth.signIn', { token: host.token, body: JSON.stringify({ username: 'admin', password: 'x' }) });
      expect(await signIn.json()).toEqual({ ok: false, error: { code: 'DB_DAMAGED' } });
    } finally {
      await host.close();
    }
  });
});
