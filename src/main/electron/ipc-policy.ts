import type { FileFilter } from 'electron';
import { isChannelName } from '@shared/contract';
import type { AppErrorShape } from '@shared/errors';
import { MAX_UPLOAD_BYTES, valueProblem } from '../host/input-limits';
import { isAllowedSender } from './app-url';
import { mainText } from './messages';

/**
 * The decisions the IPC handlers make, as pure functions (only type imports from 'electron') so they are unit-tested
 * without Electron: who may call, which channels exist, which files a dialog offers and what we name files we write.
 */

export interface SenderInfo {
  /** event.senderFrame?.url — null when the frame is already gone. */
  url: string | null | undefined;
  isMainFrame: boolean;
}

/**
 * Null when the call may go to the core; otherwise the error the renderer gets. Sender first, then the allowlist,
 * then the input's depth and size (the same limits as the web host's).
 */
export function checkInvoke(sender: SenderInfo, channel: unknown, devServerUrl?: string, input?: unknown): AppErrorShape | null {
  if (!isAllowedSender(sender.url, sender.isMainFrame, devServerUrl)) return { code: 'FORBIDDEN', params: { reason: 'sender' } };
  if (!isChannelName(channel)) return { code: 'UNKNOWN_CHANNEL' };
  return valueProblem(input);
}

/** The same limit as the web host's upload endpoint: imports are spreadsheets and backups, not archives. */
export const MAX_PICK_BYTES = MAX_UPLOAD_BYTES;

export function pickLimit(maxBytes: unknown): number {
  return typeof maxBytes === 'number' && Number.isFinite(maxBytes) && maxBytes > 0 ? Math.min(maxBytes, MAX_PICK_BYTES) : MAX_PICK_BYTES;
}

/** ['.db', '.XLSX', 'bad/ext'] → ['db', 'xlsx']: only plain extensions survive (they end up in an OS dialog). */
export function acceptedExtensions(accept: unknown): string[] {
  if (!Array.isArray(accept)) return [];
  const out = new Set<string>();
  for (const item of accept) {
    if (typeof item !== 'string') continue;
    const match = /^\.?([a-z0-9]{1,10})$/i.exec(item.trim());
    if (match?.[1]) out.add(match[1].toLowerCase());
  }
  return [...out];
}

/** The open dialog's filters. No usable extension means no filter (any file); the size check still applies. */
export function acceptToFilters(accept: unknown): FileFilter[] {
  const extensions = acceptedExtensions(accept);
  if (extensions.length === 0) return [];
  return [{ name: mainText('files.supportedFilter', { extensions: extensions.map((e) => `.${e}`).join(', ') }), extensions }];
}

/** Dialogs on some desktops let the clerk type any name or switch to "all files": check the choice again. */
export function matchesAccept(fileName: string, accept: unknown): boolean {
  const extensions = acceptedExtensions(accept);
  if (extensions.length === 0) return true;
  const dot = fileName.lastIndexOf('.');
  return dot > 0 && extensions.includes(fileName.slice(dot + 1).toLowerCase());
}

/** The same shapes as the web bridge's refusals (src/renderer/src/api/web-bridge.ts), so screens handle one error. */
export function fileRejected(reason: 'type'): AppErrorShape;
export function fileRejected(reason: 'too large', maxBytes: number): AppErrorShape;
export function fileRejected(reason: 'too large' | 'type', maxBytes?: number): AppErrorShape {
  if (reason === 'too large') return { code: 'FILE_TOO_LARGE', params: { maxBytes } };
  return { code: 'INVALID_INPUT', issues: [{ path: ['file'], message: reason }] };
}

const RESERVED_WINDOWS_NAMES = /^(con|prn|aux|nul|com[1-9]|lpt[1-9])(\..*)?$/i;

/**
 * A file name that is safe on Windows and Linux: no separators or characters Windows forbids, no control
 * characters, no reserved device names, no leading/trailing dots or spaces, at most 120 characters (extension kept).
 */
export function safeFileName(name: unknown, fallback = mainText('files.fallbackName')): string {
  // eslint-disable-next-line no-control-regex
  let clean = (typeof name === 'string' ? name : '').replace(/[\\/:*?"<>|\u0000-\u001f\u007f]/g, '_').trim();
  clean = clean.replace(/^[.\s]+|[.\s]+$/g, '');
  if (!clean) clean = fallback;
  if (RESERVED_WINDOWS_NAMES.test(clean)) clean = `_${clean}`;
  if (clean.length > 120) {
    const dot = clean.lastIndexOf('.');
    const ext = dot > 0 && clean.length - dot <= 11 ? clean.slice(dot) : '';
    clean = clean.slice(0, 120 - ext.length) + ext;
  }
  return clean;
}

/** Documents the system viewer may open: the extension comes from the type the core declared, never from the name. */
const VIEWER_EXTENSIONS: Record<string, string> = {
  'application/pdf': '.pdf',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': '.xlsx',
  'text/csv': '.csv',
};

/**
 * The name of the temporary copy handed to shell.openPath, or null when the type is not a document we open.
 * A name from records such as "x.exe" cannot make the OS run something: the extension is always the type's.
 */
export function viewerFileName(name: unknown, mime: unknown): string | null {
  const ext = typeof mime === 'string' ? VIEWER_EXTENSIONS[mime.toLowerCase()] : undefined;
  if (!ext) return null;
  const base = safeFileName(name).replace(/\.[^.]*$/, '') || mainText('files.fallbackName');
  return safeFileName(`${base}${ext}`);
}

/** The save dialog's filter for a document, from its name's extension. */
export function saveFilters(fileName: string): FileFilter[] {
  const dot = fileName.lastIndexOf('.');
  const ext = dot > 0 ? fileName.slice(dot + 1).toLowerCase() : '';
  return /^[a-z0-9]{1,10}$/.test(ext) ? [{ name: mainText('files.typeFilter', { type: ext.toUpperCase() }), extensions: [ext] }] : [];
}
