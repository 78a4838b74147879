import { parentPort, workerData } from 'node:worker_threads';
import { batchCredits } from '../../thread-inbox';
import { preparedEntries, type EntriesRequest } from './import-entries';
import { attachmentBuffers, CHUNKS_AHEAD, entriesFailure, type EntriesMessage } from './import-entries-thread';

/**
 * A batch import's reader thread (import-entries-thread.ts): opens the batch and sends its entries checked and
 * prepared, at most CHUNKS_AHEAD chunks ahead of what the core has written. It touches no database and logs
 * nothing; a failure goes back as a refusal's reason or an error's name and message (never a record's value).
 */
const port = parentPort!;
const post = (message: EntriesMessage, transfer: ArrayBuffer[] = []) => port.postMessage(message, transfer);
const credit = batchCredits(port, CHUNKS_AHEAD);

try {
  for await (const event of preparedEntries(workerData as EntriesRequest)) {
    if (event.type === 'entries') {
      await credit();
      post(event, attachmentBuffers(event.entries));
    } else post(event);
  }
  post({ type: 'done' });
} catch (error) {
  post({ type: 'failed', error: entriesFailure(error) });
}
port.close();
