import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parentPort, workerData } from 'node:worker_threads';
import { AdjustableClock } from './clock';
import { createCore, type Core } from './core';
import type { CoreInit, HostToWorker, WorkerToHost } from './worker-protocol';

/**
 * The core worker: better-sqlite3 is synchronous, so the database lives here and never in Electron's main process
 * (a query there would freeze the window). The host sends calls; results and events come back as messages.
 */
const port = parentPort!;
const init = workerData as CoreInit;
const post = (message: WorkerToHost) => port.postMessage(message);
// Test mode may start the clock at a fixed instant; Electron never sets testMode, so it always shows real time.
const clock = new AdjustableClock(init.testMode && init.clockStart ? new Date(init.clockStart) : undefined);

let core: Core;
try {
  core = createCore({
    dataDir: init.dataDir,
    resourcesDir: init.resourcesDir,
    key: init.keyHex ? Buffer.from(init.keyHex, 'hex') : null,
    version: init.version,
    transientKey: Buffer.from(init.transientKeyHex, 'hex'),
    clock,
    autoBackup: init.autoBackup,
    onEvent: (event) => post({ type: 'event', event }),
    storeKey: (key) => post({ type: 'store-key', keyHex: key.toString('hex') }),
    // Built next to this file (electron.vite.config.ts).
    importReaderPath: join(dirname(fileURLToPath(import.meta.url)), 'import-reader.js'),
    batchSealerPath: join(dirname(fileURLToPath(import.meta.url)), 'batch-sealer.js'),
    batchReaderPath: join(dirname(fileURLToPath(import.meta.url)), 'batch-reader.js'),
  });
  post({ type: 'ready' });
} catch (error) {
  post({ type: 'init-failed', message: error instanceof Error ? error.message : String(error) });
  process.exit(1);
}

port.on('message', async (message: HostToWorker) => {
  switch (message.type) {
    case 'dispatch': {
      const result = await core.dispatch(message.clientId, message.channel, message.input);
      post({ id: message.id, type: 'result', result });
      break;
    }
    case 'advance-clock': {
      // Only a web host started for end-to-end tests asks this; Electron never sets testMode.
      if (init.testMode) clock.advance(message.ms);
      post({
        id: message.id,
        type: 'result',
        result: init.testMode ? { ok: true, data: { now: clock.now().toISOString() } } : { ok: false, error: { code: 'FORBIDDEN' } },
      });
      break;
    }
    case 'close': {
      core.close();
      post({ id: message.id, type: 'result', result: { ok: true, data: null } });
      process.exit(0);
    }
  }
});
