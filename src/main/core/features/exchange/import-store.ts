import type { Sqlite } from '../../db/client';
import type { BatchAttachment, BatchRecord } from '../../exchange/format';
import { prepareRecord, RECORD_COLUMNS, type PreparedRecord } from './import-prepare';

/**
 * The federation's writes of an imported batch (schema/exchange.ts): a centre's records replaced only by a higher
 * rev, attachments taken once, the people index rewritten with each file written (import-prepare.ts makes the rows),
 * and the received batch. Idempotent by (origin, id, rev): any order of repeats leaves the same rows.
 */

export interface ReceivedRow {
  centreCode: string;
  sequence: number;
  peerId: string;
  sha256: string;
  bytes: number;
  createdAt: string;
  importedAt: string;
  importedBy: string;
  snapshot: boolean;
  changeAfter: number;
  changeThrough: number;
  applied: string;
  refused: string;
}

export function receivedRow(sqlite: Sqlite, centreCode: string, sequence: number): ReceivedRow | undefined {
  const row = sqlite
    .prepare(
      `SELECT centre_code AS centreCode, sequence, peer_id AS peerId, sha256, bytes, created_at AS createdAt, imported_at AS importedAt,
              imported_by AS importedBy, snapshot, change_after AS changeAfter, change_through AS changeThrough, applied, refused
       FROM exchange_received WHERE centre_code = ? AND sequence = ?`,
    )
    .get(centreCode, sequence) as (Omit<ReceivedRow, 'snapshot'> & { snapshot: number }) | undefined;
  return row && { ...row, snapshot: row.snapshot === 1 };
}

/** The batch expected next from a centre: its highest sequence received + 1. */
export function nextSequence(sqlite: Sqlite, centreCode: string): number {
  const last = sqlite.prepare('SELECT max(sequence) FROM exchange_received WHERE centre_code = ?').pluck().get(centreCode) as number | null;
  return (last ?? 0) + 1;
}

export function insertReceived(sqlite: Sqlite, row: ReceivedRow): void {
  sqlite
    .prepare(
      `INSERT INTO exchange_received (centre_code, sequence, peer_id, sha256, bytes, created_at, imported_at, imported_by, snapshot,
         change_after, change_through, applied, refused)
       VALUES (@centreCode, @sequence, @peerId, @sha256, @bytes, @createdAt, @importedAt, @importedBy, @snapshot, @changeAfter,
         @changeThrough, @applied, @refused)`,
    )
    .run({ ...row, snapshot: row.snapshot ? 1 : 0 });
}

export function insertAlarm(
  sqlite: Sqlite,
  alarm: { id: string; centreCode: string; sequence: number; at: string; byUser: string; heldSha256: string; offeredSha256: string },
): void {
  sqlite
    .prepare(
      `INSERT INTO exchange_alarms (id, centre_code, sequence, kind, at, by_user, held_sha256, offered_sha256)
       VALUES (@id, @centreCode, @sequence, 'different-hash', @at, @byUser, @heldSha256, @offeredSha256)`,
    )
    .run(alarm);
}

/** The sender's organisation id as an earlier batch of this centre carried it (its org record), if any. */
export function knownOrigin(sqlite: Sqlite, centreCode: string): string | null {
  return (
    (sqlite
      .prepare("SELECT origin FROM exchange_records WHERE centre_code = ? AND table_name = 'org' ORDER BY sequence DESC LIMIT 1")
      .pluck()
      .get(centreCode) as string | undefined) ?? null
  );
}

/** Prepared once per import: the statements a chunk of records runs. */
export function recordWriter(sqlite: Sqlite, centreCode: string, sequence: number) {
  // A record not held yet is inserted (a snapshot's records all are): it has no people rows to clear. One held is
  // replaced only by a higher rev, and its people rewritten. Two statements, so the common insert runs no DELETE.
  const insert = sqlite.prepare(
    `INSERT INTO exchange_records (${RECORD_COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
     ON CONFLICT (origin, table_name, id) DO NOTHING`,
  );
  const update = sqlite.prepare(
    `UPDATE exchange_records SET centre_code = ?, rev = ?, updated_at = ?, deleted_at = ?, fields = ?, sequence = ?,
       status = ?, category = ?, file_no = ?, name = ?, id_tail = ?, year = ?, entered_at = ?, type = ?, amount_fen = ?,
       id_number = ?, program_id = ?, paid_on = ?
     WHERE origin = ? AND table_name = ? AND id = ? AND rev < ?`,
  );
  const clearPeople = sqlite.prepare('DELETE FROM exchange_people WHERE record_table = ? AND record_id = ? AND centre_code = ?');
  const addPerson = sqlite.prepare(
    `INSERT INTO exchange_people (id_number, centre_code, record_table, record_id, role, active)
     VALUES (?, ?, ?, ?, ?, ?)`,
  );
  const addAttachment = sqlite.prepare(
    `INSERT INTO exchange_attachments (id, centre_code, record_table, record_id, name, mime, bytes, sha256, content)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (id) DO NOTHING`,
  );

  /** Writes the record if it is newer than what is held; true when it was written. */
  function write(prepared: PreparedRecord): boolean {
    // Positional parameters: better-sqlite3 binds them without a named object's lookups, a million times a batch.
    const { values } = prepared;
    const inserted = insert.run(values).changes > 0;
    // The update binds the values after the key, then the key and the rev to beat (better-sqlite3 has no ?NNN).
    const written = inserted || update.run([...values.slice(3), ...values.slice(0, 3), prepared.rev]).changes > 0;
    if (written && prepared.people) {
      if (!inserted) clearPeople.run(prepared.table, prepared.id, centreCode);
      const { persons, active } = prepared.people;
      for (const [idNumber, role] of persons) addPerson.run(idNumber, centreCode, prepared.table, prepared.id, role, active);
    }
    return written;
  }

  return {
    write,
    /** A record as the batch carried it, prepared here (the import's reader thread prepares them itself). */
    record: (record: BatchRecord): boolean => write(prepareRecord(record, centreCode, sequence)),
    attachment(a: BatchAttachment, sha256: string): void {
      const data = Buffer.from(a.data.buffer, a.data.byteOffset, a.data.byteLength);
      addAttachment.run(a.id, centreCode, a.table, a.record, a.name, a.mime, data.length, sha256, data);
    },
  };
}
