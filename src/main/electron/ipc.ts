import {
  app,
  dialog,
  ipcMain,
  shell,
  type BrowserWindow,
  type IpcMainInvokeEvent,
  type OpenDialogOptions,
  type SaveDialogOptions,
} from 'electron';
import { mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { createWriteStream } from 'node:fs';
import { tmpdir } from 'node:os';
import { pipeline } from 'node:stream/promises';
import { basename, join } from 'node:path';
import { BRIDGE_IPC, type Upload } from '@shared/bridge';
import { AppError, type AppErrorShape, type Result } from '@shared/errors';
import { openOutboxFile, putInboxFile, readOutboxFile, transientFiles } from '../core/files';
import { dataPaths } from '../core/paths';
import type { CoreClient } from '../core/worker-client';
import { isAllowedSender } from './app-url';
import {
  acceptToFilters,
  checkInvoke,
  fileRejected,
  matchesAccept,
  pickLimit,
  safeFileName,
  saveFilters,
  viewerFileName,
  type SenderInfo,
} from './ipc-policy';
import { mainText } from './messages';

/**
 * The main process's side of `window.bangfu` (src/shared/bridge.ts). Every handler checks the sender first; the
 * invoke handler also checks the channel against the contract before the core sees it (the core checks again).
 * Files cross by outbox id, never by a path from the renderer. File handlers answer with a Result; the preload turns
 * a failure into a rejection carrying the error shape, as the web bridge does.
 */
export interface IpcOptions {
  core: CoreClient;
  dataDir: string;
  /** This run's key for the sealed inbox and outbox (core/files.ts), shared with the core worker. */
  transientKey: Buffer;
  getWindow(): BrowserWindow | null;
  devServerUrl?: string;
}

const VIEWER_PREFIX = 'bangfu-view-';
let viewerRoot: string | null = null;

function senderOf(event: IpcMainInvokeEvent): SenderInfo {
  const frame = event.senderFrame;
  return { url: frame?.url, isMainFrame: frame !== null && frame.parent === null };
}

function failure(error: unknown): { ok: false; error: AppErrorShape } {
  if (error instanceof AppError) return { ok: false, error: error.toShape() };
  console.error('ipc: a host call failed', error instanceof Error ? error.message : error);
  return { ok: false, error: { code: 'INTERNAL', ref: 'ipc' } };
}

function fileIdOf(file: unknown): string {
  const id = typeof file === 'object' && file !== null ? (file as { fileId?: unknown }).fileId : undefined;
  return typeof id === 'string' ? id : '';
}

export function registerIpc(options: IpcOptions): () => void {
  const { core, getWindow, devServerUrl } = options;
  const files = transientFiles(dataPaths(options.dataDir), options.transientKey);

  /** Registers a host function that only the app's own top frame may call. */
  const handle = <T>(channel: string, run: (event: IpcMainInvokeEvent, arg: unknown) => Promise<Result<T>>) =>
    ipcMain.handle(channel, async (event, arg: unknown): Promise<Result<T>> => {
      const sender = senderOf(event);
      if (!isAllowedSender(sender.url, sender.isMainFrame, devServerUrl))
        return { ok: false, error: { code: 'FORBIDDEN', params: { reason: 'sender' } } };
      try {
        return await run(event, arg);
      } catch (error) {
        return failure(error);
      }
    });

  ipcMain.handle(BRIDGE_IPC.invoke, async (event, channel: unknown, input: unknown): Promise<Result<unknown>> => {
    const refused = checkInvoke(senderOf(event), channel, devServerUrl, input);
    if (refused) return { ok: false, error: refused };
    try {
      return await core.dispatch(`win:${event.sender.id}`, channel as string, input);
    } catch (error) {
      return failure(error);
    }
  });

  handle(BRIDGE_IPC.saveFile, async (_event, file): Promise<Result<{ saved: boolean }>> => {
    // Streamed, not read whole: a backup copied to a USB stick (backup.copy) is hundreds of MB at a million members.
    const doc = await openOutboxFile(files, fileIdOf(file));
    const name = safeFileName(doc.name);
    const dialogOptions: SaveDialogOptions = {
      title: mainText('files.saveTitle'),
      defaultPath: join(app.getPath('documents'), name),
      filters: saveFilters(name),
      properties: ['createDirectory', 'showOverwriteConfirmation'],
    };
    try {
      const window = getWindow();
      const chosen = window ? await dialog.showSaveDialog(window, dialogOptions) : await dialog.showSaveDialog(dialogOptions);
      if (chosen.canceled || !chosen.filePath) return { ok: true, data: { saved: false } };
      await pipeline(doc.file.stream(), createWriteStream(chosen.filePath));
      return { ok: true, data: { saved: true } };
    } finally {
      await doc.file.close();
    }
  });

  handle(BRIDGE_IPC.openFile, async (_event, file): Promise<Result<null>> => {
    const doc = await readOutboxFile(files, fileIdOf(file));
    const name = viewerFileName(doc.name, doc.mime);
    if (!name) return { ok: false, error: fileRejected('type') };
    // A copy with the right extension in a folder of our own: the system viewer gets a path we made, never a URL
    // or a name from records. Each open gets its own folder so a viewer still holding the last copy is no obstacle.
    viewerRoot ??= await mkdtemp(join(tmpdir(), VIEWER_PREFIX));
    const target = join(await mkdtemp(join(viewerRoot, 'f-')), name);
    await writeFile(target, doc.bytes, { mode: 0o600 });
    const error = await shell.openPath(target);
    if (error) {
      console.error('ipc: the system viewer could not open a document', error);
      return { ok: false, error: { code: 'INTERNAL', ref: 'open-path' } };
    }
    return { ok: true, data: null };
  });

  handle(BRIDGE_IPC.pickFile, async (_event, arg): Promise<Result<Upload | null>> => {
    const { accept, maxBytes } = (typeof arg === 'object' && arg !== null ? arg : {}) as { accept?: unknown; maxBytes?: unknown };
    const limit = pickLimit(maxBytes);
    const dialogOptions: OpenDialogOptions = {
      title: mainText('files.pickTitle'),
      properties: ['openFile'],
      filters: acceptToFilters(accept),
    };
    const window = getWindow();
    const chosen = window ? await dialog.showOpenDialog(window, dialogOptions) : await dialog.showOpenDialog(dialogOptions);
    const path = chosen.filePaths[0];
    if (chosen.canceled || !path) return { ok: true, data: null };
    const name = basename(path);
    if (!matchesAccept(name, accept)) return { ok: false, error: fileRejected('type') };
    const info = await stat(path);
    if (!info.isFile()) return { ok: false, error: fileRejected('type') };
    if (info.size > limit) return { ok: false, error: fileRejected('too large', limit) };
    const bytes = await readFile(path);
    if (bytes.length > limit) return { ok: false, error: fileRejected('too large', limit) }; // grew since stat
    return { ok: true, data: putInboxFile(files, safeFileName(name), bytes) };
  });

  // Core events (job progress, session changes) go to the window; the preload hands them to the renderer.
  const unsubscribe = core.onEvent((event) => {
    const window = getWindow();
    if (window && !window.isDestroyed()) window.webContents.send(BRIDGE_IPC.event, event);
  });

  return () => {
    unsubscribe();
    for (const channel of [BRIDGE_IPC.invoke, BRIDGE_IPC.saveFile, BRIDGE_IPC.openFile, BRIDGE_IPC.pickFile])
      ipcMain.removeHandler(channel);
  };
}

/**
 * Viewer copies hold personal data: removed at quit (best effort — a viewer on Windows may still hold one open) and
 * any left by an earlier run are removed at start.
 */
export async function removeViewerCopies(scope: 'this-run' | 'earlier-runs'): Promise<void> {
  try {
    if (scope === 'this-run') {
      if (viewerRoot) await rm(viewerRoot, { recursive: true, force: true });
      return;
    }
    for (const name of await readdir(tmpdir())) {
      if (name.startsWith(VIEWER_PREFIX)) await rm(join(tmpdir(), name), { recursive: true, force: true }).catch(() => undefined);
    }
  } catch {
    // Temporary files: nothing to tell the clerk about.
  }
}
