import { Worker } from 'node:worker_threads';
import { threadEvents } from '../../thread-inbox';
import { BatchFormatError, type RefusalReason } from '../../exchange/format';
import { ImportRefusal, type EntriesEvent, type EntriesRequest, type PreparedEntry } from './import-entries';

/**
 * preparedEntries in the import's reader thread (import-entries.worker.ts): age, gunzip, parsing and the checks of
 * each record run there while the core's thread writes the chunk before into SQLite, which on two cores takes about
 * a quarter off a big import (bench/exchange.bench.ts). At most CHUNKS_AHEAD chunks wait to be written, so memory
 * stays flat. Ending the generator early (cancel, a failed write) terminates the thread; a refusal in the thread
 * arrives as the same BatchFormatError or ImportRefusal the core's thread would have thrown.
 */

/** What a failure in the thread sends back: a refusal's reason, or an Error's name and message, never a stack. */
export type EntriesFailure =
  | { kind: 'format'; reason: RefusalReason; message: string }
  | { kind: 'refusal'; reason: string }
  | { kind: 'other'; name: string; message: string };

/** Messages from the thread. One 'more' goes the other way per chunk taken. */
export type EntriesMessage = EntriesEvent | { type: 'done' } | { type: 'failed'; error: EntriesFailure };

/**
 * Chunks the thread may prepare ahead of the core: enough to keep both busy, few enough to bound memory. Few, since a
 * chunk that waits in the core's thread outlives the young generation there and is promoted: with 4 chunks of 2,000
 * ahead the core's heap grew with the batch (bench/exchange.bench.ts: peak 286 MiB at a tenth, 360 at half the
 * whole); with 2 of 1,000 (ENTRIES_CHUNK) it stays where a tenth left it (283 at half), at the same speed.
 */
export const CHUNKS_AHEAD = 2;

/**
 * The reader thread's heap. Its records die young; V8's default young generation (16 MB semi-spaces) reads as fast as
 * the core's 64 MB ones here (bench/exchange.bench.ts). Its old generation is capped: uncapped, V8 let it grow about
 * 200 MiB over the core's own at 420,000 records (peak 370 against 172 MiB read in the core's thread), capped at
 * 256 MB it stayed 255–353 MiB at the same speed, and 128 MB thrashed (four times slower). The longest line a batch
 * may hold (64 MiB, an attachment's base64) needs about twice that while it parses (the line and its value; the
 * decoded bytes live outside the heap): within the cap, though no test builds a line that long. A thread that runs
 * out fails the import like any crash of it: INTERNAL, nothing written.
 */
const READER_RESOURCE_LIMITS = { maxYoungGenerationSizeMb: 48, maxOldGenerationSizeMb: 256 };

let running = 0;
/** Reader threads started and not yet ended (for tests: none may outlive its import). */
export const readerThreadsRunning = () => running;

export function entriesFailure(error: unknown): EntriesFailure {
  if (error instanceof BatchFormatError) return { kind: 'format', reason: error.reason, message: error.message };
  if (error instanceof ImportRefusal) return { kind: 'refusal', reason: error.reason };
  const { name, message } = error instanceof Error ? error : { name: 'Error', message: String(error) };
  return { kind: 'other', name, message };
}

function rebuilt(failure: EntriesFailure): Error {
  if (failure.kind === 'refusal') return new ImportRefusal(failure.reason);
  if (failure.kind === 'format') {
    // The message is "reason: detail" (BatchFormatError's own form): the detail is kept for the log.
    const detail = failure.message.startsWith(`${failure.reason}: `) ? failure.message.slice(failure.reason.length + 2) : undefined;
    return new BatchFormatError(failure.reason, detail);
  }
  return Object.assign(new Error(failure.message), { name: failure.name });
}

/** The buffers a chunk's attachments own, to transfer them instead of copying (their data was copied into them). */
export function attachmentBuffers(entries: PreparedEntry[]): ArrayBuffer[] {
  const buffers: ArrayBuffer[] = [];
  for (const entry of entries) {
    if (entry.kind !== 'attachment') continue;
    // A small Buffer shares Node's pool: it gets an ArrayBuffer of its own, which alone may be transferred.
    const own = new Uint8Array(entry.attachment.data);
    entry.attachment = { ...entry.attachment, data: own };
    buffers.push(own.buffer);
  }
  return buffers;
}

export async function* preparedEntriesInThread(request: EntriesRequest, workerPath: string): AsyncGenerator<EntriesEvent> {
  const worker = new Worker(workerPath, { workerData: request, resourceLimits: READER_RESOURCE_LIMITS });
  running++;
  try {
    yield* threadEvents<EntriesEvent, EntriesFailure>(worker, {
      isBatch: (event) => event.type === 'entries',
      failure: rebuilt,
      name: "the batch's reader thread",
    });
  } finally {
    await worker.terminate();
    running--;
  }
}
