import { chmodSync, existsSync, readdirSync, renameSync, rmSync, statSync, unlinkSync } from 'node:fs';
import { join } from 'node:path';
import type { BackupEntry } from '@shared/contract/backup';
import { ensurePrivateDir, FILE_MODE, fsyncFile } from '../fs-atomic';
import type { Sqlite } from './client';
import { checkDatabaseCopy } from './health';

export type BackupKind = BackupEntry['kind'];

const NAME = /^bangfu-(auto|manual|pre-migration|pre-restore)-(\d{8}T\d{6}\d{3}Z)\.db$/;
/**
 * A copy being written or checked. Only a copy that opened and passed its check is renamed to its backup name, so
 * a kill or power cut mid-copy leaves a file with this suffix, which the list ignores and the next start removes.
 */
const UNFINISHED_SUFFIX = '.tmp';
/** The files SQLite keeps beside a database while it writes it: a kill leaves them too. */
export const SIDE_FILES = ['-journal', '-wal', '-shm'];
/** A backup name with the suffix, and SQLite's side files of it. */
const UNFINISHED = new RegExp(`${NAME.source.slice(0, -1)}\\.tmp(?:-journal|-wal|-shm)?$`);

function stamp(at: Date): string {
  return at.toISOString().replace(/[-:.]/g, '');
}

function parseStamp(s: string): string {
  // 20261121T081833123Z → 2026-11-21T08:18:33.123Z
  return `${s.slice(0, 4)}-${s.slice(4, 6)}-${s.slice(6, 8)}T${s.slice(9, 11)}:${s.slice(11, 13)}:${s.slice(13, 15)}.${s.slice(15, 18)}Z`;
}

/**
 * An online, consistent, encrypted copy. The SQLite backup API refuses encrypted sources in SQLite3 Multiple
 * Ciphers, so this uses VACUUM INTO, which writes a compacted copy encrypted with the same key. The copy is written
 * under a temporary name, checked (it opens with the key and passes quick_check), flushed to disk and
 * only then renamed: a listed backup is always a whole one.
 */
export function writeBackup(sqlite: Sqlite, backupsDir: string, kind: BackupKind, at: Date, key: Buffer): BackupEntry {
  ensurePrivateDir(backupsDir);
  let id = `bangfu-${kind}-${stamp(at)}.db`;
  // Two backups in the same millisecond (tests, a double click) get distinct names.
  for (let bump = 1; existsSync(join(backupsDir, id)) || existsSync(join(backupsDir, id + UNFINISHED_SUFFIX)); bump++) {
    id = `bangfu-${kind}-${stamp(new Date(at.getTime() + bump))}.db`;
  }
  const final = join(backupsDir, id);
  const unfinished = final + UNFINISHED_SUFFIX;
  try {
    sqlite.prepare('VACUUM INTO ?').run(unfinished);
    chmodSync(unfinished, FILE_MODE); // the user's only, like the database
    checkDatabaseCopy(unfinished, key, Infinity);
    fsyncFile(unfinished);
    renameSync(unfinished, final);
    fsyncFile(backupsDir);
  } finally {
    for (const suffix of ['', ...SIDE_FILES]) rmSync(unfinished + suffix, { force: true });
  }
  return { id, kind, createdAt: parseStamp(NAME.exec(id)![2]!), bytes: statSync(final).size };
}

export function listBackups(backupsDir: string): BackupEntry[] {
  if (!existsSync(backupsDir)) return [];
  return readdirSync(backupsDir)
    .map((name) => ({ name, match: NAME.exec(name) }))
    .filter((x): x is { name: string; match: RegExpExecArray } => x.match !== null)
    .map(({ name, match }) => ({
      id: name,
      kind: match[1] as BackupKind,
      createdAt: parseStamp(match[2]!),
      bytes: statSync(join(backupsDir, name)).size,
    }))
    .sort((a, b) => b.createdAt.localeCompare(a.createdAt));
}

export function isBackupId(id: string): boolean {
  return NAME.test(id);
}

export function removeBackups(backupsDir: string, ids: string[]): void {
  for (const id of ids) if (isBackupId(id)) unlinkSync(join(backupsDir, id));
}

/** Removes the copies of backups cut short by a kill or a power cut (they were never listed). Called at start. */
export function removeUnfinishedBackups(backupsDir: string): string[] {
  if (!existsSync(backupsDir)) return [];
  const leftovers = readdirSync(backupsDir).filter((name) => UNFINISHED.test(name));
  for (const name of leftovers) rmSync(join(backupsDir, name), { force: true });
  return leftovers;
}
