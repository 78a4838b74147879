import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { mayCreateKey, newDatabaseKey } from '../../src/main/core/keys/key-file';
import { normalizeRecoveryCode } from '../../src/main/core/keys/recovery';
import { dataPaths } from '../../src/main/core/paths';
import { ADMIN, startCore, startSetUpCore } from './support/core';
import { flipBytes } from './support/damage';

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

  it('shows the damaged screen, not "wrong code", when the right code does not open a damaged database', async () => {
    const t = await startSetUpCore();
    t.core.close();
    const paths = dataPaths(t.dataDir);
    rmSync(paths.keyCheckFile); // a folder from before the key check: nothing else vouches for the key
    flipBytes(paths.database, 200); // page 1: reads as a wrong key
    const lost = t.reopen({ key: newDatabaseKey() });
    expect((await lost.call('system.status')).state).toBe('key-missing');
    await lost.call('system.recover', { recoveryCode: t.setup.recoveryCode });
    // The code unwrapped the key (authenticated), so the key is right and the database is what is wrong.
    expect((await lost.call('system.status')).state).toBe('damaged');
    expect(lost.storedKeys.map((k) => k.toString('hex'))).toEqual([t.key.toString('hex')]);
    expect((await lost.call('system.damage')).damage).toBe('damaged');
  });

  it('does not turn an empty database into a new one when the key store lost the key too', async () => {
    const t = await startSetUpCore();
    t.core.close();
    const paths = dataPaths(t.dataDir);
    writeFileSync(paths.database, '');
    const lost = t.reopen({ key: null });
    expect((await lost.call('system.status')).state).toBe('key-missing');
    await lost.call('system.recover', { recoveryCode: t.setup.recoveryCode });
    expect((await lost.call('system.status')).state).toBe('damaged'); // before: needs-setup, on an emptied database
    expect((await lost.call('system.damage')).damage).toBe('missing');
    expect(readFileSync(paths.database).length).toBe(0);
  });

  it('never makes a new key for a set-up folder that lost its database and its key: the recovery code opens a backup', async () => {
    const t = await startSetUpCore();
    await t.call('auth.signIn', { username: ADMIN.username, password: ADMIN.password });
    await t.job('backup.create', {});
    t.core.close();
    const paths = dataPaths(t.dataDir);
    for (const suffix of ['', '-wal', '-shm']) rmSync(paths.database + suffix, { force: true });
    // The hosts ask before they make a key: this folder was set up (recovery file, key check, a backup).
    expect(mayCreateKey(paths)).toBe(false);
    const lost = t.reopen({ key: null }); // before: the core threw, and the hosts made a new key over the old one
    expect((await lost.call('system.status')).state).toBe('key-missing');
    await lost.call('system.recover', { recoveryCode: t.setup.recoveryCode });
    expect((await lost.call('system.status')).state).toBe('damaged');
    const { damage, backup } = await lost.call('system.damage');
    expect(damage).toBe('missing');
    expect(backup).not.toBeNull();
    await lost.call('system.restoreDamaged', { backupId: backup!.id });
    expect((await lost.call('system.status')).state).toBe('ready');
  });
});
