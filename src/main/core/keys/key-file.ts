import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { listBackups } from '../db/backup';
import { writeFileAtomic } from '../fs-atomic';
import type { DataPaths } from '../paths';

/**
 * The database key kept as a file in the data folder: only for the web host and tests (docs/architecture.md §4).
 * Electron keeps the same 32 bytes wrapped by safeStorage (src/main/electron/keychain.ts).
 */
export function readKeyFile(path: string): Buffer | null {
  if (!existsSync(path)) return null;
  const key = Buffer.from(readFileSync(path, 'utf8').trim(), 'hex');
  return key.length === 32 ? key : null;
}

export function writeKeyFile(path: string, key: Buffer): void {
  writeFileAtomic(path, key.toString('hex'), 0o600);
}

export function newDatabaseKey(): Buffer {
  return randomBytes(32);
}

/**
 * Setup happened in this folder once: it wrote the recovery file, a ready database wrote the key check, or backups
 * were taken. Such a folder never gets a new key, even with its database and key gone: a new key would open none of
 * its backups, and the recovery code (recovery.json) still brings the old one back.
 */
export function folderWasSetUp(paths: DataPaths): boolean {
  return existsSync(paths.recoveryFile) || existsSync(paths.keyCheckFile) || listBackups(paths.backupsDir).length > 0;
}

/** Only a folder with no database that was never set up gets a new key (the first run). */
export function mayCreateKey(paths: DataPaths): boolean {
  return !existsSync(paths.database) && !folderWasSetUp(paths);
}
