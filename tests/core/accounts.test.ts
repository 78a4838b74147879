import { describe, expect, it } from 'vitest';
import { LOCKOUT_MINUTES, MAX_FAILED_ATTEMPTS } from '../../src/main/core/features/auth/auth.service';
import { ADMIN, ORG, addUser, startCore, startSetUpCore } from './support/core';

describe('first-run setup', () => {
  it('creates the organisation and administrator once, with a recovery code and its PDF', async () => {
    const t = startCore();
    expect((await t.call('system.status')).state).toBe('needs-setup');
    expect((await t.fail('auth.signIn', { username: 'admin', password: 'x' })).code).toBe('NOT_SET_UP');
    const result = await t.call('system.setup', { org: ORG, admin: ADMIN });
    expect(result.recoveryCode).toMatch(/^([2-9A-Z]{5}-){5}[2-9A-Z]{5}$/);
    expect(result.recoveryPdf.mime).toBe('application/pdf');
    expect(result.warnings).toEqual([]);
    expect(await t.call('system.status')).toMatchObject({ state: 'ready', orgName: ORG.name, mode: 'centre' });
    expect((await t.fail('system.setup', { org: ORG, admin: ADMIN })).code).toBe('ALREADY_SET_UP');
  });

  it('warns about a credit code whose check character is wrong, and refuses a malformed one', async () => {
    const t = startCore();
    const badCheck = `${ORG.creditCode.slice(0, 17)}${ORG.creditCode[17] === '0' ? '1' : '0'}`;
    expect((await t.fail('system.setup', { org: { ...ORG, creditCode: 'ABC' }, admin: ADMIN })).code).toBe('INVALID_CREDIT_CODE');
    expect((await t.fail('system.setup', { org: { ...ORG, regionCode: '990101' }, admin: ADMIN })).code).toBe('INVALID_REGION_CODE');
    expect((await t.fail('system.setup', { org: ORG, admin: { ...ADMIN, password: 'short' } })).code).toBe('PASSWORD_TOO_WEAK');
    const result = await t.call('system.setup', { org: { ...ORG, creditCode: badCheck }, admin: ADMIN });
    expect(result.warnings).toEqual(['CREDIT_CODE_CHECK']);
  });
});

