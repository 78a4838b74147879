import { describe, expect, it } from 'vitest';
import { FEDERATION_PAGE_SIZE, NEW_DATABASE_PAGE_SIZE, openDatabase } from '../../src/main/core/db/client';
import { recreateEmptyDatabase } from '../../src/main/core/db/lifecycle';
import { newDatabaseKey } from '../../src/main/core/keys/key-file';
import { dataPaths } from '../../src/main/core/paths';
import { ADMIN, ORG, startCore, startSetUpCore, tempDir } from './support/core';
import { FEDERATION } from './support/exchange';

/** The page size is fixed when the encrypted file is created (client.ts): a new database takes it, an old one keeps its own. */
describe('database page size', () => {
  it('a new database is created with NEW_DATABASE_PAGE_SIZE pages and keeps them after a restart', async () => {
    const t = startCore();
    const sqlite = t.core.state.conn!.sqlite;
    expect(sqlite.pragma('page_size', { simple: true })).toBe(NEW_DATABASE_PAGE_SIZE);
    const again = t.reopen();
    expect(again.core.state.conn!.sqlite.pragma('page_size', { simple: true })).toBe(NEW_DATABASE_PAGE_SIZE);
  });

  it('an existing database keeps the page size it was created with, read and written as before', () => {
    const path = `${tempDir()}/old.db`;
    const key = newDatabaseKey();
    const other = NEW_DATABASE_PAGE_SIZE === 4096 ? 16384 : 4096;
    const first = openDatabase(path, key, { pageSize: other });
    first.sqlite.exec("CREATE TABLE t (a TEXT) STRICT; INSERT INTO t VALUES ('kept')");
    first.sqlite.close();
    const reopened = openDatabase(path, key);
    expect(reopened.sqlite.pragma('page_size', { simple: true })).toBe(other);
    reopened.sqlite.exec("INSERT INTO t VALUES ('added')");
    expect(reopened.sqlite.prepare('SELECT a FROM t ORDER BY rowid').pluck().all()).toEqual(['kept', 'added']);
    expect(reopened.sqlite.pragma('integrity_check', { simple: true })).toBe('ok');
    reopened.sqlite.close();
  });

  it('a core told another page size creates its database with it (the benches compare them), still encrypted', () => {
    const t = startCore({ newDatabasePageSize: 65536 });
    expect(t.core.state.conn!.sqlite.pragma('page_size', { simple: true })).toBe(65536);
    expect(() => openDatabase(dataPaths(t.dataDir).database, newDatabaseKey(), { readonly: true })).toThrowError(
      expect.objectContaining({ code: 'DB_WRONG_KEY' }),
    );
  });

  it('a federation is set up in a database made again with FEDERATION_PAGE_SIZE pages; a centre keeps its own', async () => {
    const events: unknown[][] = [];
    for (const [org, pages] of [
      [FEDERATION, FEDERATION_PAGE_SIZE],
      [ORG, NEW_DATABASE_PAGE_SIZE],
    ] as const) {
      const t = startCore();
      await t.call('system.setup', { org, admin: ADMIN });
      await t.call('auth.signIn', { username: ADMIN.username, password: ADMIN.password });
      const sqlite = t.core.state.conn!.sqlite;
      expect(sqlite.pragma('page_size', { simple: true })).toBe(pages);
      expect((await t.call('system.status')).mode).toBe(org.mode);
      expect(sqlite.prepare('SELECT count(*) FROM audit_log').pluck().get()).toBeGreaterThan(0);
      // After a restart: the same database, set up, with its key check, recovery file and audit trail.
      const again = t.reopen();
      expect((await again.call('system.status')).state).toBe('ready');
      expect(again.core.state.conn!.sqlite.pragma('page_size', { simple: true })).toBe(pages);
      await again.call('auth.signIn', { username: ADMIN.username, password: ADMIN.password });
      // The same audit trail either way: no alarm from a database made again under the anchor.
      events.push(
        again.core.state
          .conn!.sqlite.prepare("SELECT action || ' ' || coalesce(record_type, '') FROM audit_log ORDER BY seq")
          .pluck()
          .all(),
      );
    }
    expect(events[0]).toEqual(events[1]);
    expect(events[0]!.some((e) => String(e).includes('alarm'))).toBe(false);
  });

  it('a database with anything written in it is never made again: it keeps its pages and its rows', async () => {
    const t = await startSetUpCore();
    const before = t.core.state.conn!.sqlite.prepare('SELECT count(*) FROM audit_log').pluck().get();
    recreateEmptyDatabase(t.core.state, 65536);
    const sqlite = t.core.state.conn!.sqlite;
    expect(sqlite.pragma('page_size', { simple: true })).toBe(NEW_DATABASE_PAGE_SIZE);
    expect(sqlite.prepare('SELECT count(*) FROM audit_log').pluck().get()).toBe(before);
  });
});
