import type { CoreEvent } from '@shared/contract';
import type { Result } from '@shared/errors';

/** How the host (Electron main, or the web host) starts the core worker. */
export interface CoreInit {
  dataDir: string;
  resourcesDir: string;
  /** The raw database key, or null when the host's key store could not give it (the clerk then uses the recovery code). */
  keyHex: string | null;
  /** This run's key for the sealed inbox and outbox (files.ts): the host made it and reads and writes them too. */
  transientKeyHex: string;
  version: string;
  /** Only the web host started for end-to-end tests sets this: it lets the test move the core's clock. */
  testMode?: boolean;
  /** Test mode only: the instant the core's clock starts at (ISO), so a journey means the same on any day. */
  clockStart?: string;
  /** Daily automatic backups; tests that count backups turn them off. Default on. */
  autoBackup?: boolean;
}

export type HostToWorker =
  | { id: number; type: 'dispatch'; clientId: string; channel: string; input: unknown }
  | { id: number; type: 'advance-clock'; ms: number }
  | { id: number; type: 'close' };

export type WorkerToHost =
  | { type: 'ready' }
  | { type: 'init-failed'; message: string }
  | { id: number; type: 'result'; result: Result<unknown> }
  | { type: 'event'; event: CoreEvent }
  /** A key recovered with the recovery code: the host stores it again. Never forwarded to the renderer. */
  | { type: 'store-key'; keyHex: string };
