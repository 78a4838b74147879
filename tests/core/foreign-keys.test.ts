import { describe, expect, it } from 'vitest';
import { openDatabase, schemaVersion, type Sqlite } from '../../src/main/core/db/client';
import { applyMigrations, loadMigrations, pendingMigrations } from '../../src/main/core/db/migrate';
import { newDatabaseKey } from '../../src/main/core/keys/key-file';
import { RESOURCES_DIR, tempDir } from './support/core';
import { SEEDED, seedRows } from './support/migration-rows';

const migrations = loadMigrations(`${RESOURCES_DIR}/migrations`);
const foreignKeys = migrations.find((m) => m.tag.endsWith('_foreign_keys'))!;

function databaseAt(version: number): Sqlite {
  const { sqlite } = openDatabase(`${tempDir()}/bangfu.db`, newDatabaseKey());
  applyMigrations(sqlite, migrations.slice(0, version));
  seedRows(sqlite, version);
  return sqlite;
}

const NOBODY = '0192a7b0-0000-7000-8000-00000000dead';

/** One write per reference, each naming a row that does not exist. */
const ORPHANS: [string, string][] = [
  ['members.origin_ref', 'UPDATE members SET origin_ref = 9 WHERE ref = 1'],
  ['members.unit_ref', 'UPDATE members SET unit_ref = 99 WHERE ref = 1'],
  ['members.union_ref', 'UPDATE members SET union_ref = 99 WHERE ref = 1'],
  ['units.merged_into_ref', 'UPDATE units SET merged_into_ref = 99 WHERE ref = 1'],
  ['hardship_files.member_id', `UPDATE hardship_files SET member_id = '${NOBODY}'`],
  ['file_household.file_id', `UPDATE file_household SET file_id = '${NOBODY}'`],
  ['file_visits.file_id', `UPDATE file_visits SET file_id = '${NOBODY}'`],
  ['file_objections.file_id', `UPDATE file_objections SET file_id = '${NOBODY}'`],
  ['file_attachments.file_id', `UPDATE file_attachments SET file_id = '${NOBODY}'`],
  ['file_attachments.visit_id', `UPDATE file_attachments SET visit_id = '${NOBODY}' WHERE visit_id IS NOT NULL`],
  [
    'file_events.file_id',
    `INSERT INTO file_events (file_id, at, action, to_status) VALUES ('${NOBODY}', '2026-11-21T00:00:00.000Z', 'x', 'draft')`,
  ],
  ['policy_values.created_by', `UPDATE policy_values SET created_by = '${NOBODY}'`],
  ['policy_values.voided_by', `UPDATE policy_values SET voided_by = '${NOBODY}'`],
  ['calendar_days.created_by', `UPDATE calendar_days SET created_by = '${NOBODY}'`],
  ['roster_imports.user_id', `UPDATE roster_imports SET user_id = '${NOBODY}'`],
  [
    'policy_file_programs.program_id',
    `INSERT INTO policy_file_programs (program_id, source_code, source_issue, source_program_id) VALUES ('${NOBODY}', 'F', 1, 'p')`,
  ],
  [
    'audit_log.user_id',
    `INSERT INTO audit_log (at, user_id, action, summary, prev_hash, hash)
     VALUES ('2026-11-21T00:00:00.000Z', '${NOBODY}', 'x', '{}', 'h1', 'h2')`,
  ],
];

