import type { BatchRecord, BatchWriteEntry } from '../../exchange/format';
import type { Sqlite } from '../../db/client';
import { FILE_REPORT_COLUMNS } from '../../db/schema';
import { SMALL_TABLES, type SmallTable } from './export-set';

/**
 * The batch's entries, read from the export set (export-set.ts) in keyset pages: each page is one `.all()`, and
 * the generator yields between pages. An iterator is never held across an await — a better-sqlite3 statement left
 * open blocks every other statement on the connection — and a page is all that is in memory, however large the
 * roster. Every record goes in its current state (its current rev): the federation keeps the highest rev it has.
 * `fields` is what docs/exchange-format.md "Records by table" says, columns by their SQL names minus what is local.
 */

const PAGE = 5_000;
/** Members and payments, built as lines by SQLite: a page is one blob of UTF-8 (a few MB). */
const LINE_PAGE = 5_000;
/** Files carry their parts (a few KB a line): a smaller page keeps a page's blob near a page of members'. */
const FILE_PAGE = 1_000;
/** Attachments carry their content (up to 10 MB each, then a third more as base64 in the line): a few at a time. */
const ATTACHMENT_PAGE = 4;

const SYNC = ['id', 'origin', 'rev', 'updated_at', 'deleted_at'];
/**
 * A file's columns computed or kept from its parts on this database, which do not travel (the receiver computes its
 * own): member_key, and the main cause, the days on record, the latest step's moment, and when the kept state and the
 * one before it became the timeline's, which the reports read (migrations 0030, 0036, 0039).
 */
const FILE_COLUMNS_KEPT_HERE = ['member_key', ...FILE_REPORT_COLUMNS];
type Row = Record<string, unknown>;

function recordOf(table: string, row: Row, revBase: number, drop: string[] = []): BatchRecord {
  const fields: Row = {};
  for (const [key, value] of Object.entries(row)) if (!SYNC.includes(key) && !drop.includes(key)) fields[key] = value;
  return {
    table,
    id: row.id as string,
    origin: row.origin as string,
    rev: (row.rev as number) + revBase,
    updated_at: row.updated_at as string,
    deleted_at: (row.deleted_at as string | null) ?? null,
    fields,
  };
}

function orgRecord(sqlite: Sqlite, revBase: number): BatchRecord {
  return recordOf('org', sqlite.prepare('SELECT * FROM org WHERE deleted_at IS NULL LIMIT 1').get() as Row, revBase);
}

function unitRows(sqlite: Sqlite, after: string): Row[] {
  return sqlite
    .prepare(
      `SELECT u.*, m.id AS merged_into_id FROM temp.export_ids e JOIN units u ON u.id = e.id
       LEFT JOIN units m ON m.ref = u.merged_into_ref
       WHERE e.table_name = 'units' AND e.id > ? ORDER BY e.id LIMIT ${PAGE}`,
    )
    .all(after) as Row[];
}

/**
 * The fields of `table` as a SQL `json_object(…)` over alias `x`: its columns in table order minus `drop`, then
 * `extra` (name → SQL expression). SQLite writes text and integers as they are held, and a column holding JSON text
 * stays a JSON string (a plain column read carries no JSON subtype), as docs/exchange-format.md says.
 */
function fieldsSql(sqlite: Sqlite, table: string, drop: string[], extra: [string, string][], alias = 'x', sync = SYNC): string {
  const columns = (sqlite.pragma(`table_info(${table})`) as { name: string; type: string }[]).filter(
    (c) => !sync.includes(c.name) && !drop.includes(c.name),
  );
  // json_object refuses a blob: a travelling table with one needs its own encoding, decided when it is added.
  const blob = columns.find((c) => c.type.toUpperCase() === 'BLOB');
  if (blob) throw new Error(`${table}.${blob.name} is a blob: the export has no JSON form for it`);
  const pairs = [...columns.map((c) => [c.name, `${alias}."${c.name}"`] as const), ...extra];
  return `json_object(${pairs.map(([name, expr]) => `'${name}', ${expr}`).join(', ')})`;
}

/** A record line: the five sync values as SQL expressions that yield JSON text (the rev raised by `revBase`), then the fields. */
function lineSql(table: string, id: string, origin: string, updated: string, fields: string, revBase: number): string {
  return `'{"kind":"record","table":"${table}","id":' || ${id} || ',"origin":' || ${origin} || ',"rev":' || (x.rev + ${revBase}) ||
    ',"updated_at":' || ${updated} || ',"deleted_at":' || json_quote(x.deleted_at) || ',"fields":' || ${fields} || '}' || char(10)`;
}

/**
 * A page of members as their record lines, built by SQLite in one string: per record this costs far less there than
 * an object and JSON.stringify in JavaScript, and the roster is the bulk of a batch. The text UUID and the ISO
 * instant are made there too (as the change-log trigger makes the UUID).
 */
