import { Worker } from 'node:worker_threads';
import type { CoreEvent } from '@shared/contract';
import type { Result } from '@shared/errors';
import { CORE_YOUNG_GENERATION_MB } from './heap';
import type { CoreInit, HostToWorker, WorkerToHost } from './worker-protocol';

/** The host's handle on the core worker (used by Electron's main process and by the web host). */
export interface CoreClient {
  dispatch(clientId: string, channel: string, input: unknown): Promise<Result<unknown>>;
  advanceClock(ms: number): Promise<Result<unknown>>;
  onEvent(listener: (event: CoreEvent) => void): () => void;
  close(): Promise<void>;
}

type Pending = (result: Result<unknown>) => void;
type Outgoing = HostToWorker extends infer M ? (M extends { id: number } ? Omit<M, 'id'> : never) : never;

export function startCoreWorker(workerPath: string, init: CoreInit, hooks: { storeKey(keyHex: string): void }): Promise<CoreClient> {
  const worker = new Worker(workerPath, { workerData: init, resourceLimits: { maxYoungGenerationSizeMb: CORE_YOUNG_GENERATION_MB } });
  const pending = new Map<number, Pending>();
  const listeners = new Set<(event: CoreEvent) => void>();
  let nextId = 1;

  const send = (message: Outgoing): Promise<Result<unknown>> =>
    new Promise((resolve) => {
      const id = nextId++;
      pending.set(id, resolve);
      worker.postMessage({ ...message, id } as HostToWorker);
    });

  const failAll = () => {
    for (const resolve of pending.values()) resolve({ ok: false, error: { code: 'INTERNAL', ref: 'worker-exit' } });
    pending.clear();
  };

  return new Promise((resolve, reject) => {
    worker.on('error', (error) => {
      failAll();
      reject(error);
    });
    worker.on('exit', failAll);
    worker.on('message', (message: WorkerToHost) => {
      switch (message.type) {
        case 'ready':
          resolve({
            dispatch: (clientId, channel, input) => send({ type: 'dispatch', clientId, channel, input }),
            advanceClock: (ms) => send({ type: 'advance-clock', ms }),
            onEvent(listener) {
              listeners.add(listener);
              return () => listeners.delete(listener);
            },
            async close() {
              await send({ type: 'close' });
            },
          });
          break;
        case 'init-failed':
          reject(new Error(`core worker failed to start: ${message.message}`));
          break;
        case 'result':
          pending.get(message.id)?.(message.result);
          pending.delete(message.id);
          break;
        case 'event':
          for (const listener of listeners) listener(message.event);
          break;
        case 'store-key':
          hooks.storeKey(message.keyHex);
          break;
      }
    });
  });
}
