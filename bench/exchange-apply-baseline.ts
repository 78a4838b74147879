import type { Sqlite } from '../src/main/core/db/client';
import type { BatchAttachment, BatchRecord } from '../src/main/core/exchange/format';

/**
 * The import's store as it was before migration 0035 (import-store.ts at session 10): a payment's recipient written as
 * an exchange_people row. exchange-apply.bench.ts runs it on the schema it had, as the in-process baseline.
 */

/** A file in force: 在档, or in its annual review (复核中). */
const ACTIVE_FILE_STATUSES = new Set(['active', 'annualReview']);

type ViewColumns = [
  status: string | null,
  category: string | null,
  fileNo: string | null,
  name: string | null,
  idTail: string | null,
  year: number | null,
  enteredAt: string | null,
  type: string | null,
  amountFen: number | null,
];
const NO_VIEW_COLUMNS: ViewColumns = [null, null, null, null, null, null, null, null, null];
const textOrNull = (v: unknown): string | null => (typeof v === 'string' ? v : null);
const integerOrNull = (v: unknown): number | null => (Number.isSafeInteger(v) ? (v as number) : null);
const tail = (v: unknown): string | null => (typeof v === 'string' ? v.slice(-4) : null);

/**
 * The columns the federation's views read (schema/exchange.ts, migration 0025), from the record's parsed fields:
 * the values migration 0025 backfills with json_extract (text kept only as text, integers only as integers).
 */
function viewColumns(record: Pick<BatchRecord, 'table' | 'fields'>): ViewColumns {
  const f = record.fields;
  switch (record.table) {
    case 'hardship_files':
      return [
        textOrNull(f.status),
        textOrNull(f.category),
        textOrNull(f.file_no),
        textOrNull(f.head_name),
        tail(f.head_id_number),
        null,
        null,
        null,
        null,
      ];
    case 'members':
      return [null, null, null, textOrNull(f.name), tail(f.id_number), null, null, null, null];
    case 'aid_payments':
      return [
        textOrNull(f.status),
        null,
        null,
        null,
        null,
        integerOrNull(f.year),
        textOrNull(f.entered_at),
        textOrNull(f.type),
        integerOrNull(f.amount_fen),
      ];
    default:
      return NO_VIEW_COLUMNS;
  }
}

const RECORD_COLUMNS = `origin, table_name, id, centre_code, rev, updated_at, deleted_at, fields, sequence,
       status, category, file_no, name, id_tail, year, entered_at, type, amount_fen`;

/** Prepared once per import: the statements a chunk of records runs. */
export function baselineRecordWriter(sqlite: Sqlite, centreCode: string, sequence: number) {
  // A record not held yet is inserted (a snapshot's records all are): it has no people rows to clear. One held is
  // replaced only by a higher rev, and its people rewritten. Two statements, so the common insert runs no DELETE.
  const insert = sqlite.prepare(
    `INSERT INTO exchange_records (${RECORD_COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
     ON CONFLICT (origin, table_name, id) DO NOTHING`,
  );
  const update = sqlite.prepare(
    `UPDATE exchange_records SET centre_code = ?, rev = ?, updated_at = ?, deleted_at = ?, fields = ?, sequence = ?,
       status = ?, category = ?, file_no = ?, name = ?, id_tail = ?, year = ?, entered_at = ?, type = ?, amount_fen = ?
     WHERE origin = ? AND table_name = ? AND id = ? AND rev < ?`,
  );
  const clearPeople = sqlite.prepare('DELETE FROM exchange_people WHERE record_table = ? AND record_id = ? AND centre_code = ?');
  const addPerson = sqlite.prepare(
    `INSERT INTO exchange_people (id_number, centre_code, record_table, record_id, role, active, year, amount_fen)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const addAttachment = sqlite.prepare(
    `INSERT INTO exchange_attachments (id, centre_code, record_table, record_id, name, mime, bytes, sha256, content)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (id) DO NOTHING`,
  );

  function writePeople(record: BatchRecord, held: boolean): void {
    const f = record.fields;
    const alive = record.deleted_at === null;
    if (held) clearPeople.run(record.table, record.id, centreCode);
    if (record.table === 'hardship_files') {
      const active = alive && ACTIVE_FILE_STATUSES.has(String(f.status)) ? 1 : 0;
      const head = String(f.head_id_number);
      addPerson.run(head, centreCode, record.table, record.id, 'head', active, null, null);
      const household = Array.isArray(f.household) ? (f.household as Record<string, unknown>[]) : [];
      const named = new Set([head]);
      for (const person of household) {
        const id = String(person.id_number);
        // The head is in the household too (relation self); a person taken off the list is not named.
        if (person.relation === 'self' || (person.deleted_at ?? null) !== null || named.has(id)) continue;
        named.add(id);
        addPerson.run(id, centreCode, record.table, record.id, 'member', active, null, null);
      }
    } else if (record.table === 'aid_payments') {
      const active = alive && f.status !== 'voided' ? 1 : 0;
      addPerson.run(String(f.recipient_id_number), centreCode, record.table, record.id, 'recipient', active, f.year, f.amount_fen);
    }
  }

  return {
    /** Writes the record if it is newer than what is held; true when it was written. */
    record(record: BatchRecord): boolean {
      // Positional parameters: better-sqlite3 binds them without a named object's lookups, a million times a batch.
      const values = [
        record.origin,
        record.table,
        record.id,
        centreCode,
        record.rev,
        record.updated_at,
        record.deleted_at,
        record.fieldsJson ?? JSON.stringify(record.fields),
        sequence,
        ...viewColumns(record),
      ];
      const inserted = insert.run(values).changes > 0;
      // The update binds the values after the key, then the key and the rev to beat (better-sqlite3 has no ?NNN).
      const written = inserted || update.run([...values.slice(3), ...values.slice(0, 3), record.rev]).changes > 0;
      if (written && (record.table === 'hardship_files' || record.table === 'aid_payments')) writePeople(record, !inserted);
      return written;
    },
    attachment(a: BatchAttachment, sha256: string): void {
      const data = Buffer.from(a.data.buffer, a.data.byteOffset, a.data.byteLength);
      addAttachment.run(a.id, centreCode, a.table, a.record, a.name, a.mime, data.length, sha256, data);
    },
  };
}

/** The duplicate-aid list's count before 0035 (duplicates.repo.ts then): grouped from exchange_people_active_aid. */
export function baselineDuplicateAidCount(sqlite: Sqlite): number {
  return sqlite
    .prepare(
      `SELECT count(*) FROM (SELECT year, id_number FROM exchange_people INDEXED BY exchange_people_active_aid
         WHERE record_table = 'aid_payments' AND active = 1 GROUP BY year, id_number HAVING count(DISTINCT centre_code) > 1)`,
    )
    .pluck()
    .get() as number;
}
