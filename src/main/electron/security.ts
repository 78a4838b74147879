import type { WebContents } from 'electron';
import { isAllowedSender, isAppUrl, isPermissionAllowed } from './app-url';

/** The pure predicates live in app-url.ts (unit-tested without Electron); re-exported here for the glue. */
export { isAllowedSender, isAppUrl, isPermissionAllowed };

/**
 * Applied to every web contents the app creates (index.ts hooks 'web-contents-created'), docs/architecture.md §5:
 * the window can only ever show the app. Links in records are plain text; nothing here opens a browser, and
 * shell.openExternal is never called with text from records.
 */
export function hardenWebContents(contents: WebContents, devServerUrl?: string): void {
  // Navigation of any frame away from the app (a dropped file, a link, a script) is refused.
  contents.on('will-frame-navigate', (event) => {
    if (!isAppUrl(event.url, devServerUrl)) event.preventDefault();
  });
  contents.on('will-navigate', (event) => {
    if (!isAppUrl(event.url, devServerUrl)) event.preventDefault();
  });
  contents.on('will-redirect', (event) => {
    if (!isAppUrl(event.url, devServerUrl)) event.preventDefault();
  });
  // No new windows: window.open, target=_blank, shift-click.
  contents.setWindowOpenHandler(() => ({ action: 'deny' }));
  // webviewTag is off in the window options; refuse here as well in case a page tries anyway.
  contents.on('will-attach-webview', (event) => event.preventDefault());

  // Permissions: refused, except the app writing to the clipboard (see isPermissionAllowed).
  const session = contents.session;
  session.setPermissionRequestHandler((wc, permission, callback, details) => {
    callback(isPermissionAllowed(permission, details.requestingUrl ?? wc?.getURL(), devServerUrl));
  });
  session.setPermissionCheckHandler((_wc, permission, requestingOrigin) => isPermissionAllowed(permission, requestingOrigin, devServerUrl));
  session.setDevicePermissionHandler(() => false);
}
