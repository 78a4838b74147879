import { parentPort, workerData } from 'node:worker_threads';
import { sealPayload, type PayloadTarget } from './payload-seal';
import type { FromSealer, ToSealer } from './payload-thread';

/**
 * A batch's sealer thread (payload-thread.ts): gzip, age and the hash of the pages the core sends, into the
 * temporary payload file. It touches no database and logs nothing; a failure goes back as the error's name, message
 * and code (file-system messages name the temporary file, never a record).
 */
const port = parentPort!;
const post = (message: FromSealer) => port.postMessage(message);
const pages: Buffer[] = [];
let ended = false;
let wake: (() => void) | null = null;
port.on('message', (message: ToSealer) => {
  if (message.type === 'page') pages.push(Buffer.from(message.data));
  else ended = true;
  wake?.();
  wake = null;
});

async function* plaintext(): AsyncGenerator<Buffer> {
  for (;;) {
    while (pages.length === 0 && !ended) await new Promise<void>((resolve) => (wake = resolve));
    const page = pages.shift();
    if (!page) return;
    // Taken into the pipeline: the core may send another.
    post({ type: 'taken' });
    yield page;
  }
}

try {
  post({ type: 'done', ...(await sealPayload(plaintext(), workerData as PayloadTarget)) });
} catch (error) {
  const { name, message, code } = error as Error & { code?: unknown };
  post({ type: 'failed', error: { name: String(name), message: String(message), ...(typeof code === 'string' ? { code } : {}) } });
}
port.close();
