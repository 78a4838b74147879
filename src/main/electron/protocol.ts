import { protocol } from 'electron';
import { readFile } from 'node:fs/promises';
import { CONTENT_SECURITY_POLICY, resolveStatic } from '../host/static-files';
import { APP_HOST, APP_SCHEME } from './app-url';

/**
 * The renderer is served from `app://bangfu/` rather than file://: a file:// page may read any local file it can
 * name, and every file:// page shares one origin. A privileged standard+secure scheme gives the app its own origin,
 * makes 'self' in the CSP mean exactly the app, and lets module scripts and relative URLs resolve normally.
 * `corsEnabled` is deliberately not set: nothing outside the app may read from the scheme.
 */

/** Must run before the app's 'ready' event. */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([{ scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } }]);
}

const HEADERS = {
  'Content-Security-Policy': CONTENT_SECURITY_POLICY,
  'X-Content-Type-Options': 'nosniff',
  'Cache-Control': 'no-store',
};

function refuse(status: number): Response {
  return new Response(null, { status, headers: HEADERS });
}

/** Serves the built renderer (out/renderer); resolveStatic keeps every path inside that folder. */
export function serveApp(rendererDir: string): void {
  protocol.handle(APP_SCHEME, async (request) => {
    if (request.method !== 'GET') return refuse(405);
    let url: URL;
    try {
      url = new URL(request.url);
    } catch {
      return refuse(400);
    }
    if (url.host.toLowerCase() !== APP_HOST) return refuse(404);
    let file: ReturnType<typeof resolveStatic>;
    try {
      file = resolveStatic(rendererDir, url.pathname);
    } catch {
      return refuse(400); // a malformed %-escape
    }
    if (!file) return refuse(404);
    const body = await readFile(file.path);
    return new Response(new Uint8Array(body), { status: 200, headers: { ...HEADERS, 'Content-Type': file.type } });
  });
}
