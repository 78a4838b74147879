import { parentPort, workerData } from 'node:worker_threads';
import { AppError } from '@shared/errors';
import { batchCredits } from '../../thread-inbox';
import { BATCHES_AHEAD, readCheckedRows, type ReadRequest, type ReaderMessage } from './import-reader';

/**
 * The import's reader thread (import-reader.ts): reads and checks the file's rows and sends them in batches, at most
 * BATCHES_AHEAD ahead of what the core has taken. It touches no database and logs nothing: a failure goes back as
 * an error code (never a message, which could quote a cell).
 */
const port = parentPort!;
const post = (message: ReaderMessage) => port.postMessage(message);
const credit = batchCredits(port, BATCHES_AHEAD);

try {
  for await (const event of readCheckedRows(workerData as ReadRequest, true)) {
    if (event.type === 'rows') await credit();
    post(event);
  }
  post({ type: 'done' });
} catch (error) {
  post({ type: 'failed', error: error instanceof AppError ? error.toShape() : { code: 'INTERNAL' } });
}
port.close();
