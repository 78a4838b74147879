import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/main/core/db/client';
import { applyMigrations, loadMigrations } from '../../src/main/core/db/migrate';
import { viewColumns } from '../../src/main/core/features/exchange/import-prepare';
import { newDatabaseKey } from '../../src/main/core/keys/key-file';
import { RESOURCES_DIR, tempDir } from './support/core';

const migrations = loadMigrations(`${RESOURCES_DIR}/migrations`);
/** paid_on's place among viewColumns' values (the last, after program_id). */
const PAID_ON = 11;

describe("migration 0043 (a federation's reports pass over the payments outside their period on a column)", () => {
  it("fills each held payment's paid_on from its fields, as the importer fills it, and the order index ends with it", () => {
    const { sqlite } = openDatabase(`${tempDir()}/x.db`, newDatabaseKey());
    const at0043 = migrations.findIndex((m) => m.tag === '0043_report_paid_on');
    applyMigrations(sqlite, migrations.slice(0, at0043));
    const held = [
      { table: 'aid_payments', id: 'p1', fields: { paid_on: '2026-03-31', amount_fen: 100 } },
      // A tombstone keeps its day too: the builders leave deleted payments out themselves.
      { table: 'aid_payments', id: 'p2', fields: { paid_on: '2025-12-31' }, deleted: '2026-11-22T08:00:00.000Z' },
      // Not paid yet (pending or approved): no day. Only text is kept, and other tables' records get none.
      { table: 'aid_payments', id: 'p3', fields: { paid_on: null } },
      { table: 'aid_payments', id: 'p4', fields: { paid_on: 20260331 } },
      { table: 'hardship_files', id: 'f1', fields: { paid_on: '2026-03-31' } },
    ];
    const insert = sqlite.prepare(
      `INSERT INTO exchange_records (origin, table_name, id, centre_code, rev, updated_at, deleted_at, fields, sequence)
       VALUES ('o', ?, ?, 'C', 1, '2026-11-21T08:00:00.000Z', ?, ?, 1)`,
    );
    for (const r of held) insert.run(r.table, r.id, r.deleted ?? null, JSON.stringify(r.fields));

    applyMigrations(sqlite, migrations.slice(at0043, at0043 + 1));
    const filled = sqlite.prepare('SELECT id, paid_on FROM exchange_records ORDER BY id').raw().all() as [string, string | null][];
    expect(filled).toEqual([
      ['f1', null],
      ['p1', '2026-03-31'],
      ['p2', '2025-12-31'],
      ['p3', null],
      ['p4', null],
    ]);
    // What the importer writes for each record from now on is the same value.
    expect(filled.map(([id]) => viewColumns(held.find((r) => r.id === id)!)[PAID_ON])).toEqual(filled.map(([, day]) => day));
    // The payments' order index ends with it: a report's fill passes over the payments outside its days there.
    const columns = sqlite.prepare("SELECT name FROM pragma_index_info('exchange_records_payment_order') ORDER BY seqno").pluck().all();
    expect(columns.slice(-3)).toEqual(['amount_fen', 'program_id', 'paid_on']);
  });
});
