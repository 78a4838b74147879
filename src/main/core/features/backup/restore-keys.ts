import type { AuditSummary } from '@shared/audit-events';
import type { CallContext } from '../../context';
import { openDatabase } from '../../db/client';
import { applyMigrations, pendingMigrations } from '../../db/migrate';
import { fsyncFile } from '../../fs-atomic';
import { carryOrgKeys, type OrgKeyRow } from '../../keys/carry-keys';
import { carryCounters, type CounterRows } from './carry-counters';
import { carryExchange, type ExchangeRows } from './carry-exchange';
import { appendAudit } from '../audit/audit.repo';

/** What a restore carries from the database it replaces into the restored one. */
export interface Carried {
  keys: OrgKeyRow[];
  counters: CounterRows;
  exchange: ExchangeRows;
}

/**
 * Readies the staged copy of a restore before it is renamed in (db/replace.ts): migrated to this program's schema
 * and given the replaced database's keys (keys/carry-keys.ts), counter high-water marks (carry-counters.ts: a
 * serial or file number printed before the restore is never given again) and the batches it sent (carry-exchange.ts:
 * the next batch follows them, and is a full one when the backup lacked any), with audit entries, in the staged file
 * itself. The rename is then the one moment the restore happens: a kill before it leaves the old database (keys
 * and all), a kill after it a restored database that already holds them. Had the keys been carried after the rename, a kill
 * between the two would leave a restored database without them, and the next start would make a new key, under
 * which every voucher printed so far reads as forged.
 *
 * The staged copy is migrated here rather than at the reopen, so the start after the rename finds nothing to do; the
 * backup it came from is still in the backups folder (or with the clerk, for a file), so no pre-migration copy is
 * taken of it.
 */
export function readyStagedCopy(ctx: CallContext, staged: string, carried: Carried, actor: 'signed-in' | null): void {
  const core = ctx.core;
  const { sqlite } = openDatabase(staged, core.key!);
  try {
    applyMigrations(sqlite, pendingMigrations(sqlite, core.migrations));
    sqlite
      .transaction(() => {
        const at = ctx.now();
        const org = sqlite.prepare('SELECT id FROM org WHERE deleted_at IS NULL LIMIT 1').pluck().get() as string | undefined;
        const user = actor === 'signed-in' ? ctx.user : null;
        const audit = (summary: AuditSummary) =>
          appendAudit(sqlite, {
            at,
            userId: user?.id ?? null,
            userName: user?.username ?? null,
            action: ctx.channel,
            recordType: 'org',
            recordId: org ?? null,
            summary: JSON.stringify(summary),
          });
        const counts = carryOrgKeys(sqlite, carried.keys, at);
        // Counts only: key ids, public keys and fingerprints stay out of the log like the private keys.
        if (counts.added + counts.updated + counts.retired > 0) audit({ event: 'org.keysCarried', params: { ...counts } });
        const raised = carryCounters(sqlite, carried.counters);
        if (raised > 0) audit({ event: 'backup.countersCarried', params: { raised } });
        const exchange = carryExchange(sqlite, carried.exchange, at, user?.id ?? null);
        // batches > 0 makes a full batch due: one entry says both.
        if (exchange.snapshotDue) audit({ event: 'backup.exchangeCarried', params: { batches: exchange.batches } });
        if (exchange.alarms > 0) audit({ event: 'backup.alarmsCarried', params: { alarms: exchange.alarms } });
        if (exchange.withdrawnCards > 0) audit({ event: 'backup.withdrawalsCarried', params: { cards: exchange.withdrawnCards } });
      })
      .immediate();
    // Everything into the main file before it is renamed: the rename moves bangfu.db.restoring, not its WAL.
    sqlite.pragma('wal_checkpoint(TRUNCATE)');
  } finally {
    sqlite.close();
  }
  fsyncFile(staged);
}
