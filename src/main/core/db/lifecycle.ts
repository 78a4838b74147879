import type { SystemState } from '@shared/contract/system';
import { AppError } from '@shared/errors';
import type { Clock } from '../clock';
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
): { conn: OpenDatabase; state: Extract<SystemState, 'ready' | 'needs-setup'> } {
  createDatabaseFilePrivately(paths.database);
  const conn = openDatabase(paths.database, key);
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

export function backupAndPrune(conn: OpenDatabase, paths: DataPaths, kind: BackupKind, at: Date, key: Buffer) {
  const entry = writeBackup(conn.sqlite, paths.backupsDir, kind, at, key);
  removeBackups(paths.backupsDir, backupsToRemove(listBackups(paths.backupsDir)));
  return entry;
}
