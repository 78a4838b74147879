import { join, resolve } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, expect, test } from 'vitest';
import { compare } from './compare';
import { benchDir } from './support';
import { AdjustableClock } from '../src/main/core/clock';
import { createCore } from '../src/main/core/core';
import { openDatabase } from '../src/main/core/db/client';
import { openAndMigrate } from '../src/main/core/db/lifecycle';
import { dataPaths } from '../src/main/core/paths';
import { newDatabaseKey } from '../src/main/core/keys/key-file';
import { createMemoryLogger } from '../src/main/core/log';

/**
 * Foundation costs, each against a baseline measured in the same run (vitest prints the ratio):
 * - opening the encrypted database (key, pragmas, migration check) vs opening a plain SQLite file;
 * - one audited change through the router (validation, session, transaction, hash-chained audit entry) vs the
 *   same UPDATE run raw in a transaction.
 */
const dataDir = benchDir();
const key = newDatabaseKey();
const clock = new AdjustableClock();
const core = createCore({
  dataDir,
  resourcesDir: resolve('resources'),
  key,
  version: 'bench',
  clock,
  logger: createMemoryLogger(),
  autoBackup: false,
});
const plainPath = join(dataDir, 'plain.db');
new Database(plainPath).exec('CREATE TABLE t (a TEXT) STRICT').close();

async function must(channel: string, input: unknown) {
  const result = await core.dispatch('b', channel, input);
  if (!result.ok) throw new Error(`${channel}: ${result.error.code}`);
}
await must('system.setup', {
  org: { name: '基准测试帮扶中心', creditCode: '91350100M000100Y43', regionCode: '350100', mode: 'centre' },
  admin: { username: 'bench', displayName: 'bench', password: 'Measure#2026' },
});
await must('auth.signIn', { username: 'bench', password: 'Measure#2026' });
const adminId = (core.state.conn!.sqlite.prepare('SELECT id FROM users').get() as { id: string }).id;
let n = 0;

test('open the database', async () => {
  const rows = await compare(
    'Open the database',
    {
      name: 'plain SQLite open (baseline)',
      fn: () => {
        const db = new Database(plainPath);
        db.prepare('SELECT count(*) FROM sqlite_schema').get();
        db.close();
      },
    },
    [
      { name: 'encrypted open + pragmas', fn: () => openDatabase(join(dataDir, 'bangfu.db'), key).sqlite.close() },
      {
        name: 'as the program starts (+ migration check)',
        fn: () => openAndMigrate(dataPaths(dataDir), core.state.migrations, key, clock, createMemoryLogger()).conn.sqlite.close(),
      },
    ],
  );
  expect(rows.every((r) => r.meanMs > 0)).toBe(true);
});

test('one audited change', async () => {
  const sqlite = core.state.conn!.sqlite;
  const raw = sqlite.prepare('UPDATE users SET display_name = ? WHERE id = ?');
  const rows = await compare(
    'One change',
    { name: 'raw UPDATE in a transaction (baseline)', fn: () => sqlite.transaction(() => raw.run(`n${n++}`, adminId))() },
    [
      {
        name: 'users.update via router + audit chain',
        fn: () => core.dispatch('b', 'users.update', { id: adminId, displayName: `n${n++}`, role: 'admin' }),
      },
    ],
  );
  expect(rows.every((r) => r.meanMs > 0)).toBe(true);
});

afterAll(() => core.close());
