import { describe, expect, it } from 'vitest';
import { CHANNEL_NAMES, contract } from '@shared/contract';
import { roleAllows, type Role } from '@shared/roles';
import { addUser, startSetUpCore } from './support/core';

describe('router', () => {
  it('returns INVALID_INPUT with the failing fields, never a stack trace', async () => {
    const t = await startSetUpCore();
    const error = await t.fail('users.create', { username: 'a', role: 'boss' });
    expect(error.code).toBe('INVALID_INPUT');
    expect(error.issues?.map((i) => i.path[0])).toEqual(expect.arrayContaining(['username', 'role', 'displayName', 'password']));
    expect(JSON.stringify(error)).not.toMatch(/at .*\.ts/);
  });

  it('refuses unknown channels', async () => {
    const t = await startSetUpCore();
    expect((await t.core.dispatch('test', 'db.exec', { sql: 'DROP TABLE users' })).ok).toBe(false);
    expect(await t.core.dispatch('test', '__proto__', {})).toEqual({ ok: false, error: { code: 'UNKNOWN_CHANNEL' } });
    expect(await t.core.dispatch('test', 'toString', {})).toEqual({ ok: false, error: { code: 'UNKNOWN_CHANNEL' } });
  });

  it('checks the role the contract names for each channel', async () => {
    const t = await startSetUpCore();
    await addUser(t, 'clerk', 'clerk1', 'c');
    expect((await t.fail('users.list', {}, 'c')).code).toBe('FORBIDDEN');
    expect((await t.fail('audit.list', {}, 'c')).code).toBe('FORBIDDEN');
    expect((await t.fail('backup.create', {}, 'c')).code).toBe('FORBIDDEN');
    expect((await t.call('org.get', {}, 'c')).mode).toBe('centre');
    expect((await t.fail('org.get', {}, 'nobody')).code).toBe('UNAUTHENTICATED');
  });

  it('answers every channel a caller without the role may not use with UNAUTHENTICATED or FORBIDDEN, before reading its input', async () => {
    const t = await startSetUpCore();
    await addUser(t, 'viewer', 'viewer1', 'v');
    const closed = CHANNEL_NAMES.filter((channel) => contract[channel].access !== 'public');
    const aboveViewer = closed.filter((channel) => !roleAllows('viewer', contract[channel].access as Role));
    expect(aboveViewer.length).toBeGreaterThan(50);
    // Input that no channel accepts: a refusal for the role must come before INVALID_INPUT names any field.
    const junk = { '': 'x'.repeat(10) };
    for (const channel of closed) expect((await t.fail(channel, junk, 'nobody')).code, channel).toBe('UNAUTHENTICATED');
    for (const channel of aboveViewer) expect((await t.fail(channel, junk, 'v')).code, channel).toBe('FORBIDDEN');
  });

  it('takes a role change at once', async () => {
    const t = await startSetUpCore();
    const { user } = await addUser(t, 'clerk', 'clerk2', 'c');
    await t.call('users.update', { id: user.id, displayName: '经办二', role: 'admin' });
    expect((await t.call('users.list', {}, 'c')).users).toHaveLength(2);
  });

  it('turns an unexpected error into INTERNAL with a log reference, and logs no personal data', async () => {
    const t = await startSetUpCore();
    // Break the database under the core to force an unexpected failure.
    t.core.state.conn!.sqlite.exec('DROP TRIGGER audit_log_no_update; ALTER TABLE users RENAME TO users_gone');
    const error = await t.fail('users.list');
    expect(error.code).toBe('INTERNAL');
    expect(error.ref).toMatch(/^E/);
    expect(t.logger.lines.join('\n')).toContain(error.ref!);
    expect(t.logger.lines.join('\n')).not.toMatch(/[\u4e00-\u9fff]/);
  });
});
