import { existsSync, readFileSync, statSync } from 'node:fs';
import { extname, join, normalize, sep } from 'node:path';
import { decodeEscapes } from './input-limits';

/**
 * The built renderer's files, for both hosts: the web host serves them over HTTP, the Electron glue over app://.
 * Lives beside both (src/main/host) because neither host may import the other (docs/architecture.md §2).
 */

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
  '.json': 'application/json',
  '.ico': 'image/x-icon',
};

/** The same policy as the Electron window's (src/renderer/index.html carries it as a meta tag too). */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "frame-ancestors 'none'",
  "form-action 'none'",
].join('; ');

/**
 * A file of the built renderer for a URL path, or null; never a file outside the renderer folder.
 * Throws INVALID_INPUT for a malformed %-escape.
 */
export function resolveStatic(rendererDir: string, urlPath: string): { path: string; type: string } | null {
  const relative = decodeEscapes(urlPath === '/' ? '/index.html' : urlPath, 'path');
  const path = normalize(join(rendererDir, relative));
  if (!path.startsWith(normalize(rendererDir) + sep)) return null;
  if (!existsSync(path) || !statSync(path).isFile()) return null;
  return { path, type: TYPES[extname(path)] ?? 'application/octet-stream' };
}

export function readStatic(path: string): Buffer {
  return readFileSync(path);
}
