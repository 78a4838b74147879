import type { BatchEntry, BatchRecord } from '../../exchange/format';
import type { Sqlite } from '../../db/client';
import { SMALL_TABLES, type SmallTable } from './export-set';

/**
 * The batch's entries, read from the export set (export-set.ts) in keyset pages: each page is one `.all()`, and
 * the generator yields between pages. An iterator is never held across an await — a better-sqlite3 statement left
 * open blocks every other statement on the connection — and a page is all that is in memory, however large the
 * roster. Every record goes in its current state (its current rev): the federation keeps the highest rev it has.
 * `fields` is what docs/exchange-format.md "Records by table" says, columns by their SQL names minus what is local.
 */

const PAGE = 5_000;
/** Files carry their parts; a smaller page keeps a page's visits and households small. */
const FILE_PAGE = 500;
/** Attachments carry their content (up to 10 MB each, then a third more as base64 in the line): a few at a time. */
const ATTACHMENT_PAGE = 4;

const SYNC = ['id', 'origin', 'rev', 'updated_at', 'deleted_at'];
type Row = Record<string, unknown>;

function recordOf(table: string, row: Row, drop: string[] = []): BatchRecord {
  const fields: Row = {};
  for (const [key, value] of Object.entries(row)) if (!SYNC.includes(key) && !drop.includes(key)) fields[key] = value;
  return {
    table,
    id: row.id as string,
    origin: row.origin as string,
    rev: row.rev as number,
    updated_at: row.updated_at as string,
    deleted_at: (row.deleted_at as string | null) ?? null,
    fields,
  };
}

