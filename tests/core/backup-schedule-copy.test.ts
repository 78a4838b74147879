import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { openDatabase } from '../../src/main/core/db/client';
import { dataPaths } from '../../src/main/core/paths';
import { ADMIN, outboxCopy, startSetUpCore, type TestCore } from './support/core';

const HOUR = 3_600_000;

async function autoBackups(t: TestCore) {
  return (await t.call('backup.list')).backups.filter((b) => b.kind === 'auto');
}

describe('automatic backups on a new data folder', () => {
  it('takes the first one right after the first real change, then one a day, by the injected clock', async () => {
    // The hosts' default: automatic backups on (the support turns them off for other tests).
    const t = await startSetUpCore({ autoBackup: true });
    expect(await autoBackups(t)).toEqual([]); // setup and sign-in alone are not worth one
    const clerk = await t.call('users.create', { username: 'clerk1', displayName: '经办一', role: 'clerk', password: 'Clk#20261' });
    // No half-hour wait: the change is followed by a look once its answer has gone.
    await vi.waitFor(async () => expect(await autoBackups(t)).toHaveLength(1));

    t.clock.advance(2 * HOUR);
    await t.call('auth.unlock', { password: ADMIN.password }); // the idle lock came on meanwhile
    await t.call('users.update', { id: clerk.id, displayName: '经办甲', role: 'clerk' });
    await new Promise((resolve) => setImmediate(resolve));
    expect(await autoBackups(t)).toHaveLength(1); // not again within the day

    t.clock.advance(23 * HOUR);
    await t.call('auth.unlock', { password: ADMIN.password }); // the idle lock came on meanwhile
    await t.call('users.update', { id: clerk.id, displayName: '经办乙', role: 'clerk' });
    await vi.waitFor(async () => expect(await autoBackups(t)).toHaveLength(2));
    const [newest] = await autoBackups(t);
    expect(Date.parse(newest!.createdAt)).toBeGreaterThanOrEqual(t.clock.now().getTime() - HOUR);
  });
});

describe('copying a backup elsewhere (a USB stick)', () => {
  it('hands over the backup byte for byte, still encrypted, opened only with the key; the copy is audited', async () => {
    const t = await startSetUpCore();
    const { result } = await t.job('backup.create', {});
    if (!result.ok) throw new Error(result.error.code);
    const backupPath = join(dataPaths(t.dataDir).backupsDir, result.data.id);

    const ref = await t.call('backup.copy', { backupId: result.data.id });
    expect(ref.name).toMatch(/^bangfu-backup-\d{8}-\d{6}\.db$/);
    const copied = readFileSync(await outboxCopy(t, ref.fileId));
    expect(copied.equals(readFileSync(backupPath))).toBe(true);
    expect(ref.bytes).toBe(copied.length);
    // Encrypted: no SQLite header, and it opens with this office's key only.
    expect(copied.subarray(0, 15).toString('latin1')).not.toBe('SQLite format 3');
    const path = await outboxCopy(t, ref.fileId);
    const opened = openDatabase(path, t.key, { readonly: true });
    try {
      expect(opened.sqlite.prepare('SELECT name FROM org').pluck().get()).toBe('测试区总工会职工帮扶中心');
    } finally {
      opened.sqlite.close();
    }
    expect(() => openDatabase(path, Buffer.alloc(32, 7), { readonly: true })).toThrow();

    const { entries } = await t.call('audit.list', { action: 'backup.copy', page: 1, pageSize: 5 });
    expect(entries.map((e) => [e.summary.event, e.recordId])).toEqual([['backup.copied', result.data.id]]);
    expect((await t.fail('backup.copy', { backupId: '../bangfu.db' })).code).toBe('FILE_NOT_FOUND');
  });
});
