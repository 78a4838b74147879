import type { Sqlite } from '../../db/client';
import { FILE_REPORT_COLUMNS } from '../../db/schema';
import { REPORT_STEP_ACTIONS, stepDays } from './file-states';

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
 * travel (members' refs, hardship_files' member_key) stays null: no builder reads one; the states a file keeps for the
 * reports (migration 0030) are derived as the file is copied, as the centre derives them (KEPT_STATES). The main tables' indexes are
 * made again on the shadows (not unique: two centres' numbers may meet), so the builders' INDEXED BY still finds them.
 */

/**
 * Each shadowed table: where its rows come from (a table of records, or an array inside the file's record, of which
 * `only` keeps the rows the builders read: of a timeline, its report steps, file-states.ts, read by no other builder;
 * a file's submission, visit and notice steps are most of it). The timeline comes before the files: a file's kept
 * states are derived from it as the file is copied.
 */
const SHADOWS: { table: string; from: 'record' | { fileArray: string; only?: string } }[] = [
  { table: 'file_events', from: { fileArray: 'events', only: `json_extract(p.value, '$.action') IN ${REPORT_STEP_ACTIONS}` } },
  { table: 'file_household', from: { fileArray: 'household' } },
  { table: 'hardship_files', from: 'record' },
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

/** The chosen centres' codes and their records' origins (JSON arrays): the records are read by primary key prefix. */
interface Scope {
  centres: string;
  origins: string;
}

/** The origins the centres' org records name (each batch carries one; the index of 0025 holds only org rows). */
function scopeOf(sqlite: Sqlite, centres: readonly string[]): Scope {
  const codes = JSON.stringify(centres);
  const origins = sqlite
    .prepare(
      `SELECT DISTINCT origin FROM exchange_records INDEXED BY exchange_records_centre
       WHERE table_name = 'org' AND centre_code IN (SELECT value FROM json_each(?))`,
    )
    .pluck()
    .all(codes) as string[];
  return { centres: codes, origins: JSON.stringify(origins) };
}

/** The centre each shadowed file and payment came from, for the drill-down's lists (a TEMP view, dropped with the rest). */
export const CENTRE_OF = 'temp.report_centre_of';

const jsonPath = (column: string) => `'$."${column.replace(/"/g, '""').replace(/'/g, "''")}"'`;

function columnsOf(sqlite: Sqlite, table: string): string[] {
  return (sqlite.prepare(`SELECT name FROM pragma_table_info(?, 'main')`).pluck().all(table) as string[]).filter(Boolean);
}

/** A JSON array of texts (codes and UUIDs read from the database) as an SQL list of quoted literals, for a view. */
const sqlList = (json: string) => (JSON.parse(json) as string[]).map((v) => `'${v.replace(/'/g, "''")}'`).join(', ');

function dropShadows(sqlite: Sqlite): void {
  for (const { table } of SHADOWS) sqlite.prepare(`DROP TABLE IF EXISTS temp.${table}`).run();
  sqlite.prepare(`DROP TABLE IF EXISTS ${FILE_RECORDS}`).run();
  sqlite.prepare(`DROP VIEW IF EXISTS ${CENTRE_OF}`).run();
}

/**
 * The indexes the builders name (INDEXED BY) must exist on the shadows, or SQLite refuses the query; no other index is
 * made: a shadow is read a few times in one call, and sorting it into an index costs more than the reads save (the
 * main tables' thirteen indexes of aid_payments took 2 s at 50,000 payments). A builder that names a new index adds
 * it here (tests/core/reports-federation.test.ts runs every builder on shadows and fails on a missing one).
 */
const NAMED_INDEXES: Record<string, string[]> = {
  hardship_files: ['hardship_files_report', 'hardship_files_states', 'hardship_files_prior_since'],
  file_events: ['file_events_report', 'file_events_report_at'],
  file_household: ['file_household_people'],
  aid_payments: ['aid_payments_paid'],
};

/**
 * What a centre's file keeps for the reports (main_cause, entered_on, left_on, left_by, last_step_at, kept_since, prior_*: the
 * triggers of migrations 0030, 0036 and 0039, file-states.ts) does not travel: each centre's database derives it from
 * the draft and the timeline, which do. The shadow's are derived as the file is copied, from its draft and its
 * shadowed timeline (filled first), exactly as those triggers derive them (the office's local day of each step), so
 * the builders read kept states at a federation as they do at a centre; a file without any of those steps keeps only
 * its cause. Of what 0039 keeps beside them, kept_since and prior_since are the latest step's moment: a past day's
 * report then groups the timeline of every file with a step since, as before 0039 (exact, only slower); deriving the
 * prior states took three more passes, a look per file, for every call (bench/reports-federation.bench.ts, 20,000
 * files: 1.55 s against 1.1 s p50, a loaded machine), where a report as of today never reads them. (Until session 15
 * an UPDATE of every copied row wrote them: a second write of each file, some 170 ms of a 1.1 s call.)
 */
const KEPT_STATES: Record<string, string> = {
  main_cause: "json_extract(json_extract(src.j, '$.draft'), '$.mainCause')",
  entered_on: 'steps.entered_on',
  left_on: 'steps.left_on',
  left_by: 'steps.left_by',
  last_step_at: 'steps.last_step_at',
  kept_since: 'steps.last_step_at',
  prior_since: 'steps.last_step_at',
};
const KEPT_STEPS = `LEFT JOIN (
    SELECT file_id, ${stepDays("'localtime'")}, max(at) AS last_step_at
    FROM temp.file_events WHERE action IN ${REPORT_STEP_ACTIONS} GROUP BY file_id
  ) AS steps ON steps.file_id = src.id`;

/** The indexes the builders name, made on the shadows once they are filled (a bulk sort, not a row-by-row insert). */
function indexShadows(sqlite: Sqlite): void {
  for (const names of Object.values(NAMED_INDEXES)) {
    for (const name of names) {
      const sql = sqlite.prepare(`SELECT sql FROM main.sqlite_master WHERE type = 'index' AND name = ?`).pluck().get(name) as string;
      sqlite.prepare(sql.replace(/^CREATE\s+(UNIQUE\s+)?INDEX\s+(IF NOT EXISTS\s+)?/i, 'CREATE INDEX temp.')).run();
    }
  }
}

/**
 * The payments a call can count: those paid within its window's days (every builder and drill reads payments through
 * COUNTED_PAYMENT, aid-window.ts, whose paid_on range is this one), or none (a call that reads files only). A centre's
 * history holds years of payments and a report counts a period of them: the rest are left out of the shadow, where
 * filling it (each payment's fields parsed and copied) was most of a federation's report (bench/reports-federation.bench.ts).
 */
export type ShadowPayments = { paidFrom: string; paidTo: string } | 'none';

/**
 * The scope's records of a table, each with its fields as jsonb (`j`); `and`: a further condition on the record `r`,
 * `indexed`: the index to find them by.
 */
const recordsSql = (table: string, and = '', indexed = '') =>
  `SELECT r.id, r.origin, r.rev, r.updated_at, r.deleted_at, jsonb(r.fields) AS j FROM exchange_records r ${indexed}
   WHERE r.origin IN (SELECT value FROM json_each(@origins)) AND r.table_name = '${table}'
     AND r.centre_code IN (SELECT value FROM json_each(@centres)) ${and}`;

/**
 * The scope's files with their fields as jsonb, for the call's fills: the file's shadow and its parts' (timeline,
 * household) read the same records, and converting each file's fields (its arrays included) three times was a third of
 * those fills. Dropped once they are filled.
 */
const FILE_RECORDS = 'temp.report_file_records';

/**
 * The payments a report can count (COUNTED_PAYMENT: live, paid within the days), found on the payments' order index,
 * which ends with paid_on (migration 0043, written as its partial WHERE says): a payment outside the days is passed
 * over in the index, its row never read. The centre's years of payments are most of its records.
 */
const PAID_WITHIN = [
  'AND r.deleted_at IS NULL AND r.paid_on BETWEEN @paidFrom AND @paidTo',
  'INDEXED BY exchange_records_payment_order',
] as const;

function fillShadow(sqlite: Sqlite, shadow: (typeof SHADOWS)[number], scope: Scope, payments: ShadowPayments | undefined): void {
  const { table, from } = shadow;
  // What a file keeps for the reports does not travel: derived as it is copied (KEPT_STATES), the rest left NULL.
  const files = table === 'hardship_files';
  const columns = columnsOf(sqlite, table).filter((c) => !files || !FILE_REPORT_COLUMNS.includes(c) || Object.hasOwn(KEPT_STATES, c));
  sqlite.prepare(`CREATE TEMP TABLE ${table} AS SELECT * FROM main.${table} WHERE 0`).run();
  const paid = table === 'aid_payments' ? payments : undefined;
  if (paid === 'none') return;
  const params = paid ? { ...scope, ...paid } : scope;
  const list = columns.map((c) => `"${c}"`).join(', ');
  // The records' fields are parsed once each (jsonb in a materialized CTE), not once per column; a payment outside
  // the window is passed over in its index (PAID_WITHIN). The files' are parsed once for the three shadows they fill.
  const records = (name: string) =>
    name === 'hardship_files'
      ? `WITH src AS (SELECT * FROM ${FILE_RECORDS})`
      : `WITH src AS MATERIALIZED (${paid ? recordsSql(name, ...PAID_WITHIN) : recordsSql(name)})`;
  if (from === 'record') {
    const values = columns.map(
      (c) =>
        SYNC_COLUMNS[c]?.replace('r.', 'src.') ??
        (files && Object.hasOwn(KEPT_STATES, c) ? KEPT_STATES[c] : undefined) ??
        `json_extract(src.j, ${jsonPath(c)})`,
    );
    sqlite
      .prepare(`INSERT INTO temp.${table} (${list}) ${records(table)} SELECT ${values.join(', ')} FROM src ${files ? KEPT_STEPS : ''}`)
      .run(params);
  } else {
    // A file's part travels inside the file's record, each row without file_id (the file's id is the record's).
    const values = columns.map((c) => (c === 'file_id' ? 'part.file_id' : `json_extract(part.j, ${jsonPath(c)})`));
    sqlite
      .prepare(
        `INSERT INTO temp.${table} (${list}) ${records('hardship_files')},
         parts AS MATERIALIZED (SELECT src.id AS file_id, jsonb(p.value) AS j FROM src, json_each(src.j, '$.${from.fileArray}') p
           ${from.only ? `WHERE ${from.only}` : ''})
         SELECT ${values.join(', ')} FROM parts part`,
      )
      .run(params);
  }
}

/**
 * Runs `run` with the builders' tables holding the records of `centres` (credit codes) as the federation last received
 * them, tombstones included (the builders leave deleted rows out as they do at a centre), and of the payments those
 * `payments` names (all when not given). Always drops the shadows.
 */
export function withCentreRecords<T>(sqlite: Sqlite, centres: readonly string[], run: () => T, payments?: ShadowPayments): T {
  const scope = scopeOf(sqlite, centres);
  dropShadows(sqlite);
  try {
    sqlite.prepare(`CREATE TABLE ${FILE_RECORDS} AS ${recordsSql('hardship_files')}`).run(scope);
    for (const shadow of SHADOWS) fillShadow(sqlite, shadow, scope, payments);
    sqlite.prepare(`DROP TABLE ${FILE_RECORDS}`).run();
    indexShadows(sqlite);
    // A view, not a table: the drill-down asks for a page's ids, each found by the primary key (origin, table, id).
    // Filling a table with every file's and payment's centre read all their records on every call, drill-down or not
    // (about 240 ms of 1.5–2.3 s at 20,000 files and 50,000 payments, bench/reports-federation.bench.ts's profile).
    sqlite
      .prepare(
        `CREATE TEMP VIEW report_centre_of AS SELECT r.id AS id, r.centre_code AS centre_code FROM main.exchange_records r
         WHERE r.origin IN (${sqlList(scope.origins)}) AND r.table_name IN ('hardship_files', 'aid_payments')
           AND r.centre_code IN (${sqlList(scope.centres)})`,
      )
      .run();
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
