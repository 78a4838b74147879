import type { Sqlite } from '../../db/client';

/**
 * A snapshot is all a centre holds (docs/exchange-format.md, the manifest's `snapshot`). A centre sends one after
 * its first batch only when it restored a backup that lacked batches already sent (features/backup/carry-exchange.ts):
 * a record the federation holds from that centre and the snapshot does not name was made after the backup and is
 * gone at the centre. It is withdrawn here: a tombstone (deleted_at, withdrawn_in = the snapshot's sequence), never
 * removed, and its people no longer count as in force. A record the snapshot names but refused stays as it was.
 *
 * The records a snapshot names are kept in a TEMP table while it applies (a million ids would not fit in a Set
 * gracefully), created inside the import's transaction so that a refused batch rolls it back too; a centre's first
 * snapshot, with nothing held yet, skips all of it.
 */
export interface SnapshotSeen {
  seen(table: string, id: string): void;
  /** Withdraws what the snapshot did not name and drops the TEMP table; how many records. */
  withdraw(at: string): number;
}

export function trackSnapshot(sqlite: Sqlite, centreCode: string, sequence: number): SnapshotSeen | null {
  if (sqlite.prepare('SELECT 1 FROM exchange_records WHERE centre_code = ? LIMIT 1').get(centreCode) === undefined) return null;
  const drop = () => sqlite.exec('DROP TABLE IF EXISTS temp.import_seen');
  drop();
  sqlite.exec('CREATE TEMP TABLE import_seen (table_name TEXT NOT NULL, id TEXT NOT NULL, PRIMARY KEY (table_name, id)) WITHOUT ROWID');
  const insert = sqlite.prepare('INSERT OR IGNORE INTO temp.import_seen (table_name, id) VALUES (?, ?)');
  return {
    seen: (table, id) => void insert.run(table, id),
    withdraw(at) {
      const withdrawn = sqlite
        .prepare(
          `UPDATE exchange_records SET deleted_at = ?, withdrawn_in = ?
           WHERE centre_code = ? AND deleted_at IS NULL
             AND NOT EXISTS (SELECT 1 FROM temp.import_seen s WHERE s.table_name = exchange_records.table_name AND s.id = exchange_records.id)
           RETURNING table_name AS tableName, id`,
        )
        .all(at, sequence, centreCode) as { tableName: string; id: string }[];
      const inactive = sqlite.prepare('UPDATE exchange_people SET active = 0 WHERE record_table = ? AND record_id = ? AND centre_code = ?');
      for (const record of withdrawn) inactive.run(record.tableName, record.id, centreCode);
      drop();
      return withdrawn.length;
    },
  };
}
