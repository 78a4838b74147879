import { existsSync, readFileSync, statSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { bulkJournal, checkpoint } from '../../src/main/core/db/bulk-journal';
import { openDatabase } from '../../src/main/core/db/client';
import { newDatabaseKey } from '../../src/main/core/keys/key-file';
import { createMemoryLogger } from '../../src/main/core/log';
import { tempDir } from './support/core';

/** A bulk write's journal (db/bulk-journal.ts): the rollback journal when the database is this connection's alone, else the WAL. */
describe('the journal of a bulk write', () => {
  const MARK = '困难职工甲';
  const rows = (n: number) => Array.from({ length: n }, (_, i) => `${MARK}${i}${'填'.repeat(200)}`);

  function database() {
    const path = `${tempDir()}/bulk.db`;
    const key = newDatabaseKey();
    const { sqlite } = openDatabase(path, key);
    sqlite.exec('CREATE TABLE t (a TEXT NOT NULL) STRICT');
    const insert = sqlite.prepare('INSERT INTO t VALUES (?)');
    sqlite.transaction(() => rows(2_000).forEach((r) => insert.run(r)))();
    return { path, key, sqlite, insert };
  }

  it('writes in the rollback journal, encrypted, rolls back from it, and returns to WAL', () => {
    const { path, sqlite, insert } = database();
    const logger = createMemoryLogger();
    const journal = bulkJournal(sqlite, logger);
    expect(journal.inWal).toBe(false);
    expect(sqlite.pragma('journal_mode', { simple: true })).toBe('delete');
    // A small cache: the transaction's pages reach the database file (and the originals the journal) before any commit.
    sqlite.pragma('cache_size = -64');
    sqlite.exec('BEGIN IMMEDIATE');
    sqlite.exec(`UPDATE t SET a = a || 'x'`);
    rows(2_000).forEach((r) => insert.run(r));
    expect(statSync(`${path}-journal`).size).toBeGreaterThan(100_000);
    for (const file of [`${path}-journal`, path]) expect(readFileSync(file).includes(Buffer.from(MARK))).toBe(false);
    sqlite.exec('ROLLBACK');
    expect(sqlite.prepare('SELECT count(*) FROM t').pluck().get()).toBe(2_000);
    expect(sqlite.prepare("SELECT count(*) FROM t WHERE a LIKE '%x'").pluck().get()).toBe(0);
    journal.end();
    expect(sqlite.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(existsSync(`${path}-journal`)).toBe(false);
    expect(sqlite.pragma('integrity_check', { simple: true })).toBe('ok');
    expect(logger.lines).toEqual([]);
  });

  it('leaves the connection able to checkpoint at once, with a TEMP table open, before any read', () => {
    const { path, sqlite, insert } = database();
    // The federation's connection has TEMP tables at times (a snapshot's import_seen, the reports' shadow tables).
    // With one, a checkpoint run first after the return to WAL was refused with SQLITE_LOCKED until a read ran.
    sqlite.exec('CREATE TEMP TABLE scratch (x TEXT)');
    const logger = createMemoryLogger();
    const journal = bulkJournal(sqlite, logger);
    sqlite.transaction(() => rows(2_000).forEach((r) => insert.run(r)))();
    journal.end();
    // A checkpoint before any read (compare.service.ts and restore-keys.ts checkpoint, and fail loudly).
    expect(sqlite.pragma('wal_checkpoint(TRUNCATE)')).toEqual([{ busy: 0, log: 0, checkpointed: 0 }]);
    expect(existsSync(`${path}-journal`)).toBe(false);
    expect(sqlite.prepare('SELECT count(*) FROM t').pluck().get()).toBe(4_000);
    expect(logger.lines).toEqual([]);
  });

  it('stays in the WAL while another connection holds the database, with no automatic checkpoint until it ends', () => {
    const { path, key, sqlite, insert } = database();
    const other = openDatabase(path, key, { readonly: true }).sqlite;
    expect(other.prepare('SELECT count(*) FROM t').pluck().get()).toBe(2_000);
    const before = sqlite.pragma('wal_autocheckpoint', { simple: true });
    const logger = createMemoryLogger();
    const journal = bulkJournal(sqlite, logger);
    expect(journal.inWal).toBe(true);
    expect(sqlite.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(sqlite.pragma('wal_autocheckpoint', { simple: true })).toBe(0);
    sqlite.transaction(() => rows(2_000).forEach((r) => insert.run(r)))();
    journal.end();
    expect(sqlite.pragma('wal_autocheckpoint', { simple: true })).toBe(before);
    expect(statSync(`${path}-wal`).size).toBeGreaterThan(0);
    other.close();
    checkpoint(sqlite, logger);
    expect(statSync(`${path}-wal`).size).toBe(0);
    expect(sqlite.prepare('SELECT count(*) FROM t').pluck().get()).toBe(4_000);
    expect(logger.lines).toEqual([]);
  });

  it('leaves the journal as it is while another write holds a transaction open on the same connection', () => {
    const { sqlite } = database();
    sqlite.exec('BEGIN IMMEDIATE');
    const journal = bulkJournal(sqlite, createMemoryLogger());
    expect(journal.inWal).toBe(true);
    expect(sqlite.pragma('journal_mode', { simple: true })).toBe('wal');
    journal.end();
    sqlite.exec('ROLLBACK');
    expect(sqlite.pragma('wal_autocheckpoint', { simple: true })).toBe(1000);
  });
});
