import { closeSync, existsSync, openSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { chmodPrivate, DIR_MODE, ensurePrivateDir, FILE_MODE } from './fs-atomic';
import type { DataPaths } from './paths';

/**
 * The data folder is the user's alone (fs-atomic.ts). Versions before this rule made the database, its backups and
 * recovery.json readable by every account on the PC (0644): each start narrows what is there, so an existing
 * folder is mended too.
 */
export function makeDataFolderPrivate(paths: DataPaths): void {
  ensurePrivateDir(paths.dataDir);
  chmodPrivate(paths.dataDir, DIR_MODE);
  for (const dir of [paths.backupsDir, paths.logsDir, paths.outboxDir, paths.inboxDir]) {
    if (!existsSync(dir)) continue;
    chmodPrivate(dir, DIR_MODE);
    if (dir === paths.backupsDir || dir === paths.logsDir) for (const name of readdirSync(dir)) chmodPrivate(join(dir, name), FILE_MODE);
  }
  for (const name of readdirSync(paths.dataDir)) {
    if (!name.startsWith('bangfu.') && name !== 'recovery.json') continue;
    chmodPrivate(join(paths.dataDir, name), FILE_MODE);
  }
}

/**
 * Before SQLite opens the database: a new one is created empty with mode 0600, because SQLite gives the -wal and
 * -shm files it makes later the database file's own mode. After opening, the three are narrowed again (an
 * existing database from an older version).
 */
export function createDatabaseFilePrivately(database: string): void {
  if (existsSync(database)) return;
  closeSync(openSync(database, 'a', FILE_MODE));
}

export function narrowDatabaseFiles(database: string): void {
  for (const suffix of ['', '-wal', '-shm']) chmodPrivate(`${database}${suffix}`, FILE_MODE);
}