function memberPageSql(sqlite: Sqlite, page: number, revBase: number): string {
  const fields = fieldsSql(
    sqlite,
    'members',
    ['ref', 'origin_ref', 'unit_ref', 'union_ref', 'name_pinyin', 'name_initials'],
    [
      ['unit_id', 'u.id'],
      ['union_id', 'n.id'],
    ],
  );
  const line = lineSql('members', `'"' || ${UUID_SQL} || '"'`, 'json_quote(o.code)', `'"' || ${ISO_SQL} || '"'`, fields, revBase);
  return `SELECT count(*) AS n, max(ref) AS last, max(rev) AS rev, ${PAGE_BYTES} FROM (
      SELECT e.ref AS ref, x.rev AS rev, ${line} AS line
      FROM temp.export_members e JOIN members x ON x.ref = e.ref
      JOIN origins o ON o.ref = x.origin_ref
      LEFT JOIN units u ON u.ref = x.unit_ref LEFT JOIN units n ON n.ref = x.union_ref
      WHERE e.ref > ? ORDER BY e.ref LIMIT ${page})`;
}

const UUID_SQL = `lower(substr(hex(x.id), 1, 8) || '-' || substr(hex(x.id), 9, 4) || '-' || substr(hex(x.id), 13, 4) || '-' ||
  substr(hex(x.id), 17, 4) || '-' || substr(hex(x.id), 21))`;
// Milliseconds → 2026-03-10T02:00:00.000Z, in integers (no floating-point rounding of the milliseconds).
const ISO_SQL = `strftime('%Y-%m-%dT%H:%M:%S', x.updated_at / 1000, 'unixepoch') || '.' || printf('%03d', x.updated_at % 1000) || 'Z'`;

/** A page of payments as their record lines (as members): `unit_id` (the unit's UUID) instead of `unit_ref`. */
function paymentPageSql(sqlite: Sqlite, page: number, revBase: number): string {
  const fields = fieldsSql(sqlite, 'aid_payments', ['unit_ref'], [['unit_id', 'u.id']]);
  const line = lineSql('aid_payments', 'json_quote(x.id)', 'json_quote(x.origin)', 'json_quote(x.updated_at)', fields, revBase);
  return `SELECT count(*) AS n, max(id) AS last, max(rev) AS rev, ${PAGE_BYTES} FROM (
      SELECT e.id AS id, x.rev AS rev, ${line} AS line
      FROM temp.export_ids e JOIN aid_payments x ON x.id = e.id LEFT JOIN units u ON u.ref = x.unit_ref
      WHERE e.table_name = 'aid_payments' AND e.id > ? ORDER BY e.id LIMIT ${page})`;
}

/**
 * A page of files as their record lines (as members), each with its parts as arrays in `fields` (household, visits,
 * objections, events, attachments without their content, which travels as attachment lines): every column of a
 * part but file_id, in its order. `json()` keeps a part's array JSON (a subquery's result loses json_group_array's
 * JSON subtype, and json_object would write it as a string).
 */
function filePageSql(sqlite: Sqlite, page: number, revBase: number): string {
  const part = (table: string, order: string, drop: string[] = []) =>
    `json((SELECT json_group_array(${fieldsSql(sqlite, table, ['file_id', ...drop], [], 'p', [])} ORDER BY p.${order})
      FROM ${table} p WHERE p.file_id = x.id))`;
  const fields = fieldsSql(sqlite, 'hardship_files', FILE_COLUMNS_KEPT_HERE, [
    ...PARTS.map(([key, table, order]) => [key, part(table, order)] as [string, string]),
    ['attachments', part('file_attachments', 'id', ['content'])],
  ]);
  const line = lineSql('hardship_files', 'json_quote(x.id)', 'json_quote(x.origin)', 'json_quote(x.updated_at)', fields, revBase);
  return `SELECT count(*) AS n, max(id) AS last, max(rev) AS rev, ${PAGE_BYTES} FROM (
      SELECT e.id AS id, x.rev AS rev, ${line} AS line
      FROM temp.export_ids e JOIN hardship_files x ON x.id = e.id
      WHERE e.table_name = 'hardship_files' AND e.id > ? ORDER BY e.id LIMIT ${page})`;
}

/**
 * A page's lines joined, as a blob: better-sqlite3 hands a blob over as a Buffer of SQLite's UTF-8 bytes, where text
 * would be decoded into a JavaScript string only for the writer to encode it back. The subquery's ORDER BY … LIMIT
 * picks the page and `max(key)` is where the next one starts; the lines are joined as the subquery yields them, with
 * no ORDER BY inside group_concat: a batch's lines may come in any order (docs/exchange-format.md), and that sort
 * (the page's lines again, by a text key for payments) took two thirds of a payments page.
 */
const PAGE_BYTES = `CAST(group_concat(line, '') AS BLOB) AS utf8`;

