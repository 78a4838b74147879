/**
 * Which pages count as "the app". Pure (no 'electron' import) so the rules are unit-tested
 * (tests/unit/electron/app-url.test.ts).
 *
 * The renderer is served from `app://bangfu/` (protocol.ts). During `electron-vite dev` it comes from the Vite dev
 * server instead; that origin is passed in as `devServerUrl` and is only ever set when the app is not packaged.
 */
export const APP_SCHEME = 'app';
export const APP_HOST = 'bangfu';
export const APP_ENTRY_URL = `${APP_SCHEME}://${APP_HOST}/index.html`;

function parse(url: string): URL | null {
  try {
    return new URL(url);
  } catch {
    return null;
  }
}

/** True only for `app://bangfu/…` (or the dev server's origin in development): no other host, no credentials, no port. */
export function isAppUrl(url: string, devServerUrl?: string): boolean {
  const parsed = parse(url);
  if (!parsed || parsed.username || parsed.password) return false;
  // Chromium lower-cases the host of a standard scheme; Node's URL does not for a scheme it does not know.
  if (parsed.protocol === `${APP_SCHEME}:`) return parsed.host.toLowerCase() === APP_HOST;
  if (!devServerUrl) return false;
  const dev = parse(devServerUrl);
  return dev !== null && (dev.protocol === 'http:' || dev.protocol === 'https:') && parsed.origin === dev.origin;
}

/**
 * The IPC sender check: the frame that called must be the app's top frame. A page that got into the window by any
 * other route (a navigation that slipped through, an injected frame) cannot reach the core.
 */
export function isAllowedSender(frameUrl: string | undefined | null, isMainFrame = true, devServerUrl?: string): boolean {
  return isMainFrame && typeof frameUrl === 'string' && isAppUrl(frameUrl, devServerUrl);
}

/**
 * Web permissions (camera, notifications, geolocation, …) are all refused. The one exception is writing text to the
 * clipboard from the app itself ("复制" buttons, e.g. for the recovery code): it reads nothing and asks the OS nothing.
 */
export function isPermissionAllowed(permission: string, requestingUrl: string | undefined, devServerUrl?: string): boolean {
  return permission === 'clipboard-sanitized-write' && typeof requestingUrl === 'string' && isAppUrl(requestingUrl, devServerUrl);
}
