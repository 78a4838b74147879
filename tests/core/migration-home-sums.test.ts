import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/main/core/db/client';
import { applyMigrations, loadMigrations } from '../../src/main/core/db/migrate';
import { viewColumns } from '../../src/main/core/features/exchange/import-prepare';
import { newDatabaseKey } from '../../src/main/core/keys/key-file';
import { RESOURCES_DIR, tempDir } from './support/core';

const migrations = loadMigrations(`${RESOURCES_DIR}/migrations`);

describe('migration 0042 (the federation home reads the payments from their order index)', () => {
  it("fills each held payment's program_id from its fields, as the importer fills it, and the order index ends with it", () => {
    const { sqlite } = openDatabase(`${tempDir()}/x.db`, newDatabaseKey());
    const at0042 = migrations.findIndex((m) => m.tag === '0042_home_payment_sums');
    applyMigrations(sqlite, migrations.slice(0, at0042));
    const held = [
      { table: 'aid_payments', id: 'p1', fields: { program_id: '0193e000-0000-7000-8000-000000000001', amount_fen: 100 } },
      // A tombstone keeps its program too: the column follows the fields, the index's WHERE leaves it out.
      {
        table: 'aid_payments',
        id: 'p2',
        fields: { program_id: '0193e000-0000-7000-8000-000000000002' },
        deleted: '2026-11-22T08:00:00.000Z',
      },
      // Only text is kept (as 0025's columns keep it), and other tables' records get none.
      { table: 'aid_payments', id: 'p3', fields: { program_id: 7 } },
      { table: 'aid_batches', id: 'b1', fields: { program_id: '0193e000-0000-7000-8000-000000000001' } },
    ];
    const insert = sqlite.prepare(
      `INSERT INTO exchange_records (origin, table_name, id, centre_code, rev, updated_at, deleted_at, fields, sequence)
       VALUES ('o', ?, ?, 'C', 1, '2026-11-21T08:00:00.000Z', ?, ?, 1)`,
    );
    for (const r of held) insert.run(r.table, r.id, r.deleted ?? null, JSON.stringify(r.fields));

    applyMigrations(sqlite, migrations.slice(at0042, at0042 + 1));
    const filled = sqlite.prepare('SELECT program_id FROM exchange_records ORDER BY id').pluck().all();
    // ORDER BY id: b1, p1, p2, p3.
    expect(filled).toEqual([null, held[0]!.fields.program_id, held[1]!.fields.program_id, null]);
    // What the importer writes for a payment from now on is the same value.
    expect(['b1', 'p1', 'p2', 'p3'].map((id) => viewColumns(held.find((r) => r.id === id)!)[10])).toEqual(filled);
    const columns = sqlite.prepare("SELECT name FROM pragma_index_info('exchange_records_payment_order') ORDER BY seqno").pluck().all();
    expect(columns).toEqual(['centre_code', 'year', 'entered_at', 'id', 'status', 'type', 'amount_fen', 'program_id']);
  });
});