describe('sign-in and lockout', () => {
  it('signs in and out', async () => {
    const t = await startSetUpCore();
    expect((await t.call('auth.session')).user).toMatchObject({ username: 'admin', role: 'admin' });
    await t.call('auth.signOut');
    expect((await t.call('auth.session')).user).toBeNull();
    expect((await t.fail('users.list')).code).toBe('UNAUTHENTICATED');
  });

  it(`locks an account after ${MAX_FAILED_ATTEMPTS} wrong passwords, for ${LOCKOUT_MINUTES} minutes`, async () => {
    const t = await startSetUpCore();
    for (let i = 1; i < MAX_FAILED_ATTEMPTS; i++) {
      const error = await t.fail('auth.signIn', { username: 'admin', password: 'wrong' }, 'other');
      expect(error).toMatchObject({ code: 'BAD_CREDENTIALS', params: { remaining: MAX_FAILED_ATTEMPTS - i } });
    }
    expect((await t.fail('auth.signIn', { username: 'admin', password: 'wrong' }, 'other')).code).toBe('ACCOUNT_LOCKED');
    // Even the right password is refused while locked.
    expect((await t.fail('auth.signIn', { username: 'admin', password: ADMIN.password }, 'other')).code).toBe('ACCOUNT_LOCKED');
    t.clock.advance(LOCKOUT_MINUTES * 60_000 + 1000);
    expect((await t.call('auth.signIn', { username: 'admin', password: ADMIN.password }, 'other')).user?.username).toBe('admin');
  });

  it('does not reveal whether a username exists: an unknown name gets the same answers, attempts left and lockout', async () => {
    const t = await startSetUpCore();
    const answers = async (username: string) => {
      const seen = [];
      for (let i = 0; i <= MAX_FAILED_ATTEMPTS; i++)
        seen.push(await t.fail('auth.signIn', { username, password: 'wrong' }, `c-${username}`));
      t.clock.advance(60_000);
      seen.push(await t.fail('auth.signIn', { username, password: 'wrong' }, `c-${username}`));
      return seen;
    };
    const known = await answers('admin');
    const unknown = await answers('nobody');
    expect(unknown).toEqual(known);
    expect(known.map((e) => e.code)).toEqual([
      ...Array(MAX_FAILED_ATTEMPTS - 1).fill('BAD_CREDENTIALS'),
      'ACCOUNT_LOCKED',
      'ACCOUNT_LOCKED',
      'ACCOUNT_LOCKED',
    ]);
    expect(known.at(-1)).toEqual({ code: 'ACCOUNT_LOCKED', params: { minutes: LOCKOUT_MINUTES - 1 } });
    // Both names are free again after the lockout: the unknown one answers as a fresh account would.
    t.clock.advance(LOCKOUT_MINUTES * 60_000);
    expect(await t.fail('auth.signIn', { username: 'nobody', password: 'wrong' }, 'x')).toEqual({
      code: 'BAD_CREDENTIALS',
      params: { remaining: MAX_FAILED_ATTEMPTS - 1 },
    });
  });

  it('answers a locked account no faster than an unknown name: both still hash the password', async () => {
    const t = await startSetUpCore();
    for (let i = 0; i < MAX_FAILED_ATTEMPTS; i++) await t.fail('auth.signIn', { username: 'admin', password: 'wrong' }, 'c');
    // Durations, not dates: the fastest of three of each, so one slow moment on a busy machine does not decide.
    const fastest = async (username: string) => {
      let best = Infinity;
      for (let i = 0; i < 3; i++) {
        const start = performance.now();
        await t.fail('auth.signIn', { username, password: 'wrong' }, 'c');
        best = Math.min(best, performance.now() - start);
      }
      return best;
    };
    const locked = await fastest('admin');
    const unknown = await fastest('nobody');
    // Without the hash a locked answer takes about a hundredth of an unknown name's (a scrypt of 32 MB).
    expect(locked / unknown).toBeGreaterThan(0.2);
  });

  it('makes a new user change the temporary password before anything else', async () => {
    const t = await startSetUpCore();
    await t.call('users.create', { username: 'clerk1', displayName: '经办一', role: 'clerk', password: 'Temp#2026a' });
    const session = await t.call('auth.signIn', { username: 'clerk1', password: 'Temp#2026a' }, 'c');
    expect(session.user?.mustChangePassword).toBe(true);
    expect((await t.fail('org.get', {}, 'c')).code).toBe('PASSWORD_CHANGE_REQUIRED');
    expect((await t.fail('auth.changePassword', { currentPassword: 'Temp#2026a', newPassword: 'Temp#2026a' }, 'c')).code).toBe(
      'PASSWORD_REUSED',
    );
    await t.call('auth.changePassword', { currentPassword: 'Temp#2026a', newPassword: 'Mine#2026b' }, 'c');
    expect((await t.call('org.get', {}, 'c')).name).toBe(ORG.name);
  });

  it('signs out a user who is disabled, and refuses them at sign-in', async () => {
    const t = await startSetUpCore();
    const { user, password } = await addUser(t, 'clerk', 'clerk2', 'c');
    await t.call('users.setDisabled', { id: user.id, disabled: true });
    expect((await t.fail('org.get', {}, 'c')).code).toBe('UNAUTHENTICATED');
    expect((await t.fail('auth.signIn', { username: 'clerk2', password }, 'c')).code).toBe('ACCOUNT_DISABLED');
  });

  it("gives clerks the staff's names to pick visitors from: enabled users only, nothing else about them", async () => {
    const t = await startSetUpCore();
    await addUser(t, 'clerk', 'clerk.sun', 'clerk');
    const gone = await addUser(t, 'clerk', 'clerk.gone', 'gone');
    await addUser(t, 'viewer', 'viewer.he', 'viewer');
    await t.call('users.setDisabled', { id: gone.user.id, disabled: true });
    const { staff } = await t.call('users.staff', {}, 'clerk');
    expect(staff.map((s) => s.displayName).sort()).toEqual([ADMIN.displayName, 'clerk-user', 'viewer-user'].sort());
    expect(Object.keys(staff[0]!).sort()).toEqual(['displayName', 'id']);
    expect((await t.fail('users.staff', {}, 'viewer')).code).toBe('FORBIDDEN');
  });

  it('keeps one enabled administrator', async () => {
    const t = await startSetUpCore();
    const admin = (await t.call('users.list')).users[0]!;
    expect((await t.fail('users.setDisabled', { id: admin.id, disabled: true })).code).toBe('LAST_ADMIN');
    expect((await t.fail('users.update', { id: admin.id, displayName: 'x', role: 'clerk' })).code).toBe('LAST_ADMIN');
  });

  it('lets an administrator reset a password, which clears a lockout', async () => {
    const t = await startSetUpCore();
    const { user } = await addUser(t, 'clerk', 'clerk3', 'c');
    for (let i = 0; i < MAX_FAILED_ATTEMPTS; i++) await t.fail('auth.signIn', { username: 'clerk3', password: 'nope' }, 'c');
    expect((await t.call('users.list')).users.find((u) => u.id === user.id)?.lockedUntil).not.toBeNull();
    await t.call('users.resetPassword', { id: user.id, password: 'Reset#2026' });
    expect((await t.call('auth.signIn', { username: 'clerk3', password: 'Reset#2026' }, 'c')).user?.mustChangePassword).toBe(true);
  });
});

