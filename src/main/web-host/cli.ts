import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { transientFiles } from '../core/files';
import { mayCreateKey, newDatabaseKey, readKeyFile, writeKeyFile } from '../core/keys/key-file';
import { dataPaths } from '../core/paths';
import { startCoreWorker } from '../core/worker-client';
import { startWebHost } from './server';

/**
 * `npm run web`: the same program in a browser, for development and end-to-end tests, where Electron cannot run.
 * Loopback only, with a per-run token in the printed URL. The database key is a file in the data folder here.
 */
const here = import.meta.dirname; // out/main
const repoRoot = resolve(here, '..', '..');
const { values } = parseArgs({
  options: {
    data: { type: 'string', default: process.env.BANGFU_DATA_DIR ?? join(repoRoot, '.data') },
    port: { type: 'string', default: process.env.PORT ?? '5199' },
    'test-mode': { type: 'boolean', default: false },
    /** Test mode only: the core's clock starts at this instant (ISO-8601) instead of the machine's date. */
    'clock-start': { type: 'string' },
    'no-auto-backup': { type: 'boolean', default: false },
  },
});

// Everything this process writes is the user's alone (the core worker sets its files' modes itself).
process.umask(0o077);
const dataDir = resolve(values.data!);
const paths = dataPaths(dataDir);
let key = readKeyFile(paths.keyFile);
// Never for a folder that was set up once: the recovery code brings its key back (keys/key-file.ts).
if (!key && mayCreateKey(paths)) {
  key = newDatabaseKey();
  writeKeyFile(paths.keyFile, key);
}

// This run's key for the sealed inbox and outbox (core/files.ts): in memory only, shared with the core worker.
const transientKey = randomBytes(32);
const pkg = JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8')) as { version: string };
const core = await startCoreWorker(
  join(here, 'worker.js'),
  {
    dataDir,
    resourcesDir: join(repoRoot, 'resources'),
    keyHex: key ? key.toString('hex') : null,
    transientKeyHex: transientKey.toString('hex'),
    version: pkg.version,
    testMode: values['test-mode'],
    clockStart: values['test-mode'] ? values['clock-start'] : undefined,
    autoBackup: !values['no-auto-backup'],
  },
  { storeKey: (hex) => writeKeyFile(paths.keyFile, Buffer.from(hex, 'hex')) },
);

const host = await startWebHost({
  core,
  rendererDir: join(dirname(here), 'renderer'),
  files: transientFiles(paths, transientKey),
  port: Number(values.port),
  testMode: values['test-mode'],
});

// The first line is machine-read by the end-to-end tests: keep its shape.
console.log(`BANGFU_URL ${host.url}`);
console.log(`帮扶工作台已启动：在浏览器中打开上面的地址（数据目录 ${dataDir}）。按 Ctrl+C 退出。`);

const stop = async () => {
  await host.close();
  await core.close();
  process.exit(0);
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
