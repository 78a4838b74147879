import type { Sqlite } from '../../db/client';

/**
 * A big batch (a centre's first snapshot: a million members and payments) written into tables that hold less than it
 * brings: the secondary indexes of exchange_records and of exchange_people go inside the import's transaction and
 * come back from the schema's own SQL at its end, one sort per index instead of a B-tree insert per record and index
 * (the federation views' partial expression indexes make that a dozen per payment). As the roster's bulk import does
 * (roster/bulk-load.ts): the drop and the rebuild are in the one transaction, so a crash or a refusal rolls the
 * schema back with the rows, and all-or-nothing still holds.
 */

/**
 * Below `bulkRecords` a batch's records go into the indexes as they come: rebuilding them would cost more. An object,
 * so that the tests (the kill -9 one among them) can take the bulk path with a batch of a few thousand records.
 */
export const importTuning = { bulkRecords: 50_000 };
/** The index the writer deletes a record's people by (record_table, record_id): kept, or every delete scans. */
const KEPT = new Set(['exchange_people_record']);

export interface SuspendedIndexes {
  /** Recreates every index dropped, yielding between them (the job's pause and cancel). */
  restore(between: () => Promise<void>): Promise<void>;
}

/** Rows a table holds, or near it: rowids are never reused here (no row is ever deleted from exchange_records). */
function recordsAbout(sqlite: Sqlite): number {
  return (sqlite.prepare('SELECT max(rowid) FROM exchange_records').pluck().get() as number | null) ?? 0;
}

/**
 * Drops the secondary indexes when the batch is big and the tables are not much bigger than it; undefined when the
 * records are better written into the indexes as they are.
 */
export function suspendIndexesFor(sqlite: Sqlite, batchRecords: number): SuspendedIndexes | undefined {
  if (batchRecords < importTuning.bulkRecords || recordsAbout(sqlite) > batchRecords) return undefined;
  const indexes = (
    sqlite
      .prepare(
        `SELECT name, sql FROM sqlite_schema
         WHERE type = 'index' AND tbl_name IN ('exchange_records', 'exchange_people') AND sql IS NOT NULL ORDER BY name`,
      )
      .all() as { name: string; sql: string }[]
  ).filter((index) => !KEPT.has(index.name));
  for (const index of indexes) sqlite.exec(`DROP INDEX "${index.name}"`);
  return {
    async restore(between) {
      for (const index of indexes) {
        sqlite.exec(index.sql);
        await between();
      }
    },
  };
}