describe('idle lock', () => {
  it('locks after the idle minutes; the password unlocks; polling the session does not count as activity', async () => {
    const t = await startSetUpCore();
    const { idleLockMinutes } = await t.call('auth.session');
    expect(idleLockMinutes).toBe(10);
    t.clock.advance(9 * 60_000);
    await t.call('auth.touch'); // the clerk is typing
    t.clock.advance(9 * 60_000);
    expect((await t.call('auth.session')).locked).toBe(false);
    t.clock.advance(60_000);
    expect((await t.call('auth.session')).locked).toBe(true);
    expect((await t.fail('org.get')).code).toBe('SESSION_LOCKED');
    expect((await t.fail('auth.unlock', { password: 'wrong' })).code).toBe('BAD_CREDENTIALS');
    const unlocked = await t.call('auth.unlock', { password: ADMIN.password });
    expect(unlocked).toMatchObject({ locked: false, user: { username: 'admin' } });
    expect((await t.call('org.get')).name).toBe(ORG.name);
  });

  it('follows the organisation setting and locks on request', async () => {
    const t = await startSetUpCore();
    await t.call('org.update', { name: ORG.name, creditCode: ORG.creditCode, regionCode: ORG.regionCode, idleLockMinutes: 3 });
    t.clock.advance(3 * 60_000);
    expect((await t.call('auth.session')).locked).toBe(true);
    await t.call('auth.unlock', { password: ADMIN.password });
    await t.call('auth.lock');
    expect((await t.fail('users.list')).code).toBe('SESSION_LOCKED');
  });

  it('only the locked user can unlock: another password does not', async () => {
    const t = await startSetUpCore();
    const { password } = await addUser(t, 'clerk', 'clerk4', 'c');
    await t.call('auth.lock', {}, 'c');
    expect((await t.fail('auth.unlock', { password: ADMIN.password }, 'c')).code).toBe('BAD_CREDENTIALS');
    expect((await t.call('auth.unlock', { password }, 'c')).locked).toBe(false);
  });
});

describe('unlock', () => {
  it('always checks the password, even before the core has locked the session', async () => {
    const t = await startSetUpCore();
    expect((await t.call('auth.session')).locked).toBe(false);
    expect((await t.fail('auth.unlock', { password: 'anything' })).code).toBe('BAD_CREDENTIALS');
    expect((await t.call('auth.unlock', { password: ADMIN.password })).locked).toBe(false);
  });
});
