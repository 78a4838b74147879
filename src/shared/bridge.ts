import type { CoreEvent, FileRef } from './contract';
import type { Result } from './errors';

/** A file the clerk picked, copied into the core's inbox by the host. */
export interface Upload {
  uploadId: string;
  name: string;
  bytes: number;
}

/**
 * `window.bangfu`: the renderer's only door to the program. The Electron preload and the web host's fetch shim
 * both provide it; nothing else in the renderer knows which one it has (docs/architecture.md §1).
 */
export interface BangfuBridge {
  /** Calls a contract channel. Never rejects: transport failures come back as `{ ok: false, error: INTERNAL }`. */
  invoke(channel: string, input: unknown): Promise<Result<unknown>>;
  /** Core events (job progress, session changes). Returns an unsubscribe function. */
  onEvent(listener: (event: CoreEvent) => void): () => void;
  /** Saves a document the core made: a save dialog in Electron, a download in the browser. */
  saveFile(file: FileRef): Promise<{ saved: boolean }>;
  /** Opens a document in the system viewer (to print it); a new tab in the browser. */
  openFile(file: FileRef): Promise<void>;
  /** Lets the clerk pick a file and hands it to the core; null when cancelled. */
  pickFile(options: { accept: string[]; maxBytes?: number }): Promise<Upload | null>;
}

export const BRIDGE_IPC = {
  invoke: 'bangfu:invoke',
  event: 'bangfu:event',
  saveFile: 'bangfu:save-file',
  openFile: 'bangfu:open-file',
  pickFile: 'bangfu:pick-file',
} as const;
