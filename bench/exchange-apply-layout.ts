import type { Sqlite } from '../src/main/core/db/client';
import type { BatchRecord } from '../src/main/core/exchange/format';
import { prepareRecord } from '../src/main/core/features/exchange/import-prepare';
import { recordWriter } from '../src/main/core/features/exchange/import-store';

/**
 * A layout the federation does not have, measured before anyone builds it (docs/architecture.md, the federation's
 * import, "Session 14"): a table per kind of record for members and payments, WITHOUT ROWID and keyed by a small
 * centre number and the record's id, so no separate primary-key index and no 18-character code, table name or
 * 36-character origin in any key. Files and the rest stay in exchange_records. Only a first snapshot's inserts are
 * written (no update path): what exchange-apply.bench.ts times.
 */

const CENTRE = 1;

export function perKindTables(sqlite: Sqlite): void {
  sqlite.exec(`
    CREATE TABLE layout_members (
      centre INTEGER NOT NULL, id TEXT NOT NULL, rev INTEGER NOT NULL, updated_at TEXT NOT NULL, deleted_at TEXT,
      sequence INTEGER NOT NULL, name TEXT, id_tail TEXT, fields TEXT NOT NULL,
      PRIMARY KEY (centre, id)
    ) STRICT, WITHOUT ROWID;
    CREATE INDEX layout_members_name ON layout_members (centre, name) WHERE deleted_at IS NULL;
    CREATE INDEX layout_members_tail ON layout_members (centre, id_tail) WHERE deleted_at IS NULL;
    CREATE TABLE layout_payments (
      centre INTEGER NOT NULL, id TEXT NOT NULL, rev INTEGER NOT NULL, updated_at TEXT NOT NULL, deleted_at TEXT,
      sequence INTEGER NOT NULL, status TEXT, year INTEGER, entered_at TEXT, type TEXT, amount_fen INTEGER,
      id_number TEXT, program_id TEXT, fields TEXT NOT NULL,
      PRIMARY KEY (centre, id)
    ) STRICT, WITHOUT ROWID;
    CREATE INDEX layout_payments_order ON layout_payments (centre, year, entered_at, status, type, amount_fen, program_id)
      WHERE deleted_at IS NULL;
    CREATE INDEX layout_payments_totals ON layout_payments (centre, year, type, status, amount_fen) WHERE deleted_at IS NULL;
    CREATE INDEX layout_payments_active_aid ON layout_payments (year, id_number, centre, amount_fen, status)
      WHERE deleted_at IS NULL AND status <> 'voided';`);
}

/** Members and payments into their own tables, the rest as the program writes it. */
export function perKindWriter(sqlite: Sqlite, centreCode: string, sequence: number) {
  const rest = recordWriter(sqlite, centreCode, sequence);
  const member = sqlite.prepare(
    `INSERT INTO layout_members (centre, id, rev, updated_at, deleted_at, sequence, name, id_tail, fields)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING`,
  );
  const payment = sqlite.prepare(
    `INSERT INTO layout_payments (centre, id, rev, updated_at, deleted_at, sequence, status, year, entered_at, type, amount_fen,
       id_number, program_id, fields)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING`,
  );
  return {
    record(record: BatchRecord): boolean {
      if (record.table !== 'members' && record.table !== 'aid_payments') return rest.record(record);
      // RECORD_COLUMNS' order: origin, table_name, id, centre_code, rev, updated_at, deleted_at, fields, sequence,
      // status, category, file_no, name, id_tail, year, entered_at, type, amount_fen, id_number, program_id.
      const v = prepareRecord(record, centreCode, sequence).values;
      if (record.table === 'members') return member.run(CENTRE, v[2], v[4], v[5], v[6], v[8], v[12], v[13], v[7]).changes > 0;
      return payment.run(CENTRE, v[2], v[4], v[5], v[6], v[8], v[9], v[14], v[15], v[16], v[17], v[18], v[19], v[7]).changes > 0;
    },
  };
}
