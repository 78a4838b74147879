import { describe, expect, it } from 'vitest';
import { openDatabase, schemaVersion } from '../../src/main/core/db/client';
import { applyMigrations, loadMigrations, pendingMigrations } from '../../src/main/core/db/migrate';
import { listBackups } from '../../src/main/core/db/backup';
import { viewColumns } from '../../src/main/core/features/exchange/import-prepare';
import { aidPlaces, duplicateAidKeys } from '../../src/main/core/features/federation/duplicates.repo';
import { paymentRows, paymentTotals } from '../../src/main/core/features/federation/records.repo';
import { personBornSql, personCodeSql } from '../../src/main/core/db/schema/person-codes';
import { newDatabaseKey } from '../../src/main/core/keys/key-file';
import { dataPaths } from '../../src/main/core/paths';
import { RESOURCES_DIR, startCore, tempDir } from './support/core';
import { SEEDED, seedRows } from './support/migration-rows';

const migrations = loadMigrations(`${RESOURCES_DIR}/migrations`);

function tables(sqlite: ReturnType<typeof openDatabase>['sqlite']) {
  return sqlite.prepare("SELECT name, sql FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%'").all() as {
    name: string;
    sql: string;
  }[];
}

describe('migrations', () => {
  it('bring an empty database to the current version', () => {
    const t = startCore();
    const sqlite = t.core.state.conn!.sqlite;
    expect(schemaVersion(sqlite)).toBe(migrations.length);
    expect(tables(sqlite).map((x) => x.name)).toEqual(expect.arrayContaining(['org', 'users', 'audit_log', 'change_log']));
  });

  it('make every table STRICT (FTS shadow and virtual tables aside)', () => {
    const t = startCore();
    const list = t.core.state.conn!.sqlite.pragma('table_list') as { schema: string; name: string; type: string; strict: number }[];
    const ours = list.filter((x) => x.schema === 'main' && x.type === 'table' && !x.name.startsWith('sqlite_'));
    expect(ours.length).toBeGreaterThan(5);
    for (const table of ours) expect(table.strict, table.name).toBe(1);
  });

  it('give every table with sync columns its change-log, rev and no-delete triggers', () => {
    const sqlite = startCore().core.state.conn!.sqlite;
    const triggers = new Set(
      (sqlite.prepare("SELECT name FROM sqlite_schema WHERE type = 'trigger'").all() as { name: string }[]).map((r) => r.name),
    );
    // exchange_records has the same columns but is the federation's copy of its centres' records: it keeps the
    // centre's rev and does not travel on.
    const travelling = tables(sqlite).filter(
      (t) => t.name !== 'exchange_records' && /`origin(_ref)?`/.test(t.sql) && /`deleted_at`/.test(t.sql) && /`rev`/.test(t.sql),
    );
    expect(travelling.length).toBeGreaterThan(0);
    for (const { name } of travelling) {
      for (const suffix of ['_sync_insert', '_sync_update', '_no_delete'])
        expect(triggers, `${name}${suffix}`).toContain(`${name}${suffix}`);
    }
  });

  it('upgrade a database of the previous version, after an online backup', () => {
    const dataDir = tempDir();
    const key = newDatabaseKey();
    const { sqlite } = openDatabase(dataPaths(dataDir).database, key);
    applyMigrations(sqlite, migrations.slice(0, migrations.length - 1));
    expect(schemaVersion(sqlite)).toBe(migrations.length - 1);
    sqlite.close();

    const t = startCore({ dataDir, key });
    expect(schemaVersion(t.core.state.conn!.sqlite)).toBe(migrations.length);
    expect(listBackups(dataPaths(dataDir).backupsDir).map((b) => b.kind)).toEqual(['pre-migration']);
  });

  it("0007 turns the members' change-log entries from UUID text into refs, and later ones are written as refs", () => {
    const { sqlite } = openDatabase(`${tempDir()}/x.db`, newDatabaseKey());
    const upTo = (tag: string) => migrations.findIndex((m) => m.tag === tag);
    applyMigrations(sqlite, migrations.slice(0, upTo('0007_change_log_record_ref')));
    sqlite.exec("INSERT INTO origins (ref, code) VALUES (1, '91350100M000100Y43')");
    const insert = sqlite.prepare(
      `INSERT INTO members (id, origin_ref, updated_at, name, id_number, name_pinyin, name_initials)
       VALUES (unhex(?), 1, '2026-11-21T00:00:00.000Z', 'x', ?, 'x', 'x')`, // 0007's schema: ISO text
    );
    insert.run('0192a7b0c0d07e8f9a0b1c2d3e4f5061', '11010519491231002X');
    insert.run('0192a7b0c0d07e8f9a0b1c2d3e4f5062', '110105194912310029');
    sqlite.exec("UPDATE members SET note = 'n' WHERE ref = 2");
    expect(sqlite.prepare("SELECT record_id FROM change_log WHERE table_name = 'members' ORDER BY seq").pluck().all()).toEqual([
      '0192a7b0-c0d0-7e8f-9a0b-1c2d3e4f5061',
      '0192a7b0-c0d0-7e8f-9a0b-1c2d3e4f5062',
      '0192a7b0-c0d0-7e8f-9a0b-1c2d3e4f5062',
    ]);

    applyMigrations(sqlite, pendingMigrations(sqlite, migrations));
    sqlite.exec("UPDATE members SET note = 'm' WHERE ref = 1");
    expect(sqlite.prepare("SELECT record_id, record_ref, op, rev FROM change_log WHERE table_name = 'members' ORDER BY seq").all()).toEqual(
      [
        { record_id: null, record_ref: 1, op: 'insert', rev: 1 },
        { record_id: null, record_ref: 2, op: 'insert', rev: 1 },
        { record_id: null, record_ref: 2, op: 'update', rev: 2 },
        { record_id: null, record_ref: 1, op: 'update', rev: 2 },
      ],
    );
    expect(sqlite.prepare("SELECT record_id FROM change_log WHERE table_name <> 'members'").pluck().all()).not.toContain(null);
  });

  it("0008 turns the members' ISO updated_at into milliseconds and keeps their triggers and search indexes", () => {
    const { sqlite } = openDatabase(`${tempDir()}/x.db`, newDatabaseKey());
    applyMigrations(
      sqlite,
      migrations.slice(
        0,
        migrations.findIndex((m) => m.tag === '0008_compact_member_timestamps'),
      ),
    );
    sqlite.exec("INSERT INTO origins (ref, code) VALUES (1, '91350100M000100Y43')");
    sqlite
      .prepare(
        `INSERT INTO members (id, origin_ref, updated_at, name, id_number, name_pinyin, name_initials) VALUES (unhex(?), 1, ?, '单雄信', ?, 'shanxiongxin', 'sxx')`,
      )
      .run('0192a7b0c0d07e8f9a0b1c2d3e4f5061', '2026-11-21T10:51:26.123Z', '11010519491231002X');
    const schemaObjects = () => sqlite.prepare("SELECT type, name FROM sqlite_schema WHERE tbl_name = 'members' ORDER BY name").all();
    const before = schemaObjects();

    applyMigrations(sqlite, pendingMigrations(sqlite, migrations));
    expect(sqlite.prepare('SELECT updated_at FROM members').pluck().get()).toBe(Date.parse('2026-11-21T10:51:26.123Z'));
    // Later migrations may add to the members' indexes (0018 the phone's tail), never lose one.
    expect(schemaObjects().filter((o) => (o as { name: string }).name !== 'members_phone_tail')).toEqual(before);
    // The name index still holds the copied row (same ref) and its triggers still run.
    expect(sqlite.prepare("SELECT rowid FROM members_grams WHERE members_grams MATCH '雄信'").pluck().all()).toEqual([1]);
    sqlite.exec("UPDATE members SET name = '单信' WHERE ref = 1");
    expect(sqlite.prepare("SELECT rowid FROM members_grams WHERE members_grams MATCH '雄信'").pluck().all()).toEqual([]);
    expect(() => sqlite.exec('DELETE FROM members')).toThrow(/hard delete refused/);
    expect(sqlite.prepare("SELECT op, rev FROM change_log WHERE table_name = 'members' ORDER BY seq").all()).toEqual([
      { op: 'insert', rev: 1 },
      { op: 'update', rev: 2 },
    ]);
  });

  it('0020 gives the payments already written their unit and fills the totals by unit and period, none of it logged', () => {
    const { sqlite } = openDatabase(`${tempDir()}/x.db`, newDatabaseKey());
    const at0020 = migrations.findIndex((m) => m.tag === '0020_payment_list_totals');
    applyMigrations(sqlite, migrations.slice(0, at0020));
    seedRows(sqlite, at0020);
    const log = () => sqlite.prepare("SELECT record_id, op, rev FROM change_log WHERE table_name = 'aid_payments' ORDER BY seq").all();
    const logBefore = log();

    applyMigrations(sqlite, migrations.slice(at0020, at0020 + 1));
    // The file's payment takes its member's unit (ref 1); the emergency one has none. Nothing travels for it.
    expect(sqlite.prepare('SELECT id, unit_ref, rev FROM aid_payments ORDER BY id').raw().all()).toEqual([
      [SEEDED.payments[0], 1, 3],
      [SEEDED.payments[1], null, 1],
    ]);
    expect(log()).toEqual(logBefore);
    expect(
      sqlite.prepare('SELECT unit_ref, program_id, batch_id, type, status, count, amount_fen FROM aid_payment_unit_totals').raw().all(),
    ).toEqual([[1, SEEDED.program, '', 'festival', 'paid', 1, 50_000]]);
    const periods = () =>
      sqlite
        .prepare('SELECT grain, period, status, count, amount_fen FROM aid_payment_period_totals WHERE count > 0 ORDER BY 1, 2, 3')
        .raw()
        .all();
    expect(periods()).toEqual([
      ['d', '2026-11-21', 'paid', 1, 50_000],
      ['d', '2026-11-30', 'pending', 1, 20_000],
      ['m', '2026-11', 'paid', 1, 50_000],
      ['m', '2026-11', 'pending', 1, 20_000],
    ]);
    // The triggers keep them from then on, and the sync trigger is back: a void moves the payment and is logged.
    sqlite.prepare("UPDATE aid_payments SET status = 'voided' WHERE id = ?").run(SEEDED.payments[1]);
    expect(periods()).toContainEqual(['m', '2026-11', 'voided', 1, 20_000]);
    expect(log()).toHaveLength(logBefore.length + 1);
  });

  it("0025 fills the federation views' columns of the records already held from their fields, as the importer fills them", () => {
    const { sqlite } = openDatabase(`${tempDir()}/x.db`, newDatabaseKey());
    const at0025 = migrations.findIndex((m) => m.tag === '0025_federation_view_columns');
    applyMigrations(sqlite, migrations.slice(0, at0025));
    const held: { table: string; fields: Record<string, unknown> }[] = [
      {
        table: 'hardship_files',
        fields: { status: 'active', category: 'relative', file_no: 'KN-0001', head_name: '张三', head_id_number: '11010519491231002X' },
      },
      // A value the importer does not check is kept only as text; a file with no category has none.
      { table: 'hardship_files', fields: { status: 'closed', file_no: 17, head_name: '李四', head_id_number: '110105194912310038' } },
      { table: 'members', fields: { name: '王五', id_number: '110105194912310046' } },
      {
        table: 'aid_payments',
        fields: { status: 'paid', year: 2026, entered_at: '2026-11-21T08:00:00.000Z', type: 'festival', amount_fen: 50_000 },
      },
      { table: 'units', fields: { name: '甲机械厂' } },
    ];
    const insert = sqlite.prepare(
      `INSERT INTO exchange_records (origin, table_name, id, centre_code, rev, updated_at, deleted_at, fields, sequence)
       VALUES ('o', ?, ?, 'C', 1, '2026-11-21T08:00:00.000Z', NULL, ?, 1)`,
    );
    held.forEach((r, i) => insert.run(r.table, `r${i}`, JSON.stringify(r.fields)));

    applyMigrations(sqlite, migrations.slice(at0025, at0025 + 1));
    const columns = sqlite
      .prepare('SELECT status, category, file_no, name, id_tail, year, entered_at, type, amount_fen FROM exchange_records ORDER BY id')
      .raw()
      .all();
    expect(columns).toEqual(held.map((r) => viewColumns(r).slice(0, 9)));
    expect(columns[0]).toEqual(['active', 'relative', 'KN-0001', '张三', '002X', null, null, null, null]);
    expect((columns[1] as unknown[]).slice(0, 3)).toEqual(['closed', null, null]);
    // The views' indexes are on the columns now, under 0024's names.
    const index = sqlite.prepare("SELECT sql FROM sqlite_schema WHERE name = 'exchange_records_member_tail'").pluck().get() as string;
    expect(index).toContain('`id_tail`');
    expect(index).not.toContain('json_extract');
  });

  it("0035 moves a payment's recipient from exchange_people onto its record, and the duplicate-aid list reads the same", () => {
    const { sqlite } = openDatabase(`${tempDir()}/x.db`, newDatabaseKey());
    const at0035 = migrations.findIndex((m) => m.tag === '0035_dup_aid_on_records');
    applyMigrations(sqlite, migrations.slice(0, at0035));
    // A federation in use, as the importer before 0035 wrote it: two centres paying one person in 2026 (one of them
    // also a voided payment and a deleted one), and a file whose people stay in exchange_people.
    const record = sqlite.prepare(
      `INSERT INTO exchange_records (origin, table_name, id, centre_code, rev, updated_at, deleted_at, fields, sequence, status, year, amount_fen)
       VALUES (?, ?, ?, ?, 1, '2026-11-21T08:00:00.000Z', ?, ?, 1, ?, ?, ?)`,
    );
    const person = sqlite.prepare(
      `INSERT INTO exchange_people (id_number, centre_code, record_table, record_id, role, active, year, amount_fen) VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    const payments = [
      { id: 'p1', centre: 'A', status: 'paid', deleted: null, fen: 50_000 },
      { id: 'p2', centre: 'B', status: 'approved', deleted: null, fen: 40_000 },
      { id: 'p3', centre: 'B', status: 'voided', deleted: null, fen: 30_000 },
      { id: 'p4', centre: 'A', status: 'paid', deleted: '2026-11-22T08:00:00.000Z', fen: 20_000 },
    ];
    const who = '11010519491231002X';
    for (const p of payments) {
      const fields = { status: p.status, year: 2026, amount_fen: p.fen, recipient_id_number: who };
      record.run('o' + p.centre, 'aid_payments', p.id, p.centre, p.deleted, JSON.stringify(fields), p.status, 2026, p.fen);
      const active = p.deleted === null && p.status !== 'voided' ? 1 : 0;
      person.run(who, p.centre, 'aid_payments', p.id, 'recipient', active, 2026, p.fen);
    }
    record.run('oA', 'hardship_files', 'f1', 'A', null, JSON.stringify({ status: 'active', head_id_number: who }), 'active', null, null);
    person.run(who, 'A', 'hardship_files', 'f1', 'head', 1, null, null);

    applyMigrations(sqlite, migrations.slice(at0035, at0035 + 1));
    const ids = sqlite.prepare("SELECT id, id_number FROM exchange_records WHERE table_name = 'aid_payments' ORDER BY id").raw().all();
    expect(ids).toEqual(payments.map((p) => [p.id, who]));
    expect(viewColumns({ table: 'aid_payments', fields: { recipient_id_number: who } })[9]).toBe(who);
    // The files' people stay; the payments' rows went with their index.
    expect(sqlite.prepare('SELECT record_table, role FROM exchange_people').raw().all()).toEqual([['hardship_files', 'head']]);
    expect(sqlite.prepare("SELECT count(*) FROM sqlite_schema WHERE name = 'exchange_people_active_aid'").pluck().get()).toBe(0);
    expect(duplicateAidKeys(sqlite, 2026, 10, 0)).toEqual({ keys: [{ year: 2026, idNumber: who }], total: 1 });
    expect(aidPlaces(sqlite, { year: 2026, idNumber: who }).map((p) => [p.centreCode, p.recordId, p.role, p.amountFen])).toEqual([
      ['A', 'p1', 'recipient', 50_000],
      ['B', 'p2', 'recipient', 40_000],
    ]);
  });

  it('0038 gives the batches already sent the highest rev held as the rev they carried at most', () => {
    const { sqlite } = openDatabase(`${tempDir()}/x.db`, newDatabaseKey());
    const at0038 = migrations.findIndex((m) => m.tag === '0038_restore_exchange');
    applyMigrations(sqlite, migrations.slice(0, at0038));
    seedRows(sqlite, at0038);
    sqlite
      .prepare(
        `INSERT INTO exchange_sent (sequence, recipient_peer_id, created_at, snapshot, change_after, change_through, counts, attachments,
           bytes, sha256, kept_file, exported_by)
         VALUES (1, '0192a7b0-0000-7000-8000-000000000901', '2026-11-21T10:51:26.123Z', 1, 0, 9, '{}', 0, 1, 'h', 'k', ?)`,
      )
      .run(SEEDED.admin);
    // A member changed twice since: its rev is the highest of every travelling table's.
    sqlite.prepare("UPDATE members SET note = 'a' WHERE ref = 1").run();
    sqlite.prepare("UPDATE members SET note = 'b' WHERE ref = 1").run();
    const highest = sqlite.prepare('SELECT max(rev) FROM members').pluck().get() as number;
    expect(highest).toBeGreaterThan(2);

    applyMigrations(sqlite, migrations.slice(at0038, at0038 + 1));
    expect(sqlite.prepare('SELECT rev_high FROM exchange_sent').pluck().all()).toEqual([highest]);
    expect(sqlite.prepare('SELECT count(*) FROM exchange_restart').pluck().get()).toBe(0);
    expect(sqlite.prepare('SELECT count(*) FROM exchange_records WHERE withdrawn_in IS NOT NULL').pluck().get()).toBe(0);
  });

  it('0040 folds the payments status and type indexes into the order index: the same pages and counts', () => {
    const { sqlite } = openDatabase(`${tempDir()}/x.db`, newDatabaseKey());
    const at0040 = migrations.findIndex((m) => m.tag === '0040_payment_order_folded');
    applyMigrations(sqlite, migrations.slice(0, at0040));
    const insert = sqlite.prepare(
      `INSERT INTO exchange_records (origin, table_name, id, centre_code, rev, updated_at, fields, sequence, status, year, entered_at, type, amount_fen)
       VALUES ('oA', 'aid_payments', ?, 'A', 1, '2026-01-01T00:00:00.000Z', '{}', 1, ?, ?, ?, ?, 100)`,
    );
    const statuses = ['paid', 'voided', 'pending'];
    const types = ['living', 'medical'];
    for (let i = 0; i < 30; i++)
      insert.run(`p${String(i).padStart(2, '0')}`, statuses[i % 3], 2025 + (i % 2), `2026-0${1 + (i % 9)}-01T00:00:00.000Z`, types[i % 2]);
    const filters = [{}, { status: 'voided' }, { type: 'medical' }, { year: 2026, status: 'paid', type: 'medical' }];
    const read = () =>
      filters.map((f) => [paymentRows(sqlite, { centre: 'A', ...f, limit: 4, offset: 2 }), paymentTotals(sqlite, { centre: 'A', ...f })]);
    const before = read();

    applyMigrations(sqlite, migrations.slice(at0040, at0040 + 1));
    expect(read()).toEqual(before);
    const names = sqlite.prepare("SELECT name FROM sqlite_schema WHERE name LIKE 'exchange_records_payment%' ORDER BY 1").pluck().all();
    expect(names).toEqual(['exchange_records_payment_order', 'exchange_records_payments']);
  });

  it("0041 keeps each person's codes and birth date in the people index, as person-codes.ts writes them", () => {
    const { sqlite } = openDatabase(`${tempDir()}/x.db`, newDatabaseKey());
    const at0041 = migrations.findIndex((m) => m.tag === '0041_people_codes');
    applyMigrations(sqlite, migrations.slice(0, at0041 + 1));
    const index = sqlite.prepare("SELECT sql FROM sqlite_schema WHERE name = 'file_household_people'").pluck().get() as string;
    // The query's expressions are the index's own: SQLite reads them from the index, never the rows.
    expect(index).toContain(`(${personCodeSql('')})`);
    expect(index).toContain(personBornSql(''));
    const plan = sqlite
      .prepare(
        `EXPLAIN QUERY PLAN SELECT (${personCodeSql('h.')}) * 8, ${personBornSql('h.')} FROM file_household h INDEXED BY file_household_people
         WHERE h.file_id = ? AND h.deleted_at IS NULL`,
      )
      .all('f') as { detail: string }[];
    expect(plan.map((p) => p.detail).join(' ')).toContain('COVERING INDEX file_household_people');
  });

  it('apply all pending migrations in one transaction: a failing one leaves the database as it was', () => {
    const { sqlite } = openDatabase(`${tempDir()}/x.db`, newDatabaseKey());
    const broken = [
      ...migrations,
      { index: migrations.length, tag: 'broken', statements: ['CREATE TABLE later (a TEXT) STRICT', 'THIS IS NOT SQL'] },
    ];
    expect(() => applyMigrations(sqlite, broken)).toThrow();
    expect(schemaVersion(sqlite)).toBe(0);
    expect(tables(sqlite)).toEqual([]);
  });

  it('refuse a database from a newer version with a clear state, never "repairing" it', async () => {
    const t = startCore();
    t.core.state.conn!.sqlite.pragma(`user_version = ${migrations.length + 3}`);
    const again = t.reopen();
    expect((await again.call('system.status')).state).toBe('db-too-new');
    expect((await again.fail('auth.signIn', { username: 'admin', password: 'x' })).code).toBe('DB_TOO_NEW');
    expect(() => pendingMigrations(openDatabase(dataPaths(t.dataDir).database, t.key).sqlite, migrations)).toThrowError(
      expect.objectContaining({ code: 'DB_TOO_NEW' }),
    );
  });
});
