import type { Sqlite } from '../../db/client';
import { SMALL_TABLES } from './export-set';

/**
 * What a restore left for the next batch (exchange_restart, written by features/backup/carry-exchange.ts): the base
 * added to every rev a batch carries, and whether the next batch must be a full one (since when). A database that
 * was never restored has no row: base 0, nothing due.
 */
export interface Restart {
  revBase: number;
  snapshotDueSince: string | null;
}

export function readRestart(sqlite: Sqlite): Restart {
  return (
    (sqlite.prepare('SELECT rev_base AS revBase, snapshot_due_since AS snapshotDueSince FROM exchange_restart WHERE id = 1').get() as
      Restart | undefined) ?? { revBase: 0, snapshotDueSince: null }
  );
}

/** The full batch a restore made due has been written: the next ones hold changes again. */
export function clearSnapshotDue(sqlite: Sqlite): void {
  sqlite.prepare('UPDATE exchange_restart SET snapshot_due_since = NULL WHERE id = 1').run();
}

/**
 * The highest rev the export set's records hold now, base included: read after the batch was written, so it is at
 * least what the batch carried (a record changed meanwhile only raises it, and a bound from above is all a later
 * restore needs).
 */
export function revHighOfSet(sqlite: Sqlite, revBase: number): number {
  const parts = [
    'SELECT max(rev) AS r FROM org',
    'SELECT max(x.rev) FROM temp.export_members e JOIN members x ON x.ref = e.ref',
    ...SMALL_TABLES.map(
      (table) => `SELECT max(x.rev) FROM temp.export_ids e JOIN ${table} x ON x.id = e.id WHERE e.table_name = '${table}'`,
    ),
  ];
  const high = sqlite
    .prepare(`SELECT coalesce(max(r), 0) FROM (${parts.join(' UNION ALL ')})`)
    .pluck()
    .get() as number;
  return high + revBase;
}
