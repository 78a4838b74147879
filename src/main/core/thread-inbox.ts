import type { MessagePort, Worker } from 'node:worker_threads';

/*
 * The two ends of a reader thread (the roster's import-reader.ts, a batch import's import-entries-thread.ts): the
 * thread sends events, at most a few batches ahead; the core takes them in order and sends one 'more' per batch taken.
 */

/** What a thread sent, or how it ended without saying: its crash (an uncaught error) or its exit. */
type ThreadMessage<M> = M | { type: 'crashed'; error: Error } | { type: 'exited'; code: number };

/** The end of a reader thread's stream: done, or failed with what the thread sent about it. */
type Ending<F> = { type: 'done' } | { type: 'failed'; error: F };

/**
 * The thread's events in order, until it says it is done. A batch (`isBatch`) is paid for with a 'more' as it is
 * taken. A failure it reports is thrown as `failure` rebuilds it; a crash or an exit without a word throws too, so
 * the reader never waits for an event that will not come. The caller terminates the thread when this ends.
 */
export async function* threadEvents<E extends { type: string }, F>(
  worker: Worker,
  options: { isBatch: (event: E) => boolean; failure: (error: F) => Error; name: string },
): AsyncGenerator<E> {
  const received: ThreadMessage<E | Ending<F>>[] = [];
  let wake: (() => void) | null = null;
  const receive = (message: ThreadMessage<E | Ending<F>>) => {
    received.push(message);
    wake?.();
    wake = null;
  };
  worker.on('message', receive);
  worker.on('error', (error) => receive({ type: 'crashed', error }));
  worker.on('exit', (code) => receive({ type: 'exited', code }));
  for (;;) {
    while (received.length === 0) await new Promise<void>((resolve) => (wake = resolve));
    const message = received.shift()!;
    if (message.type === 'done') return;
    if (message.type === 'failed') throw options.failure((message as { error: F }).error);
    if (message.type === 'crashed') throw (message as { error: Error }).error;
    if (message.type === 'exited') throw new Error(`${options.name} stopped (exit code ${(message as { code: number }).code})`);
    const event = message as E;
    if (options.isBatch(event)) worker.postMessage('more');
    yield event;
  }
}

/** The thread's side: resolves when one more batch may be sent (`ahead` at first, then one per 'more' received). */
export function batchCredits(port: MessagePort, ahead: number): () => Promise<void> {
  let credits = ahead;
  let wake: (() => void) | null = null;
  port.on('message', () => {
    credits++;
    wake?.();
    wake = null;
  });
  return async () => {
    while (credits === 0) await new Promise<void>((resolve) => (wake = resolve));
    credits--;
  };
}
