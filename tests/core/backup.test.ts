import { copyFileSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { listBackups } from '../../src/main/core/db/backup';
import { runAutoBackupIfDue } from '../../src/main/core/features/backup/backup.service';
import { newDatabaseKey } from '../../src/main/core/keys/key-file';
import { dataPaths } from '../../src/main/core/paths';
import { ADMIN, inboxUpload, startSetUpCore, tempDir, type TestCore } from './support/core';

async function backUpNow(t: TestCore) {
  const { result, progress } = await t.job('backup.create', {});
  if (!result.ok) throw new Error(`backup failed: ${result.error.code}`);
  expect(progress.at(-1)).toEqual({ done: 3, total: 3 });
  return result.data;
}

describe('backups', () => {
  it('backs up now as a job: copy, verify, prune, with progress; the copy is encrypted', async () => {
    const t = await startSetUpCore();
    const entry = await backUpNow(t);
    expect(entry.kind).toBe('manual');
    const path = join(dataPaths(t.dataDir).backupsDir, entry.id);
    expect(readFileSync(path).subarray(0, 15).toString('latin1')).not.toBe('SQLite format 3');
    expect((await t.call('backup.list')).backups.map((b) => b.id)).toEqual([entry.id]);
    expect((await t.call('audit.list', { action: 'backup.create', page: 1, pageSize: 5 })).total).toBe(1);
  });

  it('cancels a backup between stages and keeps no half-made copy', async () => {
    const t = await startSetUpCore();
    await t.call('auth.signIn', { username: 'admin', password: ADMIN.password }, 'other-window');
    const { jobId } = await t.call('backup.create');
    // The job's first stage starts on the next turn of the event loop; these calls come before it.
    await t.call('jobs.cancel', { jobId }, 'other-window'); // another client cannot cancel it…
    await t.call('jobs.cancel', { jobId }); // …its own can
    const finished = await new Promise<unknown>((resolve) => {
      const poll = () => {
        const event = t.events.find((e) => e.type === 'job.finished' && e.jobId === jobId);
        if (event) resolve(event);
        else setTimeout(poll, 5);
      };
      poll();
    });
    expect(finished).toMatchObject({ result: { ok: false, error: { code: 'JOB_CANCELLED' } } });
    expect((await t.call('backup.list')).backups).toEqual([]);
    expect((await t.call('audit.list', { action: 'backup.create', page: 1, pageSize: 5 })).total).toBe(0);
  });

  it('takes an automatic backup once a day', async () => {
    const t = await startSetUpCore();
    expect(runAutoBackupIfDue(t.core.state)?.kind).toBe('auto');
    expect(runAutoBackupIfDue(t.core.state)).toBeNull();
    t.clock.advance(24 * 3_600_000);
    expect(runAutoBackupIfDue(t.core.state)?.kind).toBe('auto');
    await t.call('auth.unlock', { password: ADMIN.password }); // a day away locked the screen
    const list = await t.call('backup.list');
    expect(list.backups.filter((b) => b.kind === 'auto')).toHaveLength(2);
    expect(list.lastAutoAt).toBe(list.backups[0]!.createdAt);
  });

  it('restores a backup: the data goes back, the replaced database is kept, everyone signs in again', async () => {
    const t = await startSetUpCore();
    const backup = await backUpNow(t);
    await t.call('users.create', { username: 'later', displayName: '后来者', role: 'clerk', password: 'Ltr#20261' });
    expect((await t.call('users.list')).users).toHaveLength(2);

    const { keptAs } = await t.call('backup.restore', { backupId: backup.id });
    expect(keptAs.kind).toBe('pre-restore');
    expect((await t.fail('users.list')).code).toBe('UNAUTHENTICATED');
    await t.call('auth.signIn', { username: 'admin', password: ADMIN.password });
    expect((await t.call('users.list')).users.map((u) => u.username)).toEqual(['admin']);
    // The restore itself is in the restored database's audit log, and the chain holds.
    expect((await t.call('audit.list', { action: 'backup.restore', page: 1, pageSize: 10 })).total).toBe(1);
    expect((await t.call('audit.verify', {})).ok).toBe(true);

    // The replaced database is a backup that can itself be restored.
    await t.call('backup.restore', { backupId: keptAs.id });
    await t.call('auth.signIn', { username: 'admin', password: ADMIN.password });
    expect((await t.call('users.list')).users).toHaveLength(2);
  });

  it('restores from a file the clerk picked', async () => {
    const t = await startSetUpCore();
    const backup = await backUpNow(t);
    const upload = inboxUpload(t, 'copy.db', readFileSync(join(dataPaths(t.dataDir).backupsDir, backup.id)));
    await t.call('users.create', { username: 'later', displayName: '后来者', role: 'clerk', password: 'Ltr#20261' });
    await t.call('backup.restore', { uploadId: upload.uploadId });
    await t.call('auth.signIn', { username: 'admin', password: ADMIN.password });
    expect((await t.call('users.list')).users).toHaveLength(1);
  });

  it('checks a file before it replaces anything', async () => {
    const t = await startSetUpCore();
    const garbage = inboxUpload(t, 'garbage.db', Buffer.from('not a database at all'.repeat(100)));
    expect(await t.fail('backup.restore', { uploadId: garbage.uploadId })).toMatchObject({ code: 'BACKUP_INVALID', params: { reason: 'key' } });

    // Another office's database: right format, wrong key.
    const other = await startSetUpCore({ key: newDatabaseKey() });
    const otherBackup = await backUpNow(other);
    const foreign = inboxUpload(t, 'other.db', readFileSync(join(dataPaths(other.dataDir).backupsDir, otherBackup.id)));
    expect(await t.fail('backup.restore', { uploadId: foreign.uploadId })).toMatchObject({ code: 'BACKUP_INVALID', params: { reason: 'key' } });

    expect((await t.fail('backup.restore', { backupId: '../bangfu.db' })).code).toBe('FILE_NOT_FOUND');
    // Nothing was replaced and nobody was signed out.
    expect((await t.call('users.list')).users).toHaveLength(1);
    expect(listBackups(dataPaths(t.dataDir).backupsDir)).toHaveLength(0);
  });

  it('keeps the database whole when the restored copy is truncated', async () => {
    const t = await startSetUpCore();
    const backup = await backUpNow(t);
    const dir = tempDir();
    copyFileSync(join(dataPaths(t.dataDir).backupsDir, backup.id), join(dir, 'b.db'));
    const bytes = readFileSync(join(dir, 'b.db'));
    writeFileSync(join(dir, 'cut.db'), bytes.subarray(0, Math.floor(bytes.length / 2)));
    const upload = inboxUpload(t, 'cut.db', readFileSync(join(dir, 'cut.db')));
    expect((await t.fail('backup.restore', { uploadId: upload.uploadId })).code).toBe('BACKUP_INVALID');
    expect(existsSync(dataPaths(t.dataDir).database)).toBe(true);
    expect((await t.call('users.list')).users).toHaveLength(1);
  });
});
