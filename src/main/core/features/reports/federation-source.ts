import type { Sqlite } from '../../db/client';

/**
 * A federation's reports (docs/domain.md "Reports", docs/architecture.md "Reports in federation mode"): the same
 * builders (SHEET_BUILDERS, DRILL_HANDLERS) run on its centres' records as the batches carried them. For one call, the
 * tables the builders read are filled as TEMP tables of the same names from exchange_records of the chosen centres:
 * SQLite resolves a name without a schema to temp before main, so every builder, the files' states (file-states.ts)
 * included, reads the centres' records without a line of its SQL changed or copied. The TEMP tables are dropped when
 * the call ends (they live on the core's one connection, inside the call's read transaction; no other call runs in
 * between, the core being synchronous). A federation keeps no files or payments of its own, so nothing is hidden.
 *
 * The shadows take the main tables' columns (CREATE … AS SELECT * … WHERE 0), so a column added to a main table is in
 * its shadow too, filled from the record's field of the same name (docs/exchange-format.md "Records by table": fields
 * are the columns by their SQL names; the five sync columns come from exchange_records' own). A column that does not
 * travel (members' refs, hardship_files' member_key) stays null: no builder reads one. The main tables' indexes are
 * made again on the shadows (not unique: two centres' numbers may meet), so the builders' INDEXED BY still finds them.
 */

/** Each shadowed table: where its rows come from (a table of records, or an array inside the file's record). */
const SHADOWS: { table: string; from: 'record' | { fileArray: string } }[] = [
  { table: 'hardship_files', from: 'record' },
  { table: 'file_events', from: { fileArray: 'events' } },
  { table: 'file_household', from: { fileArray: 'household' } },
  { table: 'aid_programs', from: 'record' },
  { table: 'aid_payments', from: 'record' },
];

/** The columns exchange_records holds apart from `fields` (docs/exchange-format.md, the five outside it). */
const SYNC_COLUMNS: Record<string, string> = {
  id: 'r.id',
  origin: 'r.origin',
  rev: 'r.rev',
  updated_at: 'r.updated_at',
  deleted_at: 'r.deleted_at',
};

/** The centre each shadowed file and payment came from, for the drill-down's lists (TEMP, dropped with the rest). */
export const CENTRE_OF = 'temp.report_centre_of';

const jsonPath = (column: string) => `'$."${column.replace(/"/g, '""').replace(/'/g, "''")}"'`;

function columnsOf(sqlite: Sqlite, table: string): string[] {
  return (sqlite.prepare(`SELECT name FROM pragma_table_info(?, 'main')`).pluck().all(table) as string[]).filter(Boolean);
}

function dropShadows(sqlite: Sqlite): void {
  for (const { table } of SHADOWS) sqlite.prepare(`DROP TABLE IF EXISTS temp.${table}`).run();
  sqlite.prepare(`DROP TABLE IF EXISTS ${CENTRE_OF}`).run();
}

function fillShadow(sqlite: Sqlite, shadow: (typeof SHADOWS)[number], centres: string): void {
  const { table, from } = shadow;
  const columns = columnsOf(sqlite, table);
  sqlite.prepare(`CREATE TEMP TABLE ${table} AS SELECT * FROM main.${table} WHERE 0`).run();
  const onlyCentres = `r.centre_code IN (SELECT value FROM json_each(@centres))`;
  if (from === 'record') {
    const values = columns.map((c) => SYNC_COLUMNS[c] ?? `json_extract(r.fields, ${jsonPath(c)})`);
    sqlite
      .prepare(
        `INSERT INTO temp.${table} (${columns.map((c) => `"${c}"`).join(', ')})
         SELECT ${values.join(', ')} FROM exchange_records r WHERE r.table_name = '${table}' AND ${onlyCentres}`,
      )
      .run({ centres });
  } else {
    // A file's part travels inside the file's record, each row without file_id (the file's id is the record's).
    const values = columns.map((c) => (c === 'file_id' ? 'r.id' : `json_extract(part.value, ${jsonPath(c)})`));
    sqlite
      .prepare(
        `INSERT INTO temp.${table} (${columns.map((c) => `"${c}"`).join(', ')})
         SELECT ${values.join(', ')} FROM exchange_records r, json_each(r.fields, '$.${from.fileArray}') part
         WHERE r.table_name = 'hardship_files' AND ${onlyCentres}`,
      )
      .run({ centres });
  }
  const indexes = sqlite
    .prepare(`SELECT sql FROM main.sqlite_master WHERE type = 'index' AND tbl_name = ? AND sql IS NOT NULL`)
    .pluck()
    .all(table) as string[];
  for (const sql of indexes) sqlite.prepare(sql.replace(/^CREATE\s+(UNIQUE\s+)?INDEX\s+(IF NOT EXISTS\s+)?/i, 'CREATE INDEX temp.')).run();
}

/**
 * Runs `run` with the builders' tables holding the records of `centres` (credit codes) as the federation last received
 * them, tombstones included (the builders leave deleted rows out as they do at a centre). Always drops the shadows.
 */
export function withCentreRecords<T>(sqlite: Sqlite, centres: readonly string[], run: () => T): T {
  const codes = JSON.stringify(centres);
  dropShadows(sqlite);
  try {
    for (const shadow of SHADOWS) fillShadow(sqlite, shadow, codes);
    sqlite
      .prepare(
        `CREATE TEMP TABLE report_centre_of AS SELECT r.id AS id, r.centre_code AS centre_code FROM exchange_records r
         WHERE r.table_name IN ('hardship_files', 'aid_payments') AND r.centre_code IN (SELECT value FROM json_each(@centres))`,
      )
      .run({ centres: codes });
    sqlite.prepare(`CREATE INDEX temp.report_centre_of_id ON report_centre_of (id)`).run();
    return run();
  } finally {
    dropShadows(sqlite);
  }
}

/** The centre codes of record ids shadowed in this call (files and payments). */
export function centresOf(sqlite: Sqlite, ids: readonly string[]): Map<string, string> {
  if (ids.length === 0) return new Map();
  const rows = sqlite
    .prepare(`SELECT id, centre_code AS code FROM ${CENTRE_OF} WHERE id IN (SELECT value FROM json_each(?))`)
    .all(JSON.stringify(ids)) as { id: string; code: string }[];
  return new Map(rows.map((r) => [r.id, r.code]));
}
