/**
 * `window.bangfu` for the web host (development and end-to-end tests), where there is no Electron preload.
 * Everything goes over fetch to the loopback host with the per-run token; see docs/architecture.md §1.
 */
import type { BangfuBridge, Upload } from '@shared/bridge';
import type { CoreEvent, FileRef } from '@shared/contract';
import { isAppErrorShape, type AppErrorShape, type Result } from '@shared/errors';

const TOKEN_KEY = 'bangfu.webToken';
const INTERNAL: AppErrorShape = { code: 'INTERNAL' };

/** Thrown by pickFile when the upload is refused; the api layer turns it into an ApiError. */
export class BridgeError extends Error {
  constructor(readonly error: AppErrorShape) {
    super(error.code);
    this.name = 'BridgeError';
  }
}

/**
 * The host opens the page at `…/#token=<hex>`. The token is kept for this tab only (sessionStorage survives a
 * reload) and removed from the address bar so it is not bookmarked, copied or sent on as a referrer.
 */
const TOKEN_IN_HASH = /(?:^#|&)token=([0-9a-fA-F]+)/;

function takeToken(): string {
  const match = TOKEN_IN_HASH.exec(location.hash);
  if (match?.[1]) {
    sessionStorage.setItem(TOKEN_KEY, match[1]);
    history.replaceState(history.state, '', location.pathname + location.search);
    return match[1];
  }
  return sessionStorage.getItem(TOKEN_KEY) ?? '';
}

function isResult(value: unknown): value is Result<unknown> {
  if (typeof value !== 'object' || value === null) return false;
  const { ok } = value as { ok?: unknown };
  if (ok === true) return 'data' in value;
  return ok === false && isAppErrorShape((value as { error?: unknown }).error);
}

async function readResult(response: Response): Promise<Result<unknown>> {
  let result: Result<unknown>;
  try {
    const body: unknown = await response.json();
    result = isResult(body) ? body : { ok: false, error: INTERNAL };
  } catch {
    return { ok: false, error: INTERNAL };
  }
  return response.status === 401 && isStaleTokenRefusal(result) ? { ok: false, error: { code: 'HOST_RESTARTED' } } : result;
}

/**
 * The host refused this tab's token. The token is made afresh each time the host starts (and `npm run web` starts
 * on the same port), so a tab opened before a restart gets this on every call: it is not a question of role, and
 * signing in again in this tab cannot help. The clerk must open the address the host printed this time.
 */
function isStaleTokenRefusal(result: Result<unknown>): boolean {
  return !result.ok && result.error.code === 'FORBIDDEN' && result.error.params?.reason === 'token';
}

function fileUrl(token: string, file: FileRef, disposition: 'attachment' | 'inline'): string {
  const query = new URLSearchParams({ token, disposition });
  return `/files/${encodeURIComponent(file.fileId)}?${query.toString()}`;
}

/** Opens the browser's file chooser; resolves null when the clerk cancels it. */
function chooseFile(accept: string[]): Promise<File | null> {
  return new Promise((resolve) => {
    const input = document.createElement('input');
    input.type = 'file';
    input.accept = accept.join(',');
    input.style.display = 'none';
    const finish = (file: File | null) => {
      input.remove();
      resolve(file);
    };
    input.addEventListener('change', () => finish(input.files?.[0] ?? null), { once: true });
    input.addEventListener('cancel', () => finish(null), { once: true });
    // Attached to the document so that every browser (and Playwright's file chooser) sees the click.
    document.body.append(input);
    input.click();
  });
}

function createWebBridge(token: string): BangfuBridge {
  const listeners = new Set<(event: CoreEvent) => void>();
  let source: EventSource | null = null;

  function openEvents(): void {
    source = new EventSource(`/events?${new URLSearchParams({ token }).toString()}`);
    source.onmessage = (message: MessageEvent<string>) => {
      let event: CoreEvent;
      try {
        event = JSON.parse(message.data) as CoreEvent;
      } catch {
        return;
      }
      for (const listener of listeners) listener(event);
    };
  }

  return {
    async invoke(channel, input) {
      try {
        const response = await fetch(`/rpc/${encodeURIComponent(channel)}`, {
          method: 'POST',
          headers: { 'Content-Type': 'application/json', 'X-Bangfu-Token': token },
          body: JSON.stringify(input ?? {}),
        });
        return await readResult(response);
      } catch {
        return { ok: false, error: INTERNAL };
      }
    },

    onEvent(listener) {
      listeners.add(listener);
      if (!source) openEvents();
      return () => {
        listeners.delete(listener);
        if (listeners.size === 0) {
          source?.close();
          source = null;
        }
      };
    },

    async saveFile(file) {
      const link = document.createElement('a');
      link.href = fileUrl(token, file, 'attachment');
      link.download = file.name;
      link.style.display = 'none';
      document.body.append(link);
      link.click();
      link.remove();
      return { saved: true };
    },

    async openFile(file) {
      window.open(fileUrl(token, file, 'inline'), '_blank', 'noopener');
    },

    async pickFile({ accept, maxBytes }) {
      const file = await chooseFile(accept);
      if (!file) return null;
      if (maxBytes !== undefined && file.size > maxBytes) {
        throw new BridgeError({ code: 'FILE_TOO_LARGE', params: { maxBytes } });
      }
      let result: Result<unknown>;
      try {
        const response = await fetch('/upload', {
          method: 'POST',
          headers: {
            'Content-Type': 'application/octet-stream',
            'X-Bangfu-Token': token,
            'X-File-Name': encodeURIComponent(file.name),
          },
          body: file,
        });
        result = await readResult(response);
      } catch {
        result = { ok: false, error: INTERNAL };
      }
      if (!result.ok) throw new BridgeError(result.error);
      return result.data as Upload;
    },
  };
}

/** Installs the fetch bridge unless the Electron preload already provided `window.bangfu`. */
export function installWebBridgeIfNeeded(): void {
  if (window.bangfu) return;
  window.bangfu = createWebBridge(takeToken());
  // The program's address pasted into a tab that is already open (after a restart, or again by habit) changes only
  // the hash: no page load, so the router would read `token=…` as a page that does not exist. Take the pass and
  // start the page afresh with it.
  window.addEventListener('hashchange', () => {
    if (!TOKEN_IN_HASH.test(location.hash)) return;
    takeToken();
    location.reload();
  });
}
