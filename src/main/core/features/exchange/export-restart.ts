import type { Sqlite } from '../../db/client';

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
