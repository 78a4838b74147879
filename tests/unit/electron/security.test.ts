import { describe, expect, it, vi } from 'vitest';
import type { WebContents } from 'electron';
import { hardenWebContents } from '../../../src/main/electron/security';

// security.ts imports only types from 'electron': a fake WebContents is enough, no module mock.
function fakeContents() {
  const listeners = new Map<string, (event: { url?: string; preventDefault(): void }) => void>();
  const session = {
    setPermissionRequestHandler: vi.fn(),
    setPermissionCheckHandler: vi.fn(),
    setDevicePermissionHandler: vi.fn(),
  };
  const contents = {
    on: vi.fn((name: string, listener: (event: { url?: string; preventDefault(): void }) => void) => listeners.set(name, listener)),
    setWindowOpenHandler: vi.fn(),
    getURL: () => 'app://bangfu/index.html',
    session,
  };
  const fire = (name: string, url?: string) => {
    const event = { url, preventDefault: vi.fn() };
    listeners.get(name)?.(event);
    return event.preventDefault.mock.calls.length > 0;
  };
  return { contents: contents as unknown as WebContents, raw: contents, session, fire };
}

describe('hardenWebContents', () => {
  it('refuses navigation and redirects away from the app, allows the app itself', () => {
    const { contents, fire } = fakeContents();
    hardenWebContents(contents);
    for (const name of ['will-navigate', 'will-frame-navigate', 'will-redirect']) {
      expect(fire(name, 'https://evil.example/'), name).toBe(true);
      expect(fire(name, 'file:///etc/passwd'), name).toBe(true);
      expect(fire(name, 'app://bangfu/index.html'), name).toBe(false);
    }
  });

  it('refuses new windows and webviews', () => {
    const { contents, raw, fire } = fakeContents();
    hardenWebContents(contents);
    const openHandler = raw.setWindowOpenHandler.mock.calls[0]![0] as (details: { url: string }) => unknown;
    expect(openHandler({ url: 'https://evil.example/' })).toEqual({ action: 'deny' });
    expect(openHandler({ url: 'app://bangfu/index.html' })).toEqual({ action: 'deny' });
    expect(fire('will-attach-webview')).toBe(true);
  });

  it('denies permission requests and checks, except clipboard writes from the app', () => {
    const { contents, session } = fakeContents();
    hardenWebContents(contents);
    const request = session.setPermissionRequestHandler.mock.calls[0]![0] as (...args: unknown[]) => void;
    const answers: boolean[] = [];
    request(contents, 'media', (granted: boolean) => answers.push(granted), { requestingUrl: 'app://bangfu/index.html' });
    request(contents, 'notifications', (granted: boolean) => answers.push(granted), { requestingUrl: 'app://bangfu/index.html' });
    request(contents, 'clipboard-sanitized-write', (granted: boolean) => answers.push(granted), { requestingUrl: 'https://evil.example/' });
    request(contents, 'clipboard-sanitized-write', (granted: boolean) => answers.push(granted), {
      requestingUrl: 'app://bangfu/index.html',
    });
    expect(answers).toEqual([false, false, false, true]);

    const check = session.setPermissionCheckHandler.mock.calls[0]![0] as (...args: unknown[]) => boolean;
    expect(check(contents, 'geolocation', 'app://bangfu', {})).toBe(false);
    expect(check(contents, 'clipboard-read', 'app://bangfu', {})).toBe(false);
    const device = session.setDevicePermissionHandler.mock.calls[0]![0] as () => boolean;
    expect(device()).toBe(false);
  });
});
