import { v7 as uuidv7 } from 'uuid';
import { describe, expect, it } from 'vitest';
import type { ColumnMapping } from '@shared/contract/roster-import';
import { demoMembers } from '../../src/main/core/features/roster/demo-members';
import { entryLine, type BatchRecord } from '../../src/main/core/exchange/format/payload';
import { exportEntries } from '../../src/main/core/features/exchange/export-records';
import { createExportSet, dropExportSet } from '../../src/main/core/features/exchange/export-set';
import { writeDemoFilesFor } from '../../src/main/tools/demo-hardship-files';
import { sqliteOf } from './support/aid';
import { inboxUpload, startSetUpCore, type TestCore } from './support/core';

/**
 * The file lines SQLite builds for a batch (export-records.ts filePageSql) are, byte for byte, the lines the format's
 * writer makes of the same rows read plainly: every column of the file but the sync values and those kept here, then
 * each part's rows in order without file_id (attachments without their content).
 */

type Row = Record<string, unknown>;
const SYNC = ['id', 'origin', 'rev', 'updated_at', 'deleted_at'];
const KEPT_HERE = [
  'member_key',
  'main_cause',
  'entered_on',
  'left_on',
  'left_by',
  'last_step_at',
  'kept_since',
  'prior_entered_on',
  'prior_left_on',
  'prior_left_by',
  'prior_since',
];
const PARTS = [
  ['household', 'SELECT * FROM file_household WHERE file_id = ? ORDER BY id'],
  ['visits', 'SELECT * FROM file_visits WHERE file_id = ? ORDER BY id'],
  ['objections', 'SELECT * FROM file_objections WHERE file_id = ? ORDER BY id'],
  ['events', 'SELECT * FROM file_events WHERE file_id = ? ORDER BY seq'],
  ['attachments', 'SELECT * FROM file_attachments WHERE file_id = ? ORDER BY id'],
] as const;

async function importRoster(t: TestCore, n: number) {
  const lines = ['姓名,身份证号', ...[...demoMembers(n)].map((m) => `${m.name},${m.idNumber}`)];
  const source = inboxUpload(t, 'roster.csv', Buffer.from(lines.join('\r\n'), 'utf8'));
  const inspected = await t.call('rosterImport.inspect', source);
  const { result } = await t.job('rosterImport.commit', { ...source, mapping: inspected.suggested as ColumnMapping, policy: 'update' });
  if (!result.ok) throw new Error(JSON.stringify(result.error));
}

function expectedLine(sqlite: ReturnType<typeof sqliteOf>, file: Row): string {
  const fields: Row = {};
  for (const [key, value] of Object.entries(file)) if (!SYNC.includes(key) && !KEPT_HERE.includes(key)) fields[key] = value;
  for (const [key, sql] of PARTS) {
    fields[key] = (sqlite.prepare(sql).all(file.id) as Row[]).map(({ file_id: _f, ...rest }) => {
      if (key === 'attachments') delete rest.content;
      return rest;
    });
  }
  const record: BatchRecord = {
    table: 'hardship_files',
    id: file.id as string,
    origin: file.origin as string,
    rev: file.rev as number,
    updated_at: file.updated_at as string,
    deleted_at: (file.deleted_at as string | null) ?? null,
    fields,
  };
  return entryLine({ kind: 'record', record });
}

describe('上报批次: file lines built by SQLite', () => {
  it('equal the lines the writer makes of the same rows, parts, odd text and a tombstone included', async () => {
    const t = await startSetUpCore();
    const sqlite = sqliteOf(t);
    await importRoster(t, 1_203);
    expect(writeDemoFilesFor(t.core, 1_203)).toBe(1_203);
    const [first, second] = sqlite.prepare('SELECT id FROM hardship_files ORDER BY id LIMIT 2').pluck().all() as [string, string];
    sqlite.prepare(`UPDATE hardship_files SET head_name = ? WHERE id = ?`).run('王"小\\二\u0001😀\n', first);
    sqlite.prepare(`UPDATE hardship_files SET deleted_at = '2026-01-02T00:00:00.000Z' WHERE id = ?`).run(second);
    const admin = sqlite.prepare('SELECT id FROM users LIMIT 1').pluck().get() as string;
    sqlite
      .prepare(
        `INSERT INTO file_visits (id, file_id, kind, date, visitors, items, all_clear, head_signed, recorded_by, recorded_at)
         VALUES (?, ?, 'home', '2026-05-20', '["张三"]', '[{"k":"a\\"b"}]', 1, 1, ?, '2026-05-20T01:00:00.000Z')`,
      )
      .run(uuidv7(), first, admin);
    sqlite
      .prepare(`INSERT INTO file_objections (id, file_id, received_on, content, status) VALUES (?, ?, '2026-05-25', '异议', 'open')`)
      .run(uuidv7(), first);
    sqlite
      .prepare(
        `INSERT INTO file_attachments (id, file_id, type, file_name, mime, size, content, added_by, added_at)
         VALUES (?, ?, 'income', '收入证明.jpg', 'image/jpeg', 3, x'ffd8ff', 'test', '2026-01-02T00:00:00.000Z')`,
      )
      .run(uuidv7(), first);

    createExportSet(sqlite, null);
    const lines: string[] = [];
    for await (const entry of exportEntries(sqlite, async () => undefined)) {
      if (entry.kind === 'lines' && entry.lines.table === 'hardship_files') {
        const text = entry.lines.utf8.toString('utf8');
        lines.push(
          ...text
            .slice(0, -1)
            .split('\n')
            .map((line) => line + '\n'),
        );
        expect(text.endsWith('\n')).toBe(true);
      }
    }
    dropExportSet(sqlite);
    const files = sqlite.prepare('SELECT * FROM hardship_files ORDER BY id').all() as Row[];
    expect(lines.length).toBe(files.length);
    const byId = new Map(lines.map((line) => [(JSON.parse(line) as { id: string }).id, line]));
    for (const file of files) expect(byId.get(file.id as string)).toBe(expectedLine(sqlite, file));
    const parsed = JSON.parse(byId.get(first)!) as { fields: { head_name: string; attachments: unknown[] } };
    expect(parsed.fields.head_name).toBe('王"小\\二\u0001😀\n');
    expect(parsed.fields.attachments).toHaveLength(1);
    expect(parsed.fields).toMatchObject({
      visits: [expect.objectContaining({ items: '[{"k":"a\\"b"}]' })],
      objections: [expect.anything()],
    });
  });
});
