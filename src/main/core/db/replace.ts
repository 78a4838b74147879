import { copyFileSync, existsSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { FILE_MODE, fsyncFile } from '../fs-atomic';
import type { DataPaths } from '../paths';
import { removeUnfinishedBackups, SIDE_FILES } from './backup';

/*
 * Replacing the database file (a restore) without a moment where a kill or power cut leaves half of one: the new
 * content is copied under a temporary name, flushed and checked, and only then renamed over bangfu.db. A kill
 * before the rename leaves the old database and a leftover copy, which the next start removes.
 */

const stagingPath = (paths: DataPaths) => `${paths.database}.restoring`;

/**
 * Copies `source` (a file, or the bytes of an unsealed upload) next to the database, flushes the copy and runs
 * `check` on it: the file checked is the one that will be renamed in, and it is read once. Removes the copy when
 * the check throws.
 */
export function stageReplacement<T>(paths: DataPaths, source: string | Buffer, check: (staged: string) => T): T {
  const staging = stagingPath(paths);
  try {
    if (typeof source === 'string') copyFileSync(source, staging);
    else writeFileSync(staging, source, { mode: FILE_MODE });
    fsyncFile(staging);
    return check(staging);
  } catch (error) {
    for (const suffix of ['', ...SIDE_FILES]) rmSync(staging + suffix, { force: true });
    throw error;
  }
}

/** Renames the staged copy over the database. The caller has closed its connection (which emptied the WAL). */
export function swapInReplacement(paths: DataPaths): void {
  for (const suffix of ['-wal', '-shm']) rmSync(`${paths.database}${suffix}`, { force: true });
  renameSync(stagingPath(paths), paths.database);
  fsyncFile(paths.dataDir);
}

/**
 * Moves a damaged database out of the way, renamed, never deleted (nothing is): it stays encrypted with the same
 * key, so it holds no more readable personal data than before, and a specialist may still rescue pages from it.
 * Its WAL goes with it (it belongs to that file and must not be replayed into the restored one). Returns the
 * name it was given, or null when there was no file.
 */
export function setDamagedAside(paths: DataPaths, at: Date): string | null {
  if (!existsSync(paths.database)) return null;
  const name = `bangfu-damaged-${at.toISOString().replace(/[-:.]/g, '')}.db`;
  const aside = join(paths.dataDir, name);
  if (existsSync(`${paths.database}-wal`)) renameSync(`${paths.database}-wal`, `${aside}-wal`);
  rmSync(`${paths.database}-shm`, { force: true }); // the shared-memory index is rebuilt from the WAL; it holds no data
  renameSync(paths.database, aside);
  fsyncFile(paths.dataDir);
  return name;
}

/** What a kill during a backup or a restore can leave behind: never listed, never opened, removed at start. */
export function removeLeftoverCopies(paths: DataPaths): string[] {
  const removed = removeUnfinishedBackups(paths.backupsDir);
  for (const suffix of ['', ...SIDE_FILES]) {
    const leftover = stagingPath(paths) + suffix;
    if (!existsSync(leftover)) continue;
    rmSync(leftover, { force: true });
    removed.push(leftover);
  }
  return removed;
}
