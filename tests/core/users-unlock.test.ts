import { describe, expect, it } from 'vitest';
import { MAX_FAILED_ATTEMPTS } from '../../src/main/core/features/auth/auth.service';
import { addUser, startSetUpCore } from './support/core';

describe('unlocking a locked user', () => {
  it('lets the administrator lift a lockout; the user signs in with the password they know, and the log says so', async () => {
    const t = await startSetUpCore();
    const { user, password } = await addUser(t, 'clerk', 'clerk1', 'c');
    for (let i = 0; i < MAX_FAILED_ATTEMPTS; i++) await t.fail('auth.signIn', { username: 'clerk1', password: 'wrong-one' }, 'c');
    expect(await t.fail('auth.signIn', { username: 'clerk1', password }, 'c')).toMatchObject({ code: 'ACCOUNT_LOCKED' });
    const locked = (await t.call('users.list')).users.find((u) => u.id === user.id)!;
    expect(locked.lockedUntil).not.toBeNull();

    const unlocked = await t.call('users.unlock', { id: user.id });
    expect(unlocked).toMatchObject({ lockedUntil: null, mustChangePassword: false });
    // Same password as before: no temporary password to hand over, nothing to change.
    expect(await t.call('auth.signIn', { username: 'clerk1', password }, 'c')).toMatchObject({ user: { username: 'clerk1' } });

    const { entries } = await t.call('audit.list', { action: 'users.unlock', page: 1, pageSize: 5 });
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({ recordId: user.id, userName: 'admin', summary: { event: 'user.unlocked' } });
  });

  it('refuses an account that is not locked, and anyone but an administrator', async () => {
    const t = await startSetUpCore();
    const { user } = await addUser(t, 'clerk', 'clerk1', 'c');
    expect(await t.fail('users.unlock', { id: user.id })).toMatchObject({ code: 'ACCOUNT_NOT_LOCKED' });
    expect(await t.fail('users.unlock', { id: user.id }, 'c')).toMatchObject({ code: 'FORBIDDEN' });
  });
});
