import { Worker } from 'node:worker_threads';
import type { PayloadSealed, PayloadTarget } from './payload-seal';

/**
 * sealPayload in a thread of its own (payload-seal.worker.ts): gzip, age and the hash of a batch run there while the
 * core's thread builds the next pages in SQLite. In the core's thread they barely overlap the SQLite reads — zlib
 * works in libuv's pool but needs this thread back for every 16 KiB it writes, and a page read holds it for tens of
 * milliseconds. Pages travel whole and are transferred, not copied; at most PAGES_AHEAD are sent and not yet taken
 * into the thread's pipeline, so memory stays flat. The thread is terminated on every path: done, failed, cancelled.
 */

/** Messages to the thread. */
export type ToSealer = { type: 'page'; data: ArrayBuffer } | { type: 'end' };

/** What a failure in the thread sends back: an Error's name, message and system code (ENOSPC …), never a stack. */
export interface SealerError {
  name: string;
  message: string;
  code?: string;
}

/** Messages from the thread. */
export type FromSealer = { type: 'taken' } | ({ type: 'done' } & PayloadSealed) | { type: 'failed'; error: SealerError };

/** Pages sent ahead of the thread's pipeline: enough to keep both threads busy, few enough to bound memory. */
export const PAGES_AHEAD = 4;

let running = 0;
/** Sealer threads started and not yet ended (for tests: none may outlive its batch). */
export const sealerThreadsRunning = () => running;

/** An ArrayBuffer holding exactly `chunk`: its own when it has one to itself (transferred), else a copy. */
function ownBuffer(chunk: Buffer): ArrayBuffer {
  const own = chunk.byteOffset === 0 && chunk.byteLength === chunk.buffer.byteLength && chunk.buffer instanceof ArrayBuffer;
  return own ? (chunk.buffer as ArrayBuffer) : new Uint8Array(chunk).buffer;
}

function rebuilt(error: SealerError): Error {
  return Object.assign(new Error(error.message), { name: error.name }, error.code ? { code: error.code } : {});
}

export async function sealPayloadInThread(
  plaintext: AsyncIterable<Buffer>,
  target: PayloadTarget,
  workerPath: string,
  signal?: AbortSignal,
): Promise<PayloadSealed> {
  signal?.throwIfAborted();
  const worker = new Worker(workerPath, { workerData: target });
  running++;
  type Received = FromSealer | { type: 'crashed'; error: Error } | { type: 'exited'; code: number };
  const received: Received[] = [];
  let wake: (() => void) | null = null;
  const receive = (message: Received) => {
    received.push(message);
    wake?.();
    wake = null;
  };
  const onAbort = () => {
    wake?.();
    wake = null;
  };
  worker.on('message', receive);
  worker.on('error', (error) => receive({ type: 'crashed', error }));
  worker.on('exit', (code) => receive({ type: 'exited', code }));
  signal?.addEventListener('abort', onAbort);
  let credits = PAGES_AHEAD;

  /** Takes what the thread sent; resolves with its result once it is done. A failure or a cancel throws. */
  const take = (): PayloadSealed | null => {
    signal?.throwIfAborted();
    for (let message = received.shift(); message; message = received.shift()) {
      switch (message.type) {
        case 'taken':
          credits++;
          break;
        case 'done':
          return { bytes: message.bytes, sha256: message.sha256 };
        case 'failed':
          throw rebuilt(message.error);
        case 'crashed':
          throw message.error;
        case 'exited':
          throw new Error(`the batch's sealer thread stopped (exit code ${message.code})`);
      }
    }
    return null;
  };
  const arrival = () => new Promise<void>((resolve) => (wake = resolve));

  try {
    for await (const chunk of plaintext) {
      take();
      while (credits === 0) {
        await arrival();
        take();
      }
      const data = ownBuffer(chunk);
      worker.postMessage({ type: 'page', data } satisfies ToSealer, [data]);
      credits--;
    }
    worker.postMessage({ type: 'end' } satisfies ToSealer);
    for (;;) {
      const sealed = take();
      if (sealed) return sealed;
      await arrival();
    }
  } finally {
    signal?.removeEventListener('abort', onAbort);
    await worker.terminate();
    running--;
  }
}