function orgRecord(sqlite: Sqlite): BatchRecord {
  return recordOf('org', sqlite.prepare('SELECT * FROM org WHERE deleted_at IS NULL LIMIT 1').get() as Row);
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

function memberRows(sqlite: Sqlite, afterRef: number): Row[] {
  return sqlite
    .prepare(
      // The text UUID and the ISO instant are made by SQLite (as the change-log trigger makes the UUID): per row they
      // cost less there than in JavaScript, and the roster is the bulk of a batch.
      `SELECT m.*, ${UUID_SQL} AS id_text, ${ISO_SQL} AS updated_iso, o.code AS origin_code, u.id AS unit_id, n.id AS union_id
       FROM temp.export_members e JOIN members m ON m.ref = e.ref
       JOIN origins o ON o.ref = m.origin_ref
       LEFT JOIN units u ON u.ref = m.unit_ref LEFT JOIN units n ON n.ref = m.union_ref
       WHERE e.ref > ? ORDER BY e.ref LIMIT ${PAGE}`,
    )
    .all(afterRef) as Row[];
}

const UUID_SQL = `lower(substr(hex(m.id), 1, 8) || '-' || substr(hex(m.id), 9, 4) || '-' || substr(hex(m.id), 13, 4) || '-' ||
  substr(hex(m.id), 17, 4) || '-' || substr(hex(m.id), 21))`;
// Milliseconds → 2026-03-10T02:00:00.000Z, in integers (no floating-point rounding of the milliseconds).
const ISO_SQL = `strftime('%Y-%m-%dT%H:%M:%S', m.updated_at / 1000, 'unixepoch') || '.' || printf('%03d', m.updated_at % 1000) || 'Z'`;

function memberRecord(row: Row): BatchRecord {
  // Destructured rather than filtered by name: this runs a million times for a full roster.
  const {
    id: _id,
    ref: _ref,
    origin_ref: _originRef,
    unit_ref: _unitRef,
    union_ref: _unionRef,
    name_pinyin: _pinyin,
    name_initials: _initials,
    updated_at: _updatedAt,
    id_text,
    updated_iso,
    origin_code,
    rev,
    deleted_at,
    ...fields
  } = row;
  return {
    table: 'members',
    id: id_text as string,
    origin: origin_code as string,
    rev: rev as number,
    updated_at: updated_iso as string,
    deleted_at: (deleted_at as string | null) ?? null,
    fields,
  };
}

function smallRows(sqlite: Sqlite, table: Exclude<SmallTable, 'units'>, after: string, page: number): Row[] {
  // aid_payments name their unit by its local ref: the unit's UUID travels instead.
  const unit = table === 'aid_payments' ? ', u.id AS unit_id' : '';
  const join = table === 'aid_payments' ? 'LEFT JOIN units u ON u.ref = x.unit_ref' : '';
  return sqlite
    .prepare(
      `SELECT x.*${unit} FROM temp.export_ids e JOIN ${table} x ON x.id = e.id ${join}
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

/** A page of files with their parts, each part a list of rows without file_id (attachments without content). */
function withParts(sqlite: Sqlite, files: Row[]): Row[] {
  const ids = JSON.stringify(files.map((f) => f.id));
  const byFile = new Map<string, Row>(
    files.map((f) => [f.id as string, { ...f, household: [], visits: [], objections: [], events: [], attachments: [] }]),
  );
  const add = (key: string, rows: Row[]) => {
    for (const { file_id, ...rest } of rows) (byFile.get(file_id as string)![key] as Row[]).push(rest);
  };
  for (const [key, table, order] of PARTS) {
    add(
      key,
      sqlite
        .prepare(`SELECT * FROM ${table} WHERE file_id IN (SELECT value FROM json_each(?)) ORDER BY file_id, ${order}`)
        .all(ids) as Row[],
    );
  }
  // Never `*` here: the content (scans of a few MB) travels as attachment lines, and a page of files may hold hundreds.
  const columns = (sqlite.pragma('table_info(file_attachments)') as { name: string }[])
    .map((c) => c.name)
    .filter((name) => name !== 'content')
    .map((name) => `"${name}"`)
    .join(', ');
  add(
    'attachments',
    sqlite
      .prepare(`SELECT ${columns} FROM file_attachments WHERE file_id IN (SELECT value FROM json_each(?)) ORDER BY file_id, id`)
      .all(ids) as Row[],
  );
  return [...byFile.values()];
}

function attachmentRows(sqlite: Sqlite, after: string): Row[] {
  return sqlite
    .prepare(
      `SELECT a.id, a.file_id, a.file_name, a.mime, a.content FROM temp.export_attachments e JOIN file_attachments a ON a.id = e.id
       WHERE e.id > ? ORDER BY e.id LIMIT ${ATTACHMENT_PAGE}`,
    )
    .all(after) as Row[];
}

/** Every entry of the set, org first; `between` runs after each page (the job yields and checks for a cancel). */
export async function* exportEntries(sqlite: Sqlite, between: () => Promise<void>): AsyncGenerator<BatchEntry> {
  yield { kind: 'record', record: orgRecord(sqlite) };
  for (let after = ''; ;) {
    const rows = unitRows(sqlite, after);
    for (const row of rows) yield { kind: 'record', record: recordOf('units', row, ['ref', 'name_key', 'merged_into_ref']) };
    await between();
    if (rows.length < PAGE) break;
    after = rows[rows.length - 1]!.id as string;
  }
  for (let afterRef = 0; ;) {
    const rows = memberRows(sqlite, afterRef);
    for (const row of rows) yield { kind: 'record', record: memberRecord(row) };
    await between();
    if (rows.length < PAGE) break;
    afterRef = rows[rows.length - 1]!.ref as number;
  }
  for (const table of SMALL_TABLES) {
    if (table === 'units') continue;
    const page = table === 'hardship_files' ? FILE_PAGE : PAGE;
    for (let after = ''; ;) {
      const rows = smallRows(sqlite, table, after, page);
      const records =
        table === 'hardship_files'
          ? withParts(sqlite, rows).map((row) => recordOf(table, row, ['member_key']))
          : rows.map((row) => recordOf(table, row, table === 'aid_payments' ? ['unit_ref'] : []));
      for (const record of records) yield { kind: 'record', record };
      await between();
      if (rows.length < page) break;
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
