import type { Sqlite } from '../../db/client';

/**
 * Which records and attachments the next batch holds, fixed at its start in three TEMP tables of this connection
 * (so the counts the manifest needs are known before the first byte is written, and a record added while the batch
 * streams waits for the next one — its change_log entry is after `through`):
 * - export_members: member refs (the roster's integer keys; a bulk import's entry names a run of refs);
 * - export_ids: (table, id) of the small tables;
 * - export_attachments: the attachments not yet sent.
 * The first batch (a snapshot) takes every travelling record; the next ones the records named by change_log entries
 * in (after, through]. Temp tables live beside the database, not in it: nothing here is written to the office's
 * data, and `dropExportSet` removes them.
 */

/** The travelling tables with text UUID keys, in the order a batch writes them (units before members, …). */
export const SMALL_TABLES = ['units', 'hardship_files', 'aid_programs', 'aid_batches', 'aid_payments'] as const;
export type SmallTable = (typeof SMALL_TABLES)[number];

export interface ExportSet {
  snapshot: boolean;
  after: number;
  through: number;
  /** Records by table, the org's own record included (every batch carries it). */
  counts: Record<string, number>;
  attachments: number;
}

export function createExportSet(sqlite: Sqlite, after: number | null): ExportSet {
  const snapshot = after === null;
  const from = after ?? 0;
  return sqlite.transaction(() => {
    dropExportSet(sqlite);
    sqlite.exec(`
      CREATE TEMP TABLE export_members (ref INTEGER PRIMARY KEY);
      CREATE TEMP TABLE export_ids (table_name TEXT NOT NULL, id TEXT NOT NULL, PRIMARY KEY (table_name, id)) WITHOUT ROWID;
      CREATE TEMP TABLE export_attachments (id TEXT PRIMARY KEY) WITHOUT ROWID;`);
    const through = (sqlite.prepare('SELECT coalesce(max(seq), 0) FROM change_log').pluck().get() as number) || from;
    if (snapshot) {
      sqlite.exec('INSERT INTO temp.export_members (ref) SELECT ref FROM members');
      for (const table of SMALL_TABLES)
        sqlite.prepare(`INSERT INTO temp.export_ids (table_name, id) SELECT ?, id FROM ${table}`).run(table);
    } else {
      fillChanges(sqlite, from, through);
    }
    // Attachments travel once: those not sent yet, of any file. Their files go along (so a photo added without
    // touching its file still reaches the federation with the file's list of attachments).
    sqlite.exec(`INSERT INTO temp.export_attachments (id)
      SELECT a.id FROM file_attachments a WHERE NOT EXISTS (SELECT 1 FROM exchange_sent_attachments s WHERE s.attachment_id = a.id)`);
    sqlite.exec(`INSERT OR IGNORE INTO temp.export_ids (table_name, id)
      SELECT DISTINCT 'hardship_files', a.file_id FROM file_attachments a JOIN temp.export_attachments e ON e.id = a.id`);
    return {
      snapshot,
      after: from,
      through,
      counts: countSet(sqlite),
      attachments: count(sqlite, 'SELECT count(*) FROM temp.export_attachments'),
    };
  })();
}

/** The records named by change_log entries in (after, through]: one entry per record, or a run of member refs. */
function fillChanges(sqlite: Sqlite, after: number, through: number): void {
  sqlite
    .prepare(
      `INSERT OR IGNORE INTO temp.export_members (ref) SELECT record_ref FROM change_log
       WHERE seq > ? AND seq <= ? AND table_name = 'members' AND record_ref IS NOT NULL AND record_count IS NULL`,
    )
    .run(after, through);
  // A bulk import's inserts are one entry each: few rows, each a run of refs taken from the members themselves.
  const runs = sqlite
    .prepare(
      `SELECT record_ref AS first, record_count AS n FROM change_log
       WHERE seq > ? AND seq <= ? AND table_name = 'members' AND record_count IS NOT NULL`,
    )
    .all(after, through) as { first: number; n: number }[];
  const run = sqlite.prepare('INSERT OR IGNORE INTO temp.export_members (ref) SELECT ref FROM members WHERE ref >= ? AND ref < ?');
  for (const { first, n } of runs) run.run(first, first + n);
  // Members logged by their text id (databases from before record_ref).
  sqlite
    .prepare(
      `INSERT OR IGNORE INTO temp.export_members (ref) SELECT m.ref FROM change_log c
       JOIN members m ON m.id = unhex(replace(c.record_id, '-', ''))
       WHERE c.seq > ? AND c.seq <= ? AND c.table_name = 'members' AND c.record_id IS NOT NULL`,
    )
    .run(after, through);
  for (const table of SMALL_TABLES) {
    sqlite
      .prepare(
        `INSERT OR IGNORE INTO temp.export_ids (table_name, id) SELECT ?, record_id FROM change_log
         WHERE seq > ? AND seq <= ? AND table_name = ? AND record_id IS NOT NULL`,
      )
      .run(table, after, through, table);
  }
}

function count(sqlite: Sqlite, sql: string, ...params: unknown[]): number {
  return sqlite
    .prepare(sql)
    .pluck()
    .get(...params) as number;
}

function countSet(sqlite: Sqlite): Record<string, number> {
  const counts: Record<string, number> = { org: 1 };
  const members = count(sqlite, 'SELECT count(*) FROM temp.export_members');
  if (members > 0) counts.members = members;
  for (const table of SMALL_TABLES) {
    const n = count(sqlite, 'SELECT count(*) FROM temp.export_ids WHERE table_name = ?', table);
    if (n > 0) counts[table] = n;
  }
  return counts;
}

export function dropExportSet(sqlite: Sqlite): void {
  sqlite.exec(`
    DROP TABLE IF EXISTS temp.export_members;
    DROP TABLE IF EXISTS temp.export_ids;
    DROP TABLE IF EXISTS temp.export_attachments;`);
}
