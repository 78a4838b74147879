import { chmodSync, existsSync, mkdirSync, readdirSync, statSync, unlinkSync } from 'node:fs';
import { join } from 'node:path';
import type { BackupEntry } from '@shared/contract/backup';
import type { Sqlite } from './client';

export type BackupKind = BackupEntry['kind'];

const NAME = /^bangfu-(auto|manual|pre-migration|pre-restore)-(\d{8}T\d{6}\d{3}Z)\.db$/;

function stamp(at: Date): string {
  return at.toISOString().replace(/[-:.]/g, '');
}

function parseStamp(s: string): string {
  // 20261121T081833123Z → 2026-11-21T08:18:33.123Z
  return `${s.slice(0, 4)}-${s.slice(4, 6)}-${s.slice(6, 8)}T${s.slice(9, 11)}:${s.slice(11, 13)}:${s.slice(13, 15)}.${s.slice(15, 18)}Z`;
}

/**
 * An online, consistent, encrypted copy. The SQLite backup API refuses encrypted sources in SQLite3 Multiple
 * Ciphers, so this uses VACUUM INTO, which writes a compacted copy encrypted with the same key.
 */
export function writeBackup(sqlite: Sqlite, backupsDir: string, kind: BackupKind, at: Date): BackupEntry {
  mkdirSync(backupsDir, { recursive: true, mode: 0o700 });
  let id = `bangfu-${kind}-${stamp(at)}.db`;
  // Two backups in the same millisecond (tests, a double click) get distinct names.
  for (let bump = 1; existsSync(join(backupsDir, id)); bump++) {
    id = `bangfu-${kind}-${stamp(new Date(at.getTime() + bump))}.db`;
  }
  sqlite.prepare('VACUUM INTO ?').run(join(backupsDir, id));
  chmodSync(join(backupsDir, id), 0o600); // the user's only, like the database (fs-atomic.ts)
  return { id, kind, createdAt: parseStamp(NAME.exec(id)![2]!), bytes: statSync(join(backupsDir, id)).size };
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
