import { describe, expect, it } from 'vitest';
import { ORG, startSetUpCore } from './support/core';

describe('sync columns and the change log (records that travel to the federation)', () => {
  it('log every insert and update with its rev, raise rev on every change, and refuse hard deletes', async () => {
    const t = await startSetUpCore();
    const sqlite = t.core.state.conn!.sqlite;
    const org = sqlite.prepare('SELECT id, origin, rev FROM org').get() as { id: string; origin: string; rev: number };
    expect(org).toMatchObject({ origin: org.id, rev: 1 });
    expect(sqlite.prepare('SELECT table_name, record_id, op, rev FROM change_log').all()).toEqual([
      { table_name: 'org', record_id: org.id, op: 'insert', rev: 1 },
    ]);

    // A change through the program, and one by a path that forgot rev: both are logged with a new rev.
    await t.call('org.update', { name: '新名称帮扶中心', creditCode: ORG.creditCode, regionCode: ORG.regionCode, idleLockMinutes: 12 });
    sqlite.prepare('UPDATE org SET idle_lock_minutes = 13').run();
    expect((sqlite.prepare('SELECT rev FROM org').get() as { rev: number }).rev).toBe(3);
    expect(sqlite.prepare("SELECT op, rev FROM change_log WHERE table_name = 'org' ORDER BY seq").all()).toEqual([
      { op: 'insert', rev: 1 },
      { op: 'update', rev: 2 },
      { op: 'update', rev: 3 },
    ]);

    expect(() => sqlite.prepare('DELETE FROM org').run()).toThrow(/hard delete refused/);
  });
});
