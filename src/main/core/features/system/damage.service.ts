import { join } from 'node:path';
import type { ChannelOutput } from '@shared/contract';
import { AppError } from '@shared/errors';
import type { CallContext, CoreState } from '../../context';
import { listBackups } from '../../db/backup';
import { recordKeyCheck } from '../../db/health';
import { setDamagedAside, stageReplacement, swapInReplacement } from '../../db/replace';
import { readOrgKeysOfFile } from '../../keys/carry-keys';
import { backupPath, checkBackupFile, reopenRestored } from '../backup/backup.service';
import { readCountersOfFile } from '../backup/carry-counters';
import { readExchangeOfFile } from '../backup/carry-exchange';
import { readyStagedCopy } from '../backup/restore-keys';

/*
 * The 'damaged' state (db/start.ts decides it): nobody can sign in, so its screen asks the core directly which
 * backup would bring the office back, and puts it in place. Both channels answer only in that state (router.ts).
 */

/** What the damaged screen shows: the newest backup that opens with this key and passes its check, if any. */
export function damageReport(ctx: CallContext): ChannelOutput<'system.damage'> {
  const core = ctx.core;
  const backup = newestUsableBackup(core);
  return { damage: core.damage ?? 'damaged', backup: backup ? { id: backup.id, kind: backup.kind, createdAt: backup.createdAt } : null };
}

function newestUsableBackup(core: CoreState) {
  return listBackups(core.paths.backupsDir).find((backup) => {
    try {
      checkBackupFile(core, join(core.paths.backupsDir, backup.id));
      return true;
    } catch {
      core.logger.info('db.damaged.backupUnusable', { kind: backup.kind });
      return false;
    }
  });
}

/**
 * Puts a checked backup in place of the damaged database: copied under a temporary name, flushed and checked, the
 * damaged file renamed aside (kept, still encrypted), the copy renamed in. The restore is audited in the restored
 * database, with no actor (nobody could sign in). What was entered after the backup must be entered again; the
 * organisation's keys, counters and sent batches are carried from the damaged file as far as it still reads
 * (backup/restore-keys.ts).
 */
export function restoreAfterDamage(ctx: CallContext, backupId: string): ChannelOutput<'system.restoreDamaged'> {
  const core = ctx.core;
  if (core.state !== 'damaged') throw new AppError('ALREADY_SET_UP');
  const source = backupPath(core, backupId);
  const carried = {
    keys: readOrgKeysOfFile(core.paths.database, core.key!),
    counters: readCountersOfFile(core.paths.database, core.key!),
    exchange: readExchangeOfFile(core.paths.database, core.key!),
  };
  const restored = stageReplacement(core.paths, source, (staged) => {
    const facts = checkBackupFile(core, staged);
    readyStagedCopy(ctx, staged, carried, null);
    return facts;
  });
  const keptAs = setDamagedAside(core.paths, ctx.clock.now());
  swapInReplacement(core.paths);
  const record = {
    recordType: 'backup',
    recordId: backupId,
    event: 'backup.restored',
    params: { keptAs: keptAs ?? '-', after: 'damage' },
  } as const;
  reopenRestored(ctx, record, null);
  core.damage = null;
  recordKeyCheck(core.paths.keyCheckFile, core.key!);
  core.logger.info('db.damaged.restored', { keptAside: keptAs !== null });
  return { restored, keptAs };
}
