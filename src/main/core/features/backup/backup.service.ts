import { copyFileSync, existsSync, renameSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type { BackupEntry } from '@shared/contract/backup';
import { AppError } from '@shared/errors';
import type { CallContext, CoreState } from '../../context';
import { isBackupId, listBackups, removeBackups, writeBackup } from '../../db/backup';
import { openDatabase, schemaVersion } from '../../db/client';
import { backupAndPrune, openAndMigrate } from '../../db/lifecycle';
import { autoBackupDue, backupsToRemove } from '../../db/retention';
import { inboxFilePath } from '../../files';
import { checkAuditTrailAlongside } from '../audit/audit-check';
import { readOrg } from '../org/org.repo';

export function list(ctx: CallContext): { backups: BackupEntry[]; lastAutoAt: string | null } {
  const backups = listBackups(ctx.core.paths.backupsDir);
  return { backups, lastAutoAt: backups.find((b) => b.kind === 'auto')?.createdAt ?? null };
}

/**
 * "Back up now", as a job of three stages: copy (VACUUM INTO, which cannot run inside a transaction), verify that
 * the copy opens with our key and passes integrity_check, then prune by the retention policy and record it. A
 * cancelled or unverifiable copy is not kept.
 */
export function create(ctx: CallContext): { jobId: string } {
  const core = ctx.core;
  if (core.exclusiveWriter) throw new AppError('BUSY'); // VACUUM INTO cannot run inside the import's transaction
  return ctx.startJob(async (job) => {
    const stages = 3;
    job.progress(0, stages);
    const entry = writeBackup(core.conn!.sqlite, core.paths.backupsDir, 'manual', ctx.clock.now());
    const path = join(core.paths.backupsDir, entry.id);
    try {
      job.progress(1, stages);
      await job.pause();
      job.throwIfCancelled();
      checkDatabaseFile(core, path);
      job.progress(2, stages);
      await job.pause();
      job.throwIfCancelled();
    } catch (error) {
      rmSync(path, { force: true });
      throw error;
    }
    removeBackups(core.paths.backupsDir, backupsToRemove(listBackups(core.paths.backupsDir)));
    ctx.write(() => ctx.audit({ recordType: 'backup', recordId: entry.id, event: 'backup.created' }));
    job.progress(3, stages);
    return entry;
  });
}

/** Takes the daily automatic backup when one is due. Called at start and on a timer. */
export function runAutoBackupIfDue(core: CoreState): BackupEntry | null {
  if (core.state !== 'ready' || !core.conn || core.exclusiveWriter) return null;
  if (!autoBackupDue(listBackups(core.paths.backupsDir), core.clock.now())) return null;
  const entry = backupAndPrune(core.conn, core.paths, 'auto', core.clock.now());
  core.logger.info('backup.auto', { bytes: entry.bytes });
  return entry;
}

/**
 * Checks a database file (a backup just written, or a candidate before anything is replaced): it opens with this
 * program's key, passes integrity_check, is not from a newer version, and holds an organisation.
 */
function checkDatabaseFile(core: CoreState, path: string): { createdAt: string } {
  let candidate;
  try {
    candidate = openDatabase(path, core.key!, { readonly: true });
  } catch (error) {
    throw new AppError('BACKUP_INVALID', { reason: error instanceof AppError && error.code === 'DB_WRONG_KEY' ? 'key' : 'unreadable' });
  }
  try {
    const integrity = candidate.sqlite.pragma('integrity_check', { simple: true });
    if (integrity !== 'ok') throw new AppError('BACKUP_INVALID', { reason: 'corrupt' });
    if (schemaVersion(candidate.sqlite) > core.migrations.length) throw new AppError('BACKUP_INVALID', { reason: 'too-new' });
    const hasOrg = candidate.sqlite.prepare("SELECT 1 FROM sqlite_schema WHERE name = 'org'").get() && readOrg(candidate.db);
    if (!hasOrg) throw new AppError('BACKUP_INVALID', { reason: 'empty' });
    const last = candidate.sqlite.prepare('SELECT max(at) AS at FROM audit_log').get() as { at: string | null };
    return { createdAt: last.at ?? new Date(0).toISOString() };
  } catch (error) {
    if (error instanceof AppError) throw error;
    throw new AppError('BACKUP_INVALID', { reason: 'corrupt' });
  } finally {
    candidate.sqlite.close();
  }
}

/**
 * Replaces the database with a checked backup. The current database is first kept as a 'pre-restore' backup; the
 * swap is copy-then-rename, so a power cut leaves either the old file or the new one. Everyone signs in again.
 */
export function restore(ctx: CallContext, source: { backupId: string } | { uploadId: string }): { restored: { createdAt: string }; keptAs: BackupEntry } {
  const core = ctx.core;
  if (core.exclusiveWriter) throw new AppError('BUSY');
  const path =
    'backupId' in source ? backupPath(core, source.backupId) : inboxFilePath(core.paths.inboxDir, source.uploadId);
  const restored = checkDatabaseFile(core, path);
  const keptAs = backupAndPrune(core.conn!, core.paths, 'pre-restore', ctx.clock.now());

  const staging = `${core.paths.database}.restoring`;
  copyFileSync(path, staging);
  core.conn!.sqlite.close();
  core.conn = null;
  for (const suffix of ['-wal', '-shm']) rmSync(`${core.paths.database}${suffix}`, { force: true });
  renameSync(staging, core.paths.database);

  const opened = openAndMigrate(core.paths, core.migrations, core.key!, core.clock, core.logger);
  core.conn = opened.conn;
  core.state = opened.state;
  ctx.write(() => ctx.audit({ recordType: 'backup', recordId: keptAs.id, event: 'backup.restored', params: { keptAs: keptAs.id } }));
  // An older log is what a restore means: the anchor follows it (the chain and triggers are still checked).
  checkAuditTrailAlongside(core, 'restore');
  core.sessions.clear();
  core.emit({ type: 'session.changed' });
  return { restored, keptAs };
}

function backupPath(core: CoreState, backupId: string): string {
  const path = join(core.paths.backupsDir, backupId);
  if (!isBackupId(backupId) || !existsSync(path)) throw new AppError('FILE_NOT_FOUND');
  return path;
}
