import { existsSync, openSync, readSync, closeSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/main/core/db/client';
import { newDatabaseKey } from '../../src/main/core/keys/key-file';
import { dataPaths } from '../../src/main/core/paths';
import { startCore, startSetUpCore } from './support/core';

function header(path: string): string {
  const fd = openSync(path, 'r');
  const buf = Buffer.alloc(16);
  readSync(fd, buf, 0, 16, 0);
  closeSync(fd);
  return buf.toString('latin1');
}

describe('encrypted database', () => {
  it('is not readable as plain SQLite: the header is not "SQLite format 3"', async () => {
    const t = await startSetUpCore();
    const path = dataPaths(t.dataDir).database;
    expect(existsSync(path)).toBe(true);
    expect(header(path)).not.toBe('SQLite format 3\u0000');
  });

  it('gives DB_WRONG_KEY for a wrong key, not a crash', async () => {
    const t = await startSetUpCore();
    t.core.close();
    expect(() => openDatabase(dataPaths(t.dataDir).database, newDatabaseKey())).toThrowError(
      expect.objectContaining({ code: 'DB_WRONG_KEY' }),
    );
  });

  it('starts in the key-missing state when the key does not open the database', async () => {
    const t = await startSetUpCore();
    const again = t.reopen({ key: newDatabaseKey() });
    expect((await again.call('system.status')).state).toBe('key-missing');
    expect((await again.fail('users.list')).code).toBe('KEY_MISSING');
  });

  it('uses WAL, foreign keys and synchronous FULL', () => {
    const t = startCore();
    const sqlite = t.core.state.conn!.sqlite;
    expect(sqlite.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(sqlite.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(sqlite.pragma('synchronous', { simple: true })).toBe(2);
  });
});
