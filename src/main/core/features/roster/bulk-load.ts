import type { Sqlite } from '../../db/client';

/**
 * Loading many members at once. Kept up to date row by row, the members' secondary indexes cost about 35 µs a row
 * (random B-tree inserts), and the name index's and change log's triggers another 15 µs; built once at the end
 * they cost about 5 µs and 2 µs, and the indexes come out packed (about 15 bytes per member smaller). So a big
 * import, inside its own transaction, drops them, inserts, and builds them again from the SQL that created them
 * (read from the schema, so a later migration's index is handled too), and does the triggers' work in one
 * statement each. Being in the transaction, a rollback, a cancel or a crash leaves the schema exactly as it was.
 *
 * Kept throughout: the UNIQUE constraint on id, and members_id_number when the roster already had members (the
 * import looks each row up by it; into an empty roster it does not, and the rebuilt unique index still refuses a
 * duplicate). While the indexes are down, searches on this connection (during the import) scan; other connections
 * see the committed schema.
 */

/** Above this many new rows (and a fifth of the roster), rebuilding beats keeping the indexes up to date. */
const MIN_BULK_ROWS = 1_000;
const ID_NUMBER_INDEX = 'members_id_number';

export function worthSuspending(insertedSoFar: number, membersBefore: number): boolean {
  return insertedSoFar >= Math.max(MIN_BULK_ROWS, membersBefore / 5);
}

export function countMembers(sqlite: Sqlite): number {
  return sqlite.prepare('SELECT count(*) FROM members').pluck().get() as number;
}

export interface SuspendedIndexes {
  /** Builds each index again; `between` runs after each (the job yields there). */
  restore(between: () => Promise<void>): Promise<void>;
}

/**
 * The per-row insert triggers a bulk load stands in for: each one's statement as its migration wrote it, and the
 * same work for every row added after `lastRef`, in one statement. If a migration ever changes a trigger, its text
 * no longer matches and the import goes row by row (slower, never wrong) until this list is updated.
 */
const REPLAYED_TRIGGERS: { name: string; statement: string; replay: (sqlite: Sqlite, lastRef: number) => void }[] = [
  {
    name: 'members_grams_insert',
    statement: 'INSERT INTO members_grams (rowid, grams) VALUES (NEW.ref, bangfu_grams(NEW.name))',
    replay: (sqlite, lastRef) =>
      sqlite
        .prepare('INSERT INTO members_grams (rowid, grams) SELECT ref, bangfu_grams(name) FROM members WHERE ref > ? ORDER BY ref')
        .run(lastRef),
  },
  {
    name: 'members_sync_insert',
    statement: "INSERT INTO change_log (table_name, record_ref, op, rev) VALUES ('members', NEW.ref, 'insert', NEW.rev)",
    replay: logInsertedRun,
  },
];

/**
 * The change log's entry for the bulk's new members: one entry for their run of refs (record_count), 30 bytes a
 * member less than one each. Rowids are max + 1 and members are never deleted, so the new refs are a run; checked,
 * not trusted: otherwise one entry per member, as the trigger would have written.
 */
function logInsertedRun(sqlite: Sqlite, lastRef: number): void {
  const run = sqlite
    .prepare('SELECT min(ref) AS first, max(ref) AS last, count(*) AS count, max(rev) AS rev FROM members WHERE ref > ?')
    .get(lastRef) as { first: number | null; last: number; count: number; rev: number };
  if (run.count === 0) return;
  if (run.count === run.last - run.first! + 1 && run.rev === 1) {
    sqlite
      .prepare("INSERT INTO change_log (table_name, record_ref, record_count, op, rev) VALUES ('members', ?, ?, 'insert', 1)")
      .run(run.first, run.count);
  } else {
    sqlite
      .prepare(
        "INSERT INTO change_log (table_name, record_ref, op, rev) SELECT 'members', ref, 'insert', rev FROM members WHERE ref > ? ORDER BY ref",
      )
      .run(lastRef);
  }
}

/** Undefined when a trigger is not the one this module knows how to replay (then the import goes row by row). */
export function suspendMemberIndexes(sqlite: Sqlite, options: { keepIdNumberIndex: boolean }): SuspendedIndexes | undefined {
  const triggerSql = sqlite.prepare("SELECT sql FROM sqlite_schema WHERE type = 'trigger' AND name = ?").pluck();
  const triggers = REPLAYED_TRIGGERS.map((t) => ({ ...t, sql: triggerSql.get(t.name) as string | undefined }));
  if (triggers.some((t) => !t.sql?.includes(t.statement))) return undefined;
  const indexes = sqlite
    .prepare("SELECT name, sql FROM sqlite_schema WHERE type = 'index' AND tbl_name = 'members' AND sql IS NOT NULL AND name <> ?")
    .all(options.keepIdNumberIndex ? ID_NUMBER_INDEX : '') as { name: string; sql: string }[];
  const lastRef = (sqlite.prepare('SELECT max(ref) FROM members').pluck().get() as number | null) ?? 0;
  for (const index of indexes) sqlite.exec(`DROP INDEX "${index.name}"`);
  for (const trigger of triggers) sqlite.exec(`DROP TRIGGER "${trigger.name}"`);
  return {
    async restore(between) {
      for (const trigger of triggers) {
        trigger.replay(sqlite, lastRef);
        sqlite.exec(trigger.sql!);
        await between();
      }
      for (const index of indexes) {
        sqlite.exec(index.sql);
        await between();
      }
      // Filled in random order, a kept index is a third empty space: rebuilt, it is packed.
      if (options.keepIdNumberIndex) sqlite.exec(`REINDEX "${ID_NUMBER_INDEX}"`);
    },
  };
}
