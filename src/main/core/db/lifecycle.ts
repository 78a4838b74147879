import type { SystemState } from '@shared/contract/system';
import { AppError } from '@shared/errors';
import { rmSync } from 'node:fs';
import type { Clock } from '../clock';
import type { CoreState } from '../context';
import type { Logger } from '../log';
import type { DataPaths } from '../paths';
import { listBackups, removeBackups, writeBackup, type BackupKind } from './backup';
import { isDatabaseDamaged, openDatabase, schemaVersion, type OpenDatabase } from './client';
import { passesQuickCheck } from './health';
import { applyMigrations, pendingMigrations, type Migration } from './migrate';
import { backupsToRemove } from './retention';
import { readOrg } from '../features/org/org.repo';
import { createDatabaseFilePrivately, narrowDatabaseFiles } from '../data-folder';

/**
 * Opens the database and brings it to this program's schema: an online backup first when an existing database is
 * migrated, then all pending migrations in one transaction. Throws DB_WRONG_KEY, DB_DAMAGED (it fails quick_check:
 * checked before anything is written or backed up) or DB_TOO_NEW (the connection is closed then).
 */
export function openAndMigrate(
  paths: DataPaths,
  migrations: Migration[],
  key: Buffer,
  clock: Clock,
  logger: Logger,
  pageSize?: number,
): { conn: OpenDatabase; state: Extract<SystemState, 'ready' | 'needs-setup'> } {
  createDatabaseFilePrivately(paths.database);
  const conn = openDatabase(paths.database, key, { pageSize });
  narrowDatabaseFiles(paths.database);
  try {
    if (!passesQuickCheck(conn.sqlite)) throw new AppError('DB_DAMAGED');
    const pending = pendingMigrations(conn.sqlite, migrations);
    if (pending.length > 0) {
      const from = schemaVersion(conn.sqlite);
      if (from > 0) backupAndPrune(conn, paths, 'pre-migration', clock.now(), key);
      applyMigrations(conn.sqlite, pending);
      logger.info('db.migrated', { from, to: schemaVersion(conn.sqlite) });
    }
    return { conn, state: readOrg(conn.db) ? 'ready' : 'needs-setup' };
  } catch (error) {
    conn.sqlite.close();
    throw isDatabaseDamaged(error) ? new AppError('DB_DAMAGED') : error;
  }
}

/**
 * A database that holds nothing but its schema (setup, before its first write) made again with pages of `pageSize`:
 * an encrypted database keeps the page size it was created with (VACUUM keeps it too), so this is the one moment it
 * can change. Killed between removing and creating, the folder holds no database and was never set up: the next
 * start is a first run again.
 */
export function recreateEmptyDatabase(core: CoreState, pageSize: number): void {
  const sqlite = core.conn!.sqlite;
  if (sqlite.pragma('page_size', { simple: true }) === pageSize) return;
  // Anything written already (never so at setup today) stays: the database then keeps its pages, only slower to import.
  if (readOrg(core.conn!.db) || sqlite.prepare('SELECT count(*) FROM audit_log').pluck().get() !== 0) return;
  sqlite.close();
  core.conn = null;
  for (const suffix of ['', '-wal', '-shm']) rmSync(core.paths.database + suffix, { force: true });
  core.conn = openAndMigrate(core.paths, core.migrations, core.key!, core.clock, core.logger, pageSize).conn;
}

export function backupAndPrune(conn: OpenDatabase, paths: DataPaths, kind: BackupKind, at: Date, key: Buffer) {
  const entry = writeBackup(conn.sqlite, paths.backupsDir, kind, at, key);
  removeBackups(paths.backupsDir, backupsToRemove(listBackups(paths.backupsDir)));
  return entry;
}
