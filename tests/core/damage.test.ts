import { existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { listBackups } from '../../src/main/core/db/backup';
import { backupAndPrune } from '../../src/main/core/db/lifecycle';
import { newDatabaseKey } from '../../src/main/core/keys/key-file';
import { dataPaths } from '../../src/main/core/paths';
import { ADMIN, startSetUpCore, type TestCore } from './support/core';
import { cutInHalf, flipBytes } from './support/damage';

async function setUpThenClose() {
  const t = await startSetUpCore();
  t.core.close(); // checkpoints the WAL into bangfu.db, so the damage below lands in the database itself
  return t;
}

async function expectDamaged(again: TestCore, damage: 'damaged' | 'missing') {
  expect(await again.call('system.status')).toMatchObject({ state: 'damaged', orgName: null });
  expect((await again.call('system.damage')).damage).toBe(damage);
  expect(await again.fail('auth.signIn', { username: ADMIN.username, password: ADMIN.password })).toEqual({ code: 'DB_DAMAGED' });
  expect((await again.fail('system.setup', {})).code).not.toBe('INTERNAL');
}

/** An automatic backup taken now, whatever the schedule says (the schedule has tests of its own in backup.test.ts). */
function autoBackupNow(t: TestCore) {
  return backupAndPrune(t.core.state.conn!, dataPaths(t.dataDir), 'auto', t.clock.now(), t.key);
}

describe('a damaged database at start', () => {
  it('is found by the check at start when bytes in the middle flipped: not ready, and sign-in is not INTERNAL', async () => {
    const t = await setUpThenClose();
    flipBytes(dataPaths(t.dataDir).database);
    const again = t.reopen();
    await expectDamaged(again, 'damaged');
    expect(await again.call('system.damage')).toEqual({ damage: 'damaged', backup: null });
  });

  it('is damaged, not a lost key, when the first page is damaged: the key opened this database before', async () => {
    const t = await setUpThenClose();
    flipBytes(dataPaths(t.dataDir).database, 200);
    await expectDamaged(t.reopen(), 'damaged');
    // A key that never opened it is still a wrong key, and the recovery code is asked for.
    expect((await t.reopen({ key: newDatabaseKey() }).call('system.status')).state).toBe('key-missing');
  });

  it('tells a damaged first page from a wrong key by a backup when the key check file is gone (older folders)', async () => {
    const t = await startSetUpCore();
    autoBackupNow(t);
    t.core.close();
    rmSync(dataPaths(t.dataDir).keyCheckFile);
    flipBytes(dataPaths(t.dataDir).database, 200);
    await expectDamaged(t.reopen(), 'damaged');
  });

  it('is damaged when the file was cut in half', async () => {
    const t = await setUpThenClose();
    cutInHalf(dataPaths(t.dataDir).database);
    await expectDamaged(t.reopen(), 'damaged');
  });

  it('does not offer setup for an empty or missing database in a folder that was set up', async () => {
    const t = await setUpThenClose();
    const paths = dataPaths(t.dataDir);
    writeFileSync(paths.database, '');
    const empty = t.reopen();
    await expectDamaged(empty, 'missing');
    expect(readFileSync(paths.database).length).toBe(0); // not turned into a new database either
    empty.core.close();
    rmSync(paths.database);
    await expectDamaged(t.reopen(), 'missing');
    expect(existsSync(paths.database)).toBe(false);
  });
});

describe('restoring from the damaged screen', () => {
  it('offers the newest backup that passes its check, restores it, keeps the damaged file aside and audits it', async () => {
    const t = await startSetUpCore();
    const paths = dataPaths(t.dataDir);
    const good = autoBackupNow(t);
    await t.call('users.create', { username: 'after.backup', displayName: '备份后', role: 'clerk', password: 'Temp#2026a' });
    t.clock.advance(86_400_000);
    const spoiled = autoBackupNow(t);
    t.core.close();
    flipBytes(join(paths.backupsDir, spoiled.id)); // the newest backup is damaged too
    flipBytes(paths.database);

    const again = t.reopen();
    expect((await again.call('system.status')).state).toBe('damaged');
    expect(await again.call('system.damage')).toEqual({
      damage: 'damaged',
      backup: { id: good.id, kind: 'auto', createdAt: good.createdAt },
    });
    expect((await again.fail('system.restoreDamaged', { backupId: spoiled.id })).code).toBe('BACKUP_INVALID');

    const { keptAs, restored } = await again.call('system.restoreDamaged', { backupId: good.id });
    expect(restored.createdAt <= good.createdAt).toBe(true); // the backup's last audit entry
    expect(keptAs).toMatch(/^bangfu-damaged-\d{8}T\d{9}Z\.db$/);
    expect(readdirSync(t.dataDir)).toContain(keptAs);
    // Kept aside, still encrypted: no plain SQLite header, no readable names.
    expect(readFileSync(join(t.dataDir, keptAs!)).subarray(0, 15).toString('latin1')).not.toBe('SQLite format 3');
    expect((await again.call('system.status')).state).toBe('ready');
    expect((await again.fail('system.restoreDamaged', { backupId: good.id })).code).toBe('ALREADY_SET_UP');

    await again.call('auth.signIn', { username: ADMIN.username, password: ADMIN.password });
    expect((await again.call('users.list')).users.map((u) => u.username)).toEqual(['admin']);
    const audit = await again.call('audit.list', { action: 'system.restoreDamaged', page: 1, pageSize: 5 });
    expect(audit.total).toBe(1);
    expect((await again.call('audit.verify', {})).ok).toBe(true);
    // And the next start is an ordinary one.
    expect((await again.reopen().call('system.status')).state).toBe('ready');
  });

  it('says there is no usable backup when none passes its check', async () => {
    const t = await startSetUpCore();
    const only = autoBackupNow(t);
    t.core.close();
    cutInHalf(join(dataPaths(t.dataDir).backupsDir, only.id));
    flipBytes(dataPaths(t.dataDir).database);
    const again = t.reopen();
    expect(await again.call('system.damage')).toEqual({ damage: 'damaged', backup: null });
    expect((await again.fail('system.restoreDamaged', { backupId: only.id })).code).toBe('BACKUP_INVALID');
    expect(listBackups(dataPaths(t.dataDir).backupsDir)).toHaveLength(1); // nothing deleted
  });
});
