import { describe, expect, it } from 'vitest';
import { normalizeRecoveryCode } from '../../src/main/core/keys/recovery';
import { ADMIN, startCore, startSetUpCore } from './support/core';

describe('recovery code', () => {
  it('opens the database when the key store lost the key, and gives the key back to the host', async () => {
    const t = await startSetUpCore();
    const code = t.setup.recoveryCode;
    const lost = t.reopen({ key: null });
    expect((await lost.call('system.status')).state).toBe('key-missing');
    expect((await lost.fail('system.recover', { recoveryCode: 'AAAAA-AAAAA-AAAAA-AAAAA-AAAAA-AAAAA' })).code).toBe('BAD_RECOVERY_CODE');
    // Typed in lower case without dashes: still accepted.
    await lost.call('system.recover', { recoveryCode: code.toLowerCase().replace(/-/g, ' ') });
    expect(lost.storedKeys.map((k) => k.toString('hex'))).toEqual([t.key.toString('hex')]);
    expect((await lost.call('system.status')).state).toBe('ready');
    await lost.call('auth.signIn', { username: 'admin', password: ADMIN.password });
    const audit = await lost.call('audit.list', { action: 'system.recover', page: 1, pageSize: 5 });
    expect(audit.total).toBe(1);
  });

  it('normalises what a person types', () => {
    expect(normalizeRecoveryCode('abcde fghjk-23456 789ab cdefg hjkmn')).toBe('ABCDE-FGHJK-23456-789AB-CDEFG-HJKMN');
  });

  it('is refused when there is nothing to recover', async () => {
    const t = startCore();
    expect((await t.fail('system.recover', { recoveryCode: 'AAAAA' })).code).toBe('NOT_SET_UP');
  });
});
