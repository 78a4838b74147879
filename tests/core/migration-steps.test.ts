import { describe, expect, it } from 'vitest';
import { openDatabase, schemaVersion, type Sqlite } from '../../src/main/core/db/client';
import { applyMigrations, loadMigrations, type Migration } from '../../src/main/core/db/migrate';
import { newDatabaseKey } from '../../src/main/core/keys/key-file';
import { RESOURCES_DIR, tempDir } from './support/core';
import { seedRows } from './support/migration-rows';

/**
 * Every migration from the version before it (docs/architecture.md §4): a real encrypted database at version N − 1
 * with representative rows of whatever exists then migrates to N; every row keeps its values in the columns it had,
 * no index or trigger goes missing unless the migration drops it, and integrity_check and foreign_key_check are clean.
 * Migrations that change a table's values on purpose are listed in CHANGES (with their own tests in
 * migrations.test.ts); for those tables every row must still be there (by rowid), values aside.
 */
const migrations = loadMigrations(`${RESOURCES_DIR}/migrations`);
const CHANGES = new Map([
  ['0007_change_log_record_ref', ['change_log']], // members' entries: UUID text → ref
  ['0008_compact_member_timestamps', ['members']], // updated_at: ISO text → milliseconds
  ['0011_file_review_dates', ['hardship_files', 'change_log']], // reviewed_on filled: the file's rev rises, logged
]);
/** Tables a migration rebuilds in another shape (columns renamed or replaced), with a test of their own. */
const RESHAPED = new Map([
  ['0032_compare_compact', ['compare_lists', 'compare_rows']], // lists by integer ref: compare-migration.test.ts
]);

type Row = Record<string, unknown>;

/** Every ordinary table's rows in the given columns (all of them by default), in a stable order; blobs as hex. */
function rowsOf(sqlite: Sqlite, columnsOf: Map<string, string[]> = columnMap(sqlite)): Map<string, string[]> {
  const rows = new Map<string, string[]>();
  for (const [table, columns] of columnsOf) {
    const list = sqlite.prepare(`SELECT ${columns.map((c) => `"${c}"`).join(', ')} FROM "${table}"`).all() as Row[];
    const text = (row: Row) => JSON.stringify(row, (_, v: unknown) => (isBuffer(v) ? `x'${Buffer.from(v.data).toString('hex')}'` : v));
    rows.set(table, list.map(text).sort());
  }
  return rows;
}

function isBuffer(v: unknown): v is { type: 'Buffer'; data: number[] } {
  return typeof v === 'object' && v !== null && (v as { type?: unknown }).type === 'Buffer';
}

function columnMap(sqlite: Sqlite): Map<string, string[]> {
  const tables = sqlite
    .prepare("SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND sql NOT LIKE 'CREATE VIRTUAL%'")
    .pluck()
    .all() as string[];
  return new Map(tables.map((t) => [t, (sqlite.pragma(`table_info("${t}")`) as { name: string }[]).map((c) => c.name)]));
}

function rowids(sqlite: Sqlite, table: string): number[] {
  return sqlite.prepare(`SELECT rowid FROM "${table}"`).pluck().all() as number[];
}

function schemaObjects(sqlite: Sqlite): Map<string, string> {
  const list = sqlite.prepare("SELECT name, sql FROM sqlite_schema WHERE type IN ('index', 'trigger') AND sql IS NOT NULL").all() as {
    name: string;
    sql: string;
  }[];
  return new Map(list.map((o) => [o.name, o.sql]));
}

function dropped(migration: Migration): string[] {
  return migration.statements.flatMap((s) => [...s.matchAll(/DROP (?:INDEX|TRIGGER) `([^`]+)`/g)].map((m) => m[1]!));
}

function databaseAt(version: number): Sqlite {
  const { sqlite } = openDatabase(`${tempDir()}/bangfu.db`, newDatabaseKey());
  applyMigrations(sqlite, migrations.slice(0, version));
  expect(schemaVersion(sqlite)).toBe(version);
  return sqlite;
}

describe('each migration from the version before it', () => {
  it('0000 from an empty database', () => {
    const sqlite = databaseAt(0);
    applyMigrations(sqlite, migrations.slice(0, 1));
    seedRows(sqlite, 1);
    expect(sqlite.pragma('integrity_check', { simple: true })).toBe('ok');
    expect(sqlite.pragma('foreign_key_check')).toEqual([]);
  });

  it.each(migrations.slice(1).map((m) => [m.tag, m] as const))('%s keeps the rows and schema of the version before', (tag, migration) => {
    const sqlite = databaseAt(migration.index);
    seedRows(sqlite, migration.index);
    const columnsBefore = columnMap(sqlite);
    const rowsBefore = rowsOf(sqlite, columnsBefore);
    const objectsBefore = schemaObjects(sqlite);
    const rowidsBefore = new Map((CHANGES.get(tag) ?? []).map((t) => [t, rowids(sqlite, t)]));

    applyMigrations(sqlite, [migration]);
    expect(schemaVersion(sqlite)).toBe(migration.index + 1);

    const reshaped = RESHAPED.get(tag) ?? [];
    const rowsAfter = rowsOf(sqlite, new Map([...columnsBefore].filter(([table]) => !reshaped.includes(table))));
    for (const [table, rows] of rowsBefore) {
      if (reshaped.includes(table)) continue;
      if (CHANGES.get(tag)?.includes(table)) expect(rowids(sqlite, table), table).toEqual(expect.arrayContaining(rowidsBefore.get(table)!));
      else expect(rowsAfter.get(table), table).toEqual(rows);
    }
    expect(rowsBefore.get('users')).toHaveLength(1); // the seed really ran
    const objectsAfter = schemaObjects(sqlite);
    for (const name of objectsBefore.keys()) if (!dropped(migration).includes(name)) expect(objectsAfter.has(name), name).toBe(true);
    expect(sqlite.pragma('integrity_check', { simple: true })).toBe('ok');
    expect(sqlite.pragma('foreign_key_check')).toEqual([]);
    // The name search finds members written while it existed (0003 did not index the members before it: a
    // version-3 database was never shipped).
    if (objectsBefore.has('members_grams_insert')) {
      expect(sqlite.prepare("SELECT rowid FROM members_grams WHERE members_grams MATCH '雄信'").pluck().all()).toEqual([1]);
    }
  });
});
