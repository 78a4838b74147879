/**
 * Run as its own process by backup.test.ts, which kills it mid-restore: starts the core on the data folder given,
 * signs in and restores the backup named, as the renderer would ask.
 */
import { AdjustableClock } from '../../../src/main/core/clock';
import { createCore } from '../../../src/main/core/core';
import { createMemoryLogger } from '../../../src/main/core/log';

const [dataDir, keyHex, username, password, backupId] = process.argv.slice(2) as [string, string, string, string, string];
const core = createCore({
  dataDir,
  resourcesDir: 'resources',
  key: Buffer.from(keyHex, 'hex'),
  version: '0.0.0-test',
  clock: new AdjustableClock(),
  logger: createMemoryLogger(),
  autoBackup: false,
});
const signIn = await core.dispatch('child', 'auth.signIn', { username, password });
if (!signIn.ok) throw new Error(`sign-in failed: ${signIn.error.code}`);
process.stdout.write('restoring\n');
const restored = await core.dispatch('child', 'backup.restore', { backupId });
process.stdout.write(restored.ok ? 'done\n' : `failed ${restored.error.code}\n`);
