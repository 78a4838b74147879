import type { Worker } from 'node:worker_threads';

/** What a thread sent, or how it ended without saying: its crash (an uncaught error) or its exit. */
export type ThreadMessage<M> = M | { type: 'crashed'; error: Error } | { type: 'exited'; code: number };

/**
 * The messages a reader thread sends (the roster's import-reader.ts, a batch import's import-entries-thread.ts), taken
 * in order one at a time: the returned function resolves with the next, waiting for it if none is queued yet. A
 * thread that crashes or exits arrives as a message too, so a reader never waits for one that will not come.
 */
export function threadInbox<M>(worker: Worker): () => Promise<ThreadMessage<M>> {
  const received: ThreadMessage<M>[] = [];
  let wake: (() => void) | null = null;
  const receive = (message: ThreadMessage<M>) => {
    received.push(message);
    wake?.();
    wake = null;
  };
  worker.on('message', receive);
  worker.on('error', (error) => receive({ type: 'crashed', error }));
  worker.on('exit', (code) => receive({ type: 'exited', code }));
  return async () => {
    while (received.length === 0) await new Promise<void>((resolve) => (wake = resolve));
    return received.shift()!;
  };
}
