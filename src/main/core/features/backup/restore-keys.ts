import type { AuditSummary } from '@shared/audit-events';
import type { CallContext } from '../../context';
import { openDatabase } from '../../db/client';
import { applyMigrations, pendingMigrations } from '../../db/migrate';
import { fsyncFile } from '../../fs-atomic';
import { carryOrgKeys, type OrgKeyRow } from '../../keys/carry-keys';
import { appendAudit } from '../audit/audit.repo';

/**
 * Readies the staged copy of a restore before it is renamed in (db/replace.ts): migrated to this program's schema
 * and given the replaced database's keys (keys/carry-keys.ts), with an audit entry, in the staged file itself. The
 * rename is then the one moment the restore happens: a kill before it leaves the old database (keys and all), a
 * kill after it a restored database that already holds them. Had the keys been carried after the rename, a kill
 * between the two would leave a restored database without them, and the next start would make a new key, under
 * which every voucher printed so far reads as forged.
 *
 * The staged copy is migrated here rather than at the reopen, so the start after the rename finds nothing to do; the
 * backup it came from is still in the backups folder (or with the clerk, for a file), so no pre-migration copy is
 * taken of it.
 */
export function readyStagedCopy(ctx: CallContext, staged: string, carried: OrgKeyRow[], actor: 'signed-in' | null): void {
  const core = ctx.core;
  const { sqlite } = openDatabase(staged, core.key!);
  try {
    applyMigrations(sqlite, pendingMigrations(sqlite, core.migrations));
    if (carried.length > 0) {
      sqlite
        .transaction(() => {
          const at = ctx.now();
          const counts = carryOrgKeys(sqlite, carried, at);
          if (counts.added + counts.updated + counts.retired === 0) return; // the backup already had them as they are
          const org = sqlite.prepare('SELECT id FROM org WHERE deleted_at IS NULL LIMIT 1').pluck().get() as string | undefined;
          const user = actor === 'signed-in' ? ctx.user : null;
          appendAudit(sqlite, {
            at,
            userId: user?.id ?? null,
            userName: user?.username ?? null,
            action: ctx.channel,
            recordType: 'org',
            recordId: org ?? null,
            // Counts only: key ids, public keys and fingerprints stay out of the log like the private keys.
            summary: JSON.stringify({ event: 'org.keysCarried', params: { ...counts } } satisfies AuditSummary),
          });
        })
        .immediate();
    }
    // Everything into the main file before it is renamed: the rename moves bangfu.db.restoring, not its WAL.
    sqlite.pragma('wal_checkpoint(TRUNCATE)');
  } finally {
    sqlite.close();
  }
  fsyncFile(staged);
}
