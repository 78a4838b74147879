import { describe, expect, it } from 'vitest';
import { CHANNEL_NAMES, contract } from '@shared/contract';
import { addUser, startSetUpCore } from './support/core';

describe('audit log', () => {
  it('records every changing call with who, what and which record, chained by hash', async () => {
    const t = await startSetUpCore();
    const { user } = await addUser(t, 'clerk', 'clerk1', 'c');
    await t.call('users.update', { id: user.id, displayName: '经办一', role: 'reviewer' });
    const { entries, total, actions } = await t.call('audit.list', { page: 1, pageSize: 50 });
    expect(total).toBe(entries.length);
    expect(actions).toEqual(expect.arrayContaining(['system.setup', 'auth.signIn', 'users.create', 'auth.changePassword', 'users.update']));
    const update = entries.find((e) => e.action === 'users.update')!;
    expect(update).toMatchObject({
      userName: 'admin',
      recordType: 'user',
      recordId: user.id,
      summary: { event: 'user.roleChanged', params: { from: 'clerk', to: 'reviewer' } },
    });
    // Summaries carry codes, never the names typed in (the list names people and records from the records now).
    expect(JSON.stringify(entries.map((e) => e.summary))).not.toContain('经办一');
    expect(update.userDisplayName).toBe('管理员');
    expect(update.recordName).toBe('经办一');
    expect(await t.call('audit.verify', {})).toEqual({ ok: true, checked: total, firstBrokenSeq: null, problems: [] });
  });

  it('filters by user, action and local date', async () => {
    const t = await startSetUpCore();
    const admin = (await t.call('users.list')).users[0]!;
    await addUser(t, 'clerk', 'clerk1', 'c');
    const byAction = await t.call('audit.list', { action: 'users.create', page: 1, pageSize: 50 });
    expect(byAction.entries.map((e) => e.action)).toEqual(['users.create']);
    const byUser = await t.call('audit.list', { userId: admin.id, page: 1, pageSize: 50 });
    expect(byUser.entries.every((e) => e.userId === admin.id)).toBe(true);
    const today = new Date(t.clock.now().getTime() - t.clock.now().getTimezoneOffset() * 60_000).toISOString().slice(0, 10);
    const all = await t.call('audit.list', { page: 1, pageSize: 50 });
    expect((await t.call('audit.list', { from: today, to: today, page: 1, pageSize: 50 })).total).toBe(all.total);
    expect((await t.call('audit.list', { from: '2000-01-01', to: '2000-01-02', page: 1, pageSize: 50 })).total).toBe(0);
  });

  it('detects an entry edited in the database file', async () => {
    const t = await startSetUpCore();
    await addUser(t, 'clerk', 'clerk1', 'c');
    const sqlite = t.core.state.conn!.sqlite;
    expect(() => sqlite.exec("UPDATE audit_log SET summary = 'nothing' WHERE seq = 2")).toThrow(/append-only/);
    // Someone with the key and a SQLite tool drops the guard and edits an entry.
    sqlite.exec(`DROP TRIGGER audit_log_no_update; UPDATE audit_log SET summary = '{"event":"user.signedOut","params":{}}' WHERE seq = 3`);
    expect(await t.call('audit.verify', {})).toMatchObject({ ok: false, firstBrokenSeq: 3 });
  });

  it('detects an entry deleted from the database file', async () => {
    const t = await startSetUpCore();
    await addUser(t, 'clerk', 'clerk1', 'c');
    const sqlite = t.core.state.conn!.sqlite;
    expect(() => sqlite.exec('DELETE FROM audit_log WHERE seq = 2')).toThrow(/append-only/);
    sqlite.exec('DROP TRIGGER audit_log_no_delete; DELETE FROM audit_log WHERE seq = 2');
    expect(await t.call('audit.verify', {})).toMatchObject({ ok: false, firstBrokenSeq: 3 });
  });

  it('marks every channel that changes data, so the router can demand an audit entry', () => {
    const mutating = CHANNEL_NAMES.filter((c) => contract[c].mutates);
    expect(mutating).toEqual(expect.arrayContaining(['system.setup', 'users.create', 'org.update', 'backup.restore']));
    expect(mutating).not.toContain('users.list');
  });
});