interface LinePage {
  n: number;
  /** The page's highest rev (the record's own, before the base). */
  rev: number | null;
  last: string | number | null;
  utf8: Buffer | null;
}

/** Pages of lines from one of the SQL above, keyset on `last`; `between` runs after each page. */
async function* linePages(
  sqlite: Sqlite,
  table: string,
  [sql, page]: [string, number],
  first: string | number,
  between: () => Promise<void>,
  noteRev: (rev: number) => void,
): AsyncGenerator<BatchWriteEntry> {
  const statement = sqlite.prepare(sql);
  for (let after = first; ;) {
    const { n, rev, last, utf8 } = statement.get(after) as LinePage;
    if (rev !== null) noteRev(rev);
    if (n > 0) yield { kind: 'lines', lines: { table, count: n, utf8: utf8! } };
    await between();
    if (n < page) break;
    after = last!;
  }
}

function smallRows(
  sqlite: Sqlite,
  table: Exclude<SmallTable, 'units' | 'aid_payments' | 'hardship_files'>,
  after: string,
  page: number,
): Row[] {
  return sqlite
    .prepare(
      `SELECT x.* FROM temp.export_ids e JOIN ${table} x ON x.id = e.id
       WHERE e.table_name = ? AND e.id > ? ORDER BY e.id LIMIT ${page}`,
    )
    .all(table, after) as Row[];
}

const PARTS = [
  ['household', 'file_household', 'id'],
  ['visits', 'file_visits', 'id'],
  ['objections', 'file_objections', 'id'],
  ['events', 'file_events', 'seq'],
] as const;

function attachmentRows(sqlite: Sqlite, after: string): Row[] {
  return sqlite
    .prepare(
      `SELECT a.id, a.file_id, a.file_name, a.mime, a.content FROM temp.export_attachments e JOIN file_attachments a ON a.id = e.id
       WHERE e.id > ? ORDER BY e.id LIMIT ${ATTACHMENT_PAGE}`,
    )
    .all(after) as Row[];
}

/** The highest rev a batch's entries carried, base included (exchange_sent.rev_high), filled as they are read. */
export interface RevHigh {
  rev: number;
}

/**
 * Every entry of the set, org first; `between` runs after each page (the job yields and checks for a cancel). Every
 * rev is raised by `revBase` (exchange_restart: 0 until a restore rolled the revs back below what the federation
 * holds); `high` ends at the highest rev written.
 */
export async function* exportEntries(
  sqlite: Sqlite,
  between: () => Promise<void>,
  revBase = 0,
  high: RevHigh = { rev: 0 },
): AsyncGenerator<BatchWriteEntry> {
  // Written into the SQL as a literal: an integer, so nothing else can reach the statement.
  if (!Number.isSafeInteger(revBase) || revBase < 0) throw new Error('revBase must be a non-negative integer');
  const noteRev = (rev: number) => {
    high.rev = Math.max(high.rev, rev + revBase);
  };
  const noted = (record: BatchRecord): BatchWriteEntry => {
    high.rev = Math.max(high.rev, record.rev);
    return { kind: 'record', record };
  };
  yield noted(orgRecord(sqlite, revBase));
  for (let after = ''; ;) {
    const rows = unitRows(sqlite, after);
    for (const row of rows) yield noted(recordOf('units', row, revBase, ['ref', 'name_key', 'merged_into_ref']));
    await between();
    if (rows.length < PAGE) break;
    after = rows[rows.length - 1]!.id as string;
  }
  yield* linePages(sqlite, 'members', [memberPageSql(sqlite, LINE_PAGE, revBase), LINE_PAGE], 0, between, noteRev);
  for (const table of SMALL_TABLES) {
    if (table === 'units') continue;
    if (table === 'aid_payments' || table === 'hardship_files') {
      const page = table === 'hardship_files' ? FILE_PAGE : LINE_PAGE;
      const sql = table === 'hardship_files' ? filePageSql(sqlite, page, revBase) : paymentPageSql(sqlite, page, revBase);
      yield* linePages(sqlite, table, [sql, page], '', between, noteRev);
      continue;
    }
    for (let after = ''; ;) {
      const rows = smallRows(sqlite, table, after, PAGE);
      for (const row of rows) yield noted(recordOf(table, row, revBase));
      await between();
      if (rows.length < PAGE) break;
      after = rows[rows.length - 1]!.id as string;
    }
  }
  for (let after = ''; ;) {
    const rows = attachmentRows(sqlite, after);
    for (const row of rows) {
      const attachment = {
        id: row.id as string,
        table: 'hardship_files',
        record: row.file_id as string,
        name: row.file_name as string,
        mime: row.mime as string,
        data: row.content as Buffer,
      };
      yield { kind: 'attachment', attachment };
    }
    await between();
    if (rows.length < ATTACHMENT_PAGE) break;
    after = rows[rows.length - 1]!.id as string;
  }
}
