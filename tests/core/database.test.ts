import { existsSync, mkdirSync, openSync, readdirSync, readlinkSync, readSync, closeSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
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

describe('two programs on one database', () => {
  it('answers BUSY, not an internal error, when the other program holds the write lock past the wait', async () => {
    const t = await startSetUpCore();
    const other = openDatabase(dataPaths(t.dataDir).database, t.key);
    other.sqlite.exec('BEGIN IMMEDIATE');
    try {
      // busy_timeout (5 s) passes first: a short lock would simply be waited for.
      expect(await t.fail('users.create', { username: 'clerk.wu', displayName: '吴经办', role: 'clerk', password: 'Temp#2026a' })).toEqual({
        code: 'BUSY',
      });
    } finally {
      other.sqlite.exec('ROLLBACK');
      other.sqlite.close();
    }
    expect(t.logger.lines.some((line) => line.includes('dispatch.busy'))).toBe(true);
    expect(
      (await t.call('users.create', { username: 'clerk.wu', displayName: '吴经办', role: 'clerk', password: 'Temp#2026a' })).username,
    ).toBe('clerk.wu');
  }, 15_000);

  it('starts while an upload it is sweeping vanishes (the other copy swept it first)', async () => {
    const t = await startSetUpCore();
    const inbox = dataPaths(t.dataDir).inboxDir;
    mkdirSync(inbox, { recursive: true });
    // A name the sweep lists but cannot stat: what a file deleted between the listing and the stat looks like.
    symlinkSync(join(t.dataDir, 'gone'), join(inbox, 'vanished-upload'));
    const again = t.reopen();
    expect(await again.call('system.status', {})).toMatchObject({ state: 'ready' });
  });
});

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

  it('keeps temporary tables and spilled sorts in memory: the cipher does not cover temporary files', () => {
    const t = startCore();
    const { sqlite } = openDatabase(dataPaths(t.dataDir).database, t.key);
    try {
      expect(sqlite.pragma('temp_store', { simple: true })).toBe(2); // MEMORY
      // A small page cache, and a sort and a TEMP table of some 10 MB: on disk, both would be SQLite's temporary
      // files (etilqs_*, unlinked but open) holding the text in clear.
      sqlite.pragma('cache_size = -1024');
      sqlite.exec(`CREATE TEMP TABLE names AS WITH RECURSIVE c(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM c WHERE i < 300000)
        SELECT '张三' || (i * 7919 % 300001) || '-110101197001011234' AS v FROM c`);
      const openTempFiles = () =>
        existsSync('/proc/self/fd')
          ? readdirSync('/proc/self/fd').filter((fd) => {
              try {
                return readlinkSync(`/proc/self/fd/${fd}`).includes('etilqs');
              } catch {
                return false; // the directory's own descriptor, closed by now
              }
            })
          : [];
      let read = 0;
      for (const _row of sqlite.prepare('SELECT v FROM temp.names ORDER BY v').iterate()) {
        if (++read === 150_000) expect(openTempFiles(), 'SQLite temporary files open mid-sort').toEqual([]);
      }
      expect(read).toBe(300_001);
    } finally {
      sqlite.close();
    }
  });
});
