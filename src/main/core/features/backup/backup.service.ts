import { existsSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type { FileRef } from '@shared/contract';
import type { BackupEntry } from '@shared/contract/backup';
import { AppError } from '@shared/errors';
import type { AuditRecord, CallContext, CoreState } from '../../context';
import { isBackupId, listBackups, removeBackups, writeBackup } from '../../db/backup';
import { openDatabase, type OpenDatabase } from '../../db/client';
import { openCheckedCopy } from '../../db/health';
import { backupAndPrune, openAndMigrate } from '../../db/lifecycle';
import { stageReplacement, swapInReplacement } from '../../db/replace';
import { autoBackupDue, backupsToRemove } from '../../db/retention';
import { putOutboxFileFrom, readInboxFileSync } from '../../files';
import { checkAuditTrailAlongside } from '../audit/audit-check';
import { lastChangeAt } from '../audit/audit.repo';
import { readOrg } from '../org/org.repo';
import { ensureSigningKeyAtStart } from '../org/signing-key.service';
import { readOrgKeys } from '../../keys/carry-keys';
import { readCounters } from './carry-counters';
import { readExchange } from './carry-exchange';
import { readyStagedCopy } from './restore-keys';

export function list(ctx: CallContext): { backups: BackupEntry[]; lastAutoAt: string | null } {
  const backups = listBackups(ctx.core.paths.backupsDir);
  return { backups, lastAutoAt: backups.find((b) => b.kind === 'auto')?.createdAt ?? null };
}

/**
 * "Back up now", as a job of three stages: copy (VACUUM INTO, which cannot run inside a transaction, to a
 * temporary name, checked with quick_check before it takes its backup name), verify that it is a backup of this
 * office, then prune by the retention policy and record it. A cancelled or unverifiable copy is not kept.
 */
export function create(ctx: CallContext): { jobId: string } {
  const core = ctx.core;
  if (core.exclusiveWriter) throw new AppError('BUSY'); // VACUUM INTO cannot run inside the import's transaction
  return ctx.startJob(async (job) => {
    const stages = 3;
    job.progress(0, stages);
    const entry = writeBackup(core.conn!.sqlite, core.paths.backupsDir, 'manual', ctx.clock.now(), core.key!);
    const path = join(core.paths.backupsDir, entry.id);
    try {
      job.progress(1, stages);
      await job.pause();
      job.throwIfCancelled();
      // writeBackup passed the copy through quick_check before naming it: what is left is whether it is an office's.
      readBackupFacts(openOrInvalid(() => openDatabase(path, core.key!, { readonly: true })));
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
  if (!autoBackupDue(listBackups(core.paths.backupsDir), core.clock.now(), lastChangeAt(core.conn.sqlite))) return null;
  const entry = backupAndPrune(core.conn, core.paths, 'auto', core.clock.now(), core.key!);
  core.logger.info('backup.auto', { bytes: entry.bytes });
  return entry;
}

/**
 * A backup as a file to save elsewhere (backup.copy): byte for byte the backup, so it stays encrypted with the
 * office's key. The name says what it is and when it was taken; the extension lets "restore from file" pick it.
 */
export function copy(ctx: CallContext, backupId: string): FileRef {
  const path = backupPath(ctx.core, backupId);
  const entry = listBackups(ctx.core.paths.backupsDir).find((b) => b.id === backupId)!;
  const name = `bangfu-backup-${entry.createdAt.slice(0, 19).replace(/[-:]/g, '').replace('T', '-')}.db`;
  const ref = putOutboxFileFrom(ctx.core.files, name, 'application/vnd.sqlite3', path);
  ctx.write(() => ctx.audit({ recordType: 'backup', recordId: backupId, event: 'backup.copied' }));
  return ref;
}

const INVALID_BECAUSE: Record<string, string> = { DB_WRONG_KEY: 'key', DB_DAMAGED: 'corrupt', DB_TOO_NEW: 'too-new' };

/**
 * Checks a database file (a backup offered on the damaged screen, a copy before it replaces anything): it opens with
 * this program's key, passes quick_check (db/health.ts), is not from a newer version, and holds an organisation.
 */
export function checkBackupFile(core: CoreState, path: string): { createdAt: string } {
  return readBackupFacts(openOrInvalid(() => openCheckedCopy(path, core.key!, core.migrations.length)));
}

function openOrInvalid(open: () => OpenDatabase): OpenDatabase {
  try {
    return open();
  } catch (error) {
    throw new AppError('BACKUP_INVALID', { reason: (error instanceof AppError && INVALID_BECAUSE[error.code]) || 'unreadable' });
  }
}

/** Whether an open database file holds an organisation, and the time of its last audit entry. Closes it. */
function readBackupFacts(candidate: OpenDatabase): { createdAt: string } {
  try {
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
 * swap is copy, flush, check, ready, rename (db/replace.ts), so a kill or power cut leaves either the old file or the
 * new one. The organisation's keys are not rolled back: the staged copy gets the current database's keys before the
 * rename (restore-keys.ts), so vouchers printed before the restore still verify; so are the serial and file-number
 * counters (carry-counters.ts), so no number printed before it is given again. Everyone signs in again.
 */
export function restore(
  ctx: CallContext,
  source: { backupId: string } | { uploadId: string },
): { restored: { createdAt: string }; keptAs: BackupEntry } {
  const core = ctx.core;
  if (core.exclusiveWriter) throw new AppError('BUSY');
  // An upload is sealed in the inbox (files.ts): it is unsealed straight into the staging file (still a database
  // encrypted with the key) to be checked there; a start removes it if the program dies meanwhile (db/replace.ts).
  const from = 'backupId' in source ? backupPath(core, source.backupId) : readInboxFileSync(core.files, source.uploadId);
  const sqlite = core.conn!.sqlite;
  const carried = { keys: readOrgKeys(sqlite), counters: readCounters(sqlite), exchange: readExchange(sqlite) };
  const restored = stageReplacement(core.paths, from, (staged) => {
    const facts = checkBackupFile(core, staged);
    readyStagedCopy(ctx, staged, carried, 'signed-in');
    return facts;
  });
  const keptAs = backupAndPrune(core.conn!, core.paths, 'pre-restore', ctx.clock.now(), core.key!);

  core.conn!.sqlite.close();
  core.conn = null;
  swapInReplacement(core.paths);
  reopenRestored(ctx, { recordType: 'backup', recordId: keptAs.id, event: 'backup.restored', params: { keptAs: keptAs.id } });
  return { restored, keptAs };
}

/**
 * After a restore's swap (here, and from the damaged screen): opens the restored database, records the restore in
 * its audit log (by `actor`, the signed-in user unless given), and signs everyone out.
 */
export function reopenRestored(ctx: CallContext, record: AuditRecord, actor?: null): void {
  const core = ctx.core;
  const opened = openAndMigrate(core.paths, core.migrations, core.key!, core.clock, core.logger);
  core.conn = opened.conn;
  core.state = opened.state;
  // A backup from before the keys, put in place of a database with none to carry (a damaged one that did not read).
  ensureSigningKeyAtStart(core, 'restore', ctx.channel);
  ctx.write(() => ctx.audit(record, actor));
  // An older log is what a restore means: the anchor follows it (the chain and triggers are still checked).
  checkAuditTrailAlongside(core, 'restore');
  core.sessions.clear();
  core.emit({ type: 'session.changed' });
}

export function backupPath(core: CoreState, backupId: string): string {
  const path = join(core.paths.backupsDir, backupId);
  if (!isBackupId(backupId) || !existsSync(path)) throw new AppError('FILE_NOT_FOUND');
  return path;
}
