import { describe, expect, it } from 'vitest';
import { APP_ENTRY_URL, isAllowedSender, isAppUrl, isPermissionAllowed } from '../../../src/main/electron/app-url';

describe('isAppUrl', () => {
  it('accepts the app scheme on its own host', () => {
    expect(isAppUrl(APP_ENTRY_URL)).toBe(true);
    expect(isAppUrl('app://bangfu/')).toBe(true);
    expect(isAppUrl('app://bangfu/assets/index-abc.js?x=1#/cases')).toBe(true);
    expect(isAppUrl('app://BANGFU/index.html')).toBe(true); // hosts are case-insensitive in a standard scheme
  });

  it('refuses every other page, look-alike hosts and credentials', () => {
    for (const url of [
      'https://bangfu.cn/',
      'http://127.0.0.1:5199/',
      'file:///C:/Windows/System32/calc.exe',
      'app://bangfu.evil.com/index.html',
      'app://evil/index.html',
      'app://bangfu@evil/index.html',
      'app://user:pw@bangfu/index.html',
      'app://bangfu:8080/index.html',
      'javascript:alert(1)',
      'data:text/html,<script>1</script>',
      'about:blank',
      '',
      'not a url',
    ]) {
      expect(isAppUrl(url), url).toBe(false);
    }
  });

  it('accepts the dev server only when one is given, and only its exact origin', () => {
    const dev = 'http://localhost:5173';
    expect(isAppUrl('http://localhost:5173/index.html')).toBe(false);
    expect(isAppUrl('http://localhost:5173/index.html', dev)).toBe(true);
    expect(isAppUrl('http://localhost:5174/index.html', dev)).toBe(false);
    expect(isAppUrl('https://localhost:5173/', dev)).toBe(false);
    expect(isAppUrl('file:///etc/passwd', 'file:///')).toBe(false); // a file: "dev server" never counts
  });
});

describe('isAllowedSender', () => {
  it('allows only the app in the top frame', () => {
    expect(isAllowedSender('app://bangfu/index.html')).toBe(true);
    expect(isAllowedSender('app://bangfu/index.html', false)).toBe(false);
    expect(isAllowedSender('https://example.com/')).toBe(false);
    expect(isAllowedSender(null)).toBe(false);
    expect(isAllowedSender(undefined)).toBe(false);
    expect(isAllowedSender('')).toBe(false);
  });
});

describe('isPermissionAllowed', () => {
  it('refuses every permission except clipboard writes from the app', () => {
    expect(isPermissionAllowed('clipboard-sanitized-write', 'app://bangfu/index.html')).toBe(true);
    expect(isPermissionAllowed('clipboard-sanitized-write', 'app://bangfu')).toBe(true); // check handler passes an origin
    expect(isPermissionAllowed('clipboard-sanitized-write', 'https://example.com/')).toBe(false);
    expect(isPermissionAllowed('clipboard-sanitized-write', undefined)).toBe(false);
    for (const permission of [
      'clipboard-read',
      'media',
      'geolocation',
      'notifications',
      'openExternal',
      'fullscreen',
      'fileSystem',
      'hid',
      'usb',
      'serial',
    ]) {
      expect(isPermissionAllowed(permission, 'app://bangfu/index.html'), permission).toBe(false);
    }
  });
});
