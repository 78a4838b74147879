/**
 * Another office's program: this script sets up a core of its own in an empty data folder (a federation), exports
 * its key card through the real channel and prints the card's text. Run as a child process by
 * tests/e2e/exchange-keys.spec.ts, bundled with esbuild (bundleKeyCardProcess); it must not import vitest or ./core.
 *
 *   stdin ← {"dataDir", "resourcesDir", "clockAtMs"}     stdout → {"text": the .bfkey file}
 * Nothing else is printed (a card holds public keys only).
 */
import { createInterface } from 'node:readline';
import type { CoreEvent } from '@shared/contract';
import type { Result } from '@shared/errors';
import { AdjustableClock } from '../../../src/main/core/clock';
import { createCore } from '../../../src/main/core/core';
import { readOutboxFile } from '../../../src/main/core/files';
import { newDatabaseKey } from '../../../src/main/core/keys/key-file';
import { createMemoryLogger } from '../../../src/main/core/log';

export const FEDERATION_ORG = { name: '示范市总工会', creditCode: '81440100MC0000001R', regionCode: '440100', mode: 'federation' as const };
const ADMIN = { username: 'admin.fed', displayName: '市总管理员', password: 'Fed#2026xyz' };

const lines = createInterface({ input: process.stdin })[Symbol.asyncIterator]();
const config = JSON.parse((await lines.next()).value as string) as { dataDir: string; resourcesDir: string; clockAtMs: number };
const finished = new Map<string, Result<unknown>>();
const core = createCore({
  dataDir: config.dataDir,
  resourcesDir: config.resourcesDir,
  key: newDatabaseKey(),
  version: '0.0.0-test',
  clock: new AdjustableClock(new Date(config.clockAtMs)),
  logger: createMemoryLogger(),
  autoBackup: false,
  onEvent: (event: CoreEvent) => {
    if (event.type === 'job.finished') finished.set(event.jobId, event.result);
  },
});
const call = async (channel: string, input: unknown) => {
  const result = await core.dispatch('fed', channel, input);
  if (!result.ok) throw new Error(`${channel}: ${result.error.code}`);
  return result.data;
};
await call('system.setup', { org: FEDERATION_ORG, admin: ADMIN });
await call('auth.signIn', { username: ADMIN.username, password: ADMIN.password });
const { jobId } = (await call('org.exportKeyCard', { as: 'card' })) as { jobId: string };
while (!finished.has(jobId)) await new Promise((resolve) => setTimeout(resolve, 20));
const result = finished.get(jobId)!;
if (!result.ok) throw new Error(`org.exportKeyCard: ${result.error.code}`);
const file = await readOutboxFile(core.state.files, (result.data as { fileId: string }).fileId);
process.stdout.write(`${JSON.stringify({ text: file.bytes.toString('utf8') })}\n`);
core.close();
process.exit(0);
