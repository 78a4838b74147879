import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/main/core/db/client';
import { applyMigrations, loadMigrations } from '../../src/main/core/db/migrate';
import { newDatabaseKey } from '../../src/main/core/keys/key-file';
import { RESOURCES_DIR, tempDir } from './support/core';
import { SEEDED, seedRows } from './support/migration-rows';

const migrations = loadMigrations(`${RESOURCES_DIR}/migrations`);

/** Two lists as 0026 held them: rows named by the list's UUID. Invented people (the standard's example numbers). */
const LISTS = [
  { id: '0192a7b0-0000-7000-8000-000000000901', at: '2026-12-01T08:00:00.000Z', rows: [[2, '11010519491231002X', '张三', '["3"]']] },
  {
    id: '0192a7b0-0000-7000-8000-000000000902',
    at: '2026-11-30T08:00:00.000Z',
    rows: [
      [2, '110105194912310038', '李四', null],
      [5, '110105194912310046', '', null],
    ],
  },
];

describe('migration 0032: 信息比对 lists compact (integer list refs, rows WITHOUT ROWID, covering match indexes)', () => {
  it('keeps every list and row, each row under its own list, and leaves no table of the old shape', () => {
    const { sqlite } = openDatabase(`${tempDir()}/x.db`, newDatabaseKey());
    const at = migrations.findIndex((m) => m.tag === '0032_compare_compact');
    applyMigrations(sqlite, migrations.slice(0, at));
    seedRows(sqlite, at);
    for (const list of LISTS) {
      sqlite
        .prepare(
          `INSERT INTO compare_lists (id, source, kind, file_name, extra_headers, row_count, rejected_count, imported_by, imported_at)
           VALUES (?, '测试区民政局', 'dibao', '名单.csv', '[]', ?, 0, ?, ?)`,
        )
        .run(list.id, list.rows.length, SEEDED.admin, list.at);
      for (const row of list.rows) sqlite.prepare('INSERT INTO compare_rows VALUES (?, ?, ?, ?, ?)').run(list.id, ...row);
    }

    applyMigrations(sqlite, migrations.slice(at, at + 1));
    const lists = sqlite.prepare('SELECT ref, id, row_count FROM compare_lists ORDER BY ref').raw().all();
    // Refs in the order the lists were imported.
    expect(lists).toEqual([
      [1, LISTS[1]!.id, 2],
      [2, LISTS[0]!.id, 1],
    ]);
    const rows = sqlite
      .prepare(
        'SELECT l.id, r.row_number, r.id_number, r.name, r.extra FROM compare_rows r JOIN compare_lists l ON l.ref = r.list_ref ORDER BY l.ref, r.row_number',
      )
      .raw()
      .all();
    expect(rows).toEqual([LISTS[1]!, LISTS[0]!].flatMap((list) => list.rows.map((row) => [list.id, ...row])));
    const tables = sqlite.pragma('table_list') as { name: string; wr: number; strict: number }[];
    expect(tables.find((t) => t.name === 'compare_rows')).toMatchObject({ wr: 1, strict: 1 });
    expect(tables.filter((t) => t.name.includes('__new'))).toEqual([]);
    const indexes = sqlite.prepare("SELECT name FROM sqlite_schema WHERE type = 'index' AND name NOT LIKE 'sqlite_%'").pluck().all();
    expect(indexes).toEqual(expect.arrayContaining(['compare_rows_id_number', 'file_household_file', 'hardship_files_compare']));
    expect(sqlite.pragma('foreign_key_check')).toEqual([]);
  });
});
