import { spawn } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { listBackups } from '../../src/main/core/db/backup';
import { checkDatabaseCopy } from '../../src/main/core/db/health';
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

  it('takes an automatic backup once a day when the data changed', async () => {
    const t = await startSetUpCore();
    expect(runAutoBackupIfDue(t.core.state)).toBeNull(); // setup alone is not worth one
    await t.call('users.create', { username: 'first', displayName: '第一位', role: 'clerk', password: 'Fst#20261' });
    expect(runAutoBackupIfDue(t.core.state)?.kind).toBe('auto');
    expect(runAutoBackupIfDue(t.core.state)).toBeNull();
    t.clock.advance(24 * 3_600_000);
    await t.call('auth.unlock', { password: ADMIN.password }); // a day away locked the screen
    expect(runAutoBackupIfDue(t.core.state)).toBeNull(); // nothing changed since
    await t.call('users.create', { username: 'second', displayName: '第二位', role: 'clerk', password: 'Snd#20261' });
    expect(runAutoBackupIfDue(t.core.state)?.kind).toBe('auto');
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
    expect(await t.fail('backup.restore', { uploadId: garbage.uploadId })).toMatchObject({
      code: 'BACKUP_INVALID',
      params: { reason: 'key' },
    });

    // Another office's database: right format, wrong key.
    const other = await startSetUpCore({ key: newDatabaseKey() });
    const otherBackup = await backUpNow(other);
    const foreign = inboxUpload(t, 'other.db', readFileSync(join(dataPaths(other.dataDir).backupsDir, otherBackup.id)));
    expect(await t.fail('backup.restore', { uploadId: foreign.uploadId })).toMatchObject({
      code: 'BACKUP_INVALID',
      params: { reason: 'key' },
    });

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

/**
 * Runs a script of tests/core/support in another process and kills it (SIGKILL: no clean-up runs) as soon as
 * `caught()` returns something — a copy with bytes on disk — as a power cut or a killed program would.
 */
async function killWhen<T>(script: string, args: string[], caught: () => T | undefined): Promise<T> {
  const child = spawn(process.execPath, ['--import', 'tsx', resolve('tests/core/support', script), ...args], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const exited = new Promise<void>((done) => child.on('exit', () => done()));
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  for (;;) {
    const seen = caught();
    if (seen !== undefined) {
      child.kill('SIGKILL');
      await exited;
      expect(output).not.toContain('done'); // killed mid-copy, not after
      return seen;
    }
    if (child.exitCode !== null) throw new Error(`${script} ended before it could be killed: ${output}`);
    await new Promise((wait) => setTimeout(wait, 1));
  }
}

/** Names in `dir` of files that have bytes on disk, or undefined while there are none. */
function writtenFiles(dir: string, pick: (name: string) => boolean = () => true): string[] | undefined {
  const written = readdirSync(dir).filter((name) => pick(name) && statSync(join(dir, name)).size > 0);
  return written.length > 0 ? written : undefined;
}

/** Ballast, so that a copy takes long enough to be caught half-way (about 40 MB of incompressible pages). */
function addBallast(t: TestCore): void {
  t.core.state.conn!.sqlite.exec(
    'CREATE TABLE test_ballast (b BLOB); WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 10000) INSERT INTO test_ballast SELECT randomblob(4000) FROM n',
  );
}

describe('backups cut short', () => {
  it('lists no half-written copy after a kill mid-backup, and the next start removes it', async () => {
    const t = await startSetUpCore();
    addBallast(t);
    t.core.close();
    const paths = dataPaths(t.dataDir);
    mkdirSync(paths.backupsDir, { recursive: true });
    const atKill = await killWhen('backup-child.ts', [t.dataDir, t.key.toString('hex'), t.clock.now().toISOString()], () =>
      writtenFiles(paths.backupsDir),
    );
    expect(atKill).toHaveLength(1);

    // Whatever the list shows is a whole backup that passes its check (before: the half copy under its final name).
    for (const backup of listBackups(paths.backupsDir)) checkDatabaseCopy(join(paths.backupsDir, backup.id), t.key, Infinity);
    expect(listBackups(paths.backupsDir)).toEqual([]);

    const again = t.reopen();
    expect((await again.call('system.status')).state).toBe('ready');
    expect(readdirSync(paths.backupsDir)).toEqual([]);
  }, 60_000);

  it('leaves the old database after a kill mid-restore, and the next start removes the half copy', async () => {
    const t = await startSetUpCore();
    addBallast(t);
    const backup = await backUpNow(t);
    await t.call('users.create', { username: 'after.backup', displayName: '备份后', role: 'clerk', password: 'Temp#2026a' });
    t.core.close();
    const paths = dataPaths(t.dataDir);
    const args = [t.dataDir, t.key.toString('hex'), ADMIN.username, ADMIN.password, backup.id];
    await killWhen('restore-child.ts', args, () => writtenFiles(t.dataDir, (name) => name === 'bangfu.db.restoring'));

    const again = t.reopen();
    expect((await again.call('system.status')).state).toBe('ready');
    expect(existsSync(`${paths.database}.restoring`)).toBe(false);
    await again.call('auth.signIn', { username: ADMIN.username, password: ADMIN.password });
    expect((await again.call('users.list')).users.map((u) => u.username).sort()).toEqual(['admin', 'after.backup']);
  }, 90_000);

  it('removes at start what a killed backup or restore left, and nothing else', async () => {
    const t = await startSetUpCore();
    const kept = await backUpNow(t);
    t.core.close();
    const paths = dataPaths(t.dataDir);
    writeFileSync(join(paths.backupsDir, 'bangfu-auto-20261201T080000000Z.db.tmp'), Buffer.alloc(8192, 7));
    writeFileSync(join(paths.backupsDir, 'bangfu-auto-20261201T080000000Z.db.tmp-journal'), Buffer.alloc(512, 7));
    writeFileSync(`${paths.database}.restoring`, Buffer.alloc(8192, 7));
    writeFileSync(join(paths.backupsDir, 'notes.txt'), 'not ours'); // not a name the program writes: left alone

    const again = t.reopen();
    expect((await again.call('system.status')).state).toBe('ready');
    expect(readdirSync(paths.backupsDir).sort()).toEqual([kept.id, 'notes.txt']);
    expect(existsSync(`${paths.database}.restoring`)).toBe(false);
  });

  it('writes a backup under a temporary name and gives it its name only once it passed its check', async () => {
    const t = await startSetUpCore();
    const entry = await backUpNow(t);
    const paths = dataPaths(t.dataDir);
    expect(readdirSync(paths.backupsDir)).toEqual([entry.id]);
    checkDatabaseCopy(join(paths.backupsDir, entry.id), t.key, Infinity);
  });
});