describe('foreign keys', () => {
  it('refuse every write that names a missing parent, and take the empty reference', () => {
    const sqlite = databaseAt(migrations.length);
    for (const [reference, write] of ORPHANS) expect(() => sqlite.exec(write), reference).toThrow(/FOREIGN KEY constraint failed/);

    // Optional references stay optional: a file for a worker who is not a member, a member without a unit.
    sqlite.exec('UPDATE hardship_files SET member_id = NULL');
    sqlite.exec('UPDATE members SET unit_ref = NULL, union_ref = NULL WHERE ref = 1');
    // A reference to a unit added later in the same transaction is checked at the end of the statement.
    sqlite.exec(`INSERT INTO units (ref, id, origin, updated_at, kind, name, name_key)
                 VALUES (7, '${NOBODY}', 'o', 'x', 'employer', '新厂', '新厂')`);
    sqlite.exec('UPDATE members SET unit_ref = 7 WHERE ref = 1');
    expect(sqlite.pragma('foreign_key_check')).toEqual([]);
  });

  it('are where a record names another: the list, table by table', () => {
    const sqlite = databaseAt(migrations.length);
    const tables = sqlite.prepare("SELECT name FROM sqlite_schema WHERE type = 'table' ORDER BY name").pluck().all() as string[];
    const keys = tables.flatMap((t) =>
      (sqlite.pragma(`foreign_key_list("${t}")`) as { table: string; from: string; to: string; on_delete: string }[]).map(
        (k) => `${t}.${k.from} → ${k.table}.${k.to} ${k.on_delete}`,
      ),
    );
    expect(keys.sort()).toEqual([
      'aid_batches.program_id → aid_programs.id NO ACTION',
      'aid_certificates.file_id → hardship_files.id NO ACTION',
      'aid_payments.batch_id → aid_batches.id NO ACTION',
      'aid_payments.file_id → hardship_files.id NO ACTION',
      'aid_payments.program_id → aid_programs.id NO ACTION',
      'aid_payments.unit_ref → units.ref NO ACTION',
      'audit_log.user_id → users.id NO ACTION',
      'calendar_days.created_by → users.id NO ACTION',
      'calendar_days.voided_by → users.id NO ACTION',
      'compare_lists.imported_by → users.id NO ACTION',
      'compare_rows.list_ref → compare_lists.ref NO ACTION',
      'exchange_alarms.by_user → users.id NO ACTION',
      'exchange_alarms.settled_by → users.id NO ACTION',
      'exchange_peers.confirmed_by → users.id NO ACTION',
      'exchange_peers.imported_by → users.id NO ACTION',
      'exchange_peers.replaces_id → exchange_peers.id NO ACTION',
      'exchange_received.imported_by → users.id NO ACTION',
      'exchange_received.peer_id → exchange_peers.id NO ACTION',
      'exchange_sent.exported_by → users.id NO ACTION',
      'exchange_sent.receipt_imported_by → users.id NO ACTION',
      'exchange_sent.recipient_peer_id → exchange_peers.id NO ACTION',
      'exchange_sent_attachments.sequence → exchange_sent.sequence NO ACTION',
      'file_attachments.file_id → hardship_files.id NO ACTION',
      'file_attachments.visit_id → file_visits.id NO ACTION',
      'file_events.file_id → hardship_files.id NO ACTION',
      'file_household.file_id → hardship_files.id NO ACTION',
      'file_imports.decided_by → users.id NO ACTION',
      'file_imports.staged_by → users.id NO ACTION',
      'file_objections.file_id → hardship_files.id NO ACTION',
      'file_visits.file_id → hardship_files.id NO ACTION',
      'hardship_files.member_key → members.id NO ACTION',
      'members.origin_ref → origins.ref NO ACTION',
      'members.union_ref → units.ref NO ACTION',
      'members.unit_ref → units.ref NO ACTION',
      'policy_file_imports.imported_by → users.id NO ACTION',
      'policy_file_issues.created_by → users.id NO ACTION',
      'policy_file_programs.program_id → aid_programs.id NO ACTION',
      'policy_values.created_by → users.id NO ACTION',
      'policy_values.voided_by → users.id NO ACTION',
      'roster_imports.user_id → users.id NO ACTION',
      'units.merged_into_ref → units.ref NO ACTION',
    ]);
  });

  it('come in by rebuilding tables whose indexes, triggers, rows, change log and audit sequence are as they were', () => {
    const sqlite = databaseAt(foreignKeys.index);
    const objects = () =>
      sqlite.prepare("SELECT type, name, tbl_name, sql FROM sqlite_schema WHERE type IN ('index', 'trigger') ORDER BY name").all();
    const before = objects();
    const changeLog = sqlite.prepare('SELECT * FROM change_log ORDER BY seq').all();
    const revs = () =>
      sqlite
        .prepare("SELECT 'm' || ref, rev FROM members UNION ALL SELECT id, rev FROM units UNION ALL SELECT id, rev FROM hardship_files")
        .all();
    const revsBefore = revs();

    applyMigrations(sqlite, [foreignKeys]);
    expect(objects()).toEqual(before);
    // The copy fired no trigger: nothing to send to the federation, no rev raised.
    expect(sqlite.prepare('SELECT * FROM change_log ORDER BY seq').all()).toEqual(changeLog);
    expect(revs()).toEqual(revsBefore);
    // The audit log's sequence goes on from where it was (AUTOINCREMENT's counter survives the rename).
    sqlite.exec("INSERT INTO audit_log (at, action, summary, prev_hash, hash) VALUES ('2026-11-22T00:00:00.000Z', 'x', '{}', 'h1', 'h2')");
    expect(sqlite.prepare('SELECT seq FROM audit_log ORDER BY seq').pluck().all()).toEqual([1, 2]);
    // The rebuilt tables' triggers still work.
    sqlite.exec("UPDATE members SET name = '单信' WHERE ref = 1");
    expect(sqlite.prepare("SELECT rowid FROM members_grams WHERE members_grams MATCH '雄信'").pluck().all()).toEqual([]);
    expect(sqlite.prepare('SELECT rev FROM members WHERE ref = 1').pluck().get()).toBe(2);
    const rebuilt = ['members', 'units', 'file_visits', 'file_attachments', 'file_household', 'file_objections', 'file_events'];
    for (const table of [...rebuilt, 'policy_values', 'calendar_days', 'audit_log']) {
      expect(() => sqlite.exec(`DELETE FROM ${table}`), table).toThrow(/refused|append-only/);
    }
    expect(sqlite.prepare('SELECT hex(member_key) FROM hardship_files').pluck().get()).toBe(SEEDED.memberHex[0]!.toUpperCase());
  });

  it('refuse to upgrade a database whose rows name a missing parent, naming the tables, and leave it as it was', () => {
    const sqlite = databaseAt(foreignKeys.index);
    // What an older program could have left: a member of a unit that is not there, a visit of no file.
    sqlite.exec('UPDATE members SET unit_ref = 42 WHERE ref = 3');
    sqlite.exec(`UPDATE file_visits SET file_id = '${NOBODY}'`);
    sqlite.exec(`UPDATE file_attachments SET visit_id = NULL`);
    const schemaBefore = sqlite.prepare('SELECT sql FROM sqlite_schema ORDER BY name').pluck().all();

    expect(() => applyMigrations(sqlite, pendingMigrations(sqlite, migrations))).toThrow(
      /refused: rows name a missing parent \(file_visits → hardship_files: 1, members → units: 1\)/,
    );
    expect(schemaVersion(sqlite)).toBe(foreignKeys.index);
    expect(sqlite.prepare('SELECT sql FROM sqlite_schema ORDER BY name').pluck().all()).toEqual(schemaBefore);
    expect(sqlite.prepare('SELECT unit_ref FROM members WHERE ref = 3').pluck().get()).toBe(42);
  });
});
