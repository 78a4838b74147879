import type { Sqlite } from '../src/main/core/db/client';
import { addCentrePeer } from '../src/main/tools/federation-mirror-rows';

/**
 * A centre's own files, programs and payments copied into exchange_records as a batch carries them and the importer
 * leaves them (docs/exchange-format.md "Records by table": columns by their SQL names in `fields`, the file's events
 * and household inside it, the view columns of migration 0025 filled), under the centre `code`, trusted. `origin`
 * (default: the office's own id) lets one office's data stand for several centres.
 */
export function copyIntoExchange(sqlite: Sqlite, centre: { code: string; name: string; origin?: string }): void {
  const origin = centre.origin ?? (sqlite.prepare('SELECT id FROM org').pluck().get() as string);
  const { code } = centre;
  const columns = (table: string, leave: string[]) =>
    (sqlite.prepare(`SELECT name FROM pragma_table_info(?)`).pluck().all(table) as string[])
      .filter((c) => !['id', 'origin', 'rev', 'updated_at', 'deleted_at', ...leave].includes(c))
      .map((c) => `'${c}', ${c}`)
      .join(', ');
  const parts = (table: string) => `'${table === 'file_events' ? 'events' : 'household'}',
    json((SELECT json_group_array(json_object(${columns(table, ['file_id']).replace(/, (\w+)(?=,|$)/g, ', p.$1')})) FROM ${table} p WHERE p.file_id = f.id))`;
  sqlite.transaction(() => {
    addCentrePeer(sqlite, {
      code,
      name: centre.name,
      status: 'trusted',
      importedAt: '2026-01-01T00:00:00.000Z',
      confirmedAt: '2026-01-01T00:00:00.000Z',
    });
    const copy = (table: string, fields: string, view: string, alias = 't') =>
      sqlite.exec(`INSERT INTO exchange_records (origin, table_name, id, centre_code, rev, updated_at, deleted_at, fields, sequence,
          status, category, file_no, name, id_tail, year, entered_at, type, amount_fen, program_id, paid_on)
        SELECT '${origin}', '${table}', ${alias}.id, '${code}', ${alias}.rev, ${alias}.updated_at, ${alias}.deleted_at, ${fields}, 1, ${view}
        FROM ${table} ${alias}`);
    // Every batch carries the centre's org record: the origin its records carry.
    sqlite
      .prepare(
        `INSERT INTO exchange_records (origin, table_name, id, centre_code, rev, updated_at, deleted_at, fields, sequence)
         VALUES (?, 'org', ?, ?, 1, '2026-01-01T00:00:00.000Z', NULL, '{}', 1)`,
      )
      .run(origin, origin, code);
    copy(
      'hardship_files',
      `json_object(${columns('hardship_files', ['member_key', 'main_cause', 'entered_on', 'left_on', 'left_by'])}, ${parts('file_events')}, ${parts('file_household')})`,
      `f.status, f.category, f.file_no, f.head_name, substr(f.head_id_number, -4), NULL, NULL, NULL, NULL, NULL, NULL`,
      'f',
    );
    copy('aid_programs', `json_object(${columns('aid_programs', [])})`, 'NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL');
    copy(
      'aid_payments',
      `json_object(${columns('aid_payments', ['unit_ref'])})`,
      't.status, NULL, NULL, NULL, NULL, t.year, t.entered_at, t.type, t.amount_fen, t.program_id, t.paid_on',
    );
  })();
}
