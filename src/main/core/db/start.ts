import { join } from 'node:path';
import type { DamageKind } from '@shared/contract/system';
import { AppError } from '@shared/errors';
import type { Clock } from '../clock';
import type { Logger } from '../log';
import type { DataPaths } from '../paths';
import { listBackups } from './backup';
import type { OpenDatabase } from './client';
import { fileSize, keyCheckVerdict, keyOpens, recordKeyCheck } from './health';
import { openAndMigrate } from './lifecycle';
import type { Migration } from './migrate';
import { removeLeftoverCopies } from './replace';
import { folderWasSetUp } from '../keys/key-file';

export type StartOutcome =
  | { state: 'ready' | 'needs-setup'; conn: OpenDatabase; damage: null }
  | { state: 'key-missing' | 'db-too-new'; conn: null; damage: null }
  | { state: 'damaged'; conn: null; damage: DamageKind };

/**
 * The database at start: removes what a killed backup or restore left, then decides the first screen. Setup is
 * offered only to a folder that was never set up: a missing or empty database beside a recovery file, a key check
 * or a backup is damage ('missing'), not a first run. A database that fails to open or fails quick_check is
 * 'damaged'; SQLITE_NOTADB is a wrong key only when nothing shows this key to be the database's own (`keyProven`:
 * the recovery code unwrapped it, authenticated, so it is).
 */
export function openDatabaseAtStart(
  paths: DataPaths,
  migrations: Migration[],
  key: Buffer,
  clock: Clock,
  logger: Logger,
  keyProven = false,
  pageSize?: number,
): StartOutcome {
  const removed = removeLeftoverCopies(paths);
  if (removed.length > 0) logger.info('db.leftovers.removed', { count: removed.length });

  if (!fileSize(paths.database) && folderWasSetUp(paths)) return damaged(logger, 'missing');
  try {
    const opened = openAndMigrate(paths, migrations, key, clock, logger, pageSize);
    if (opened.state === 'ready') recordKeyCheck(paths.keyCheckFile, key);
    return { ...opened, damage: null };
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
    if (error.code === 'DB_TOO_NEW') return { state: 'db-too-new', conn: null, damage: null };
    if (error.code === 'DB_DAMAGED') return damaged(logger, 'damaged');
    if (error.code === 'DB_WRONG_KEY' && (keyProven || isTheDatabasesKey(paths, key))) return damaged(logger, 'damaged');
    logger.info('db.open.refused', { code: error.code });
    return { state: 'key-missing', conn: null, damage: null };
  }
}

function damaged(logger: Logger, damage: DamageKind): StartOutcome {
  logger.info('db.damaged', { damage });
  return { state: 'damaged', conn: null, damage };
}

/** The key check file says so, or (before there was one) the key opens one of this folder's backups. */
function isTheDatabasesKey(paths: DataPaths, key: Buffer): boolean {
  const verdict = keyCheckVerdict(paths.keyCheckFile, key);
  if (verdict !== 'unknown') return verdict === 'matches';
  return listBackups(paths.backupsDir).some((backup) => keyOpens(join(paths.backupsDir, backup.id), key));
}
