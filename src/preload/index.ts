import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import { BRIDGE_IPC, type BangfuBridge, type Upload } from '@shared/bridge';
import { isChannelName, type CoreEvent } from '@shared/contract';
import type { AppErrorShape, Result } from '@shared/errors';

/**
 * `window.bangfu` in Electron (docs/architecture.md §1). Exposes the bridge's five functions and nothing else: never
 * ipcRenderer itself. Channels not in the contract are refused here, before anything is sent (the main process
 * and the core's router refuse them again). Bundled as one CommonJS file because the renderer is sandboxed.
 */
const INTERNAL: AppErrorShape = { code: 'INTERNAL', ref: 'preload' };

async function send<T>(channel: string, ...args: unknown[]): Promise<Result<T>> {
  try {
    return (await ipcRenderer.invoke(channel, ...args)) as Result<T>;
  } catch {
    return { ok: false, error: INTERNAL };
  }
}

/** Host functions reject with the error shape itself (a plain object survives the context bridge; an Error's fields do not). */
async function unwrap<T>(channel: string, arg: unknown): Promise<T> {
  const result = await send<T>(channel, arg);
  if (!result.ok) throw result.error;
  return result.data;
}

const bridge: BangfuBridge = {
  async invoke(channel, input) {
    if (!isChannelName(channel)) return { ok: false, error: { code: 'UNKNOWN_CHANNEL' } };
    return send<unknown>(BRIDGE_IPC.invoke, channel, input);
  },
  onEvent(listener) {
    const forward = (_event: IpcRendererEvent, event: CoreEvent) => listener(event);
    ipcRenderer.on(BRIDGE_IPC.event, forward);
    return () => void ipcRenderer.removeListener(BRIDGE_IPC.event, forward);
  },
  // Only the file's id crosses: the main process reads name and type from the outbox, not from the page.
  saveFile: (file) => unwrap<{ saved: boolean }>(BRIDGE_IPC.saveFile, { fileId: file.fileId }),
  openFile: async (file) => void (await unwrap<null>(BRIDGE_IPC.openFile, { fileId: file.fileId })),
  pickFile: ({ accept, maxBytes }) => unwrap<Upload | null>(BRIDGE_IPC.pickFile, { accept, maxBytes }),
};

contextBridge.exposeInMainWorld('bangfu', bridge);
