import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { insertFile, sqliteOf } from './support/aid';
import { ADMIN, ORG, outboxCopy, type TestCore } from './support/core';
import { auditSummaries, cardText, FEDERATION, importCard, startOffice } from './support/exchange';
import { centreWithFederation, exportBatch, readAsFederation } from './support/exchange-export';
import { importFile } from './support/exchange-import';
import { flipBytes } from './support/damage';
import { office } from './support/hardship';

/*
 * A centre restores a backup taken between batches it sent (features/backup/carry-exchange.ts): its next batch follows
 * the last one really sent, is a full one whose revs beat what the federation holds, and the federation withdraws what
 * the centre no longer has (exchange/import-withdraw.ts). Real encrypted offices, real batches, the real restore and
 * the federation's real import.
 */

const SLOW = { timeout: 60_000 };

async function offices() {
  const centre = await centreWithFederation();
  const { peer } = await importCard(centre.federation, await cardText(centre.t));
  await centre.federation.call('exchange.confirmPeer', { id: peer.id, fingerprintChecked: true });
  return centre;
}

/** Everyone signs in again after a restore: the administrator, and the clerk office() made (clerk.sun). */
async function signInAgain(t: TestCore): Promise<void> {
  await t.call('auth.signIn', { username: ADMIN.username, password: ADMIN.password });
  await t.call('auth.signIn', { username: 'clerk.sun', password: 'Mine#2026b' }, 'clerk');
}

async function backup(t: TestCore): Promise<string> {
  const { result } = await t.job('backup.create');
  if (!result.ok) throw new Error(result.error.code);
  return result.data.id;
}

/** The batch the centre writes next, imported at the federation as the clerk there would. */
async function carry(t: TestCore, federation: TestCore) {
  const { batch, file } = await exportBatch(t);
  const imported = await importFile(federation, readFileSync(await outboxCopy(t, file.fileId)), `${batch.sequence}.bfb`);
  return { batch, file, imported };
}

function rename(t: TestCore, fileId: string, headName: string): void {
  sqliteOf(t).prepare('UPDATE hardship_files SET head_name = ? WHERE id = ?').run(headName, fileId);
}

function heldAtFederation(federation: TestCore, id: string) {
  return sqliteOf(federation)
    .prepare(
      `SELECT json_extract(fields, '$.head_name') AS headName, rev, deleted_at IS NOT NULL AS deleted, withdrawn_in AS withdrawnIn
       FROM exchange_records WHERE table_name = 'hardship_files' AND id = ?`,
    )
    .get(id) as { headName: string; rev: number; deleted: number; withdrawnIn: number | null };
}

/** The centre's files the federation's own screen (各中心 → 档案) lists: the live ones. */
async function listedFileIds(federation: TestCore): Promise<string[]> {
  const { items, total } = await federation.call('federation.centreFiles', { centre: ORG.creditCode });
  expect(items).toHaveLength(total);
  return items.map((f) => f.id).sort();
}

const peopleActive = (federation: TestCore, fileId: string) =>
  sqliteOf(federation).prepare('SELECT active FROM exchange_people WHERE record_id = ?').pluck().all(fileId);

/** Batches 1–2, a backup, batch 3 with a file made after the backup: the state every test here starts from. */
async function sentThreeWithBackupAfterTwo() {
  const o = await offices();
  const { t, federation } = o;
  const kept = insertFile(t, { headName: '王一' }).fileId;
  const changed = insertFile(t, { headName: '李二' }).fileId;
  expect((await carry(t, federation)).imported).toMatchObject({ outcome: 'applied', sequence: 1, snapshot: true, withdrawn: 0 });
  rename(t, changed, '李二改');
  expect((await carry(t, federation)).imported).toMatchObject({ outcome: 'applied', sequence: 2 });
  const backupId = await backup(t);
  rename(t, changed, '李二再改');
  rename(t, changed, '李二三改');
  const later = insertFile(t, { headName: '赵三' }).fileId;
  const third = await carry(t, federation);
  expect(third.imported).toMatchObject({ outcome: 'applied', sequence: 3 });
  expect(await listedFileIds(federation)).toEqual([kept, changed, later].sort());
  expect(heldAtFederation(federation, changed)).toMatchObject({ headName: '李二三改', rev: 4 });
  // Its bytes as handed over: an outbox lasts one run of the core, and the damaged test reopens it.
  return { ...o, kept, changed, later, backupId, third: readFileSync(await outboxCopy(t, third.file.fileId)) };
}

async function expectBackInLine(t: TestCore, federation: TestCore, files: { kept: string; changed: string; later: string }, third: Buffer) {
  // The next batch follows the last one sent, and is a full one; the screen says so before it is written.
  const list = await t.call('exchange.sentBatches', {}, 'clerk');
  expect(list.batches.map((b) => b.sequence)).toEqual([3, 2, 1]);
  expect(list.fullBatchDueSince).not.toBeNull();
  const preview = await t.call('exchange.nextBatch', {}, 'clerk');
  expect(preview).toMatchObject({ sequence: 4, snapshot: true, afterRestore: list.fullBatchDueSince });

  // Restored, the changed file is back at rev 2 (李二改); changed once more here it is at rev 3, below the federation's 4.
  rename(t, files.changed, '李二新');
  const { batch, file, imported } = await carry(t, federation);
  expect(batch).toMatchObject({ sequence: 4, snapshot: true });
  expect(imported).toMatchObject({ outcome: 'applied', sequence: 4, snapshot: true, withdrawn: 1, refusedCount: 0 });
  expect(sqliteOf(federation).prepare('SELECT count(*) FROM exchange_alarms').pluck().get()).toBe(0);

  // Every record of the full batch carries its rev above the highest the federation held.
  const read = await readAsFederation(t, federation, file);
  expect(read.manifest.snapshot).toBe(true);
  expect(Math.min(...read.records.map((r) => r.rev))).toBeGreaterThan(4);
  // …and the batch's row keeps the highest it carried: what a later restore raises its base above.
  const revHigh = sqliteOf(t).prepare('SELECT rev_high FROM exchange_sent WHERE sequence = 4').pluck().get();
  expect(revHigh).toBe(Math.max(...read.records.map((r) => r.rev)));

  expect(heldAtFederation(federation, files.changed)).toMatchObject({ headName: '李二新', deleted: 0, withdrawnIn: null });
  expect(heldAtFederation(federation, files.kept)).toMatchObject({ headName: '王一', deleted: 0, withdrawnIn: null });
  // Made after the backup, gone at the centre: kept at the federation as a tombstone, no longer counted.
  expect(heldAtFederation(federation, files.later)).toMatchObject({ headName: '赵三', deleted: 1, withdrawnIn: 4 });
  expect(peopleActive(federation, files.later)).toEqual([0]);
  expect(await listedFileIds(federation)).toEqual([files.kept, files.changed].sort());
  expect(auditSummaries(federation, 'exchangeImport.withdrawn')).toHaveLength(1);

  // The full batch done, the next ones hold changes again, and still win.
  expect((await t.call('exchange.sentBatches', {}, 'clerk')).fullBatchDueSince).toBeNull();
  rename(t, files.kept, '王一改');
  const fifth = await carry(t, federation);
  expect(fifth.batch).toMatchObject({ sequence: 5, snapshot: false });
  expect(fifth.imported).toMatchObject({ outcome: 'applied', sequence: 5, withdrawn: 0 });
  expect(heldAtFederation(federation, files.kept).headName).toBe('王一改');

  // 补发 of a batch sent before the restore still hands over its kept file, the same bytes.
  const again = await t.job('exchange.exportAgain', { from: 3 }, 'clerk');
  if (!again.result.ok) throw new Error(again.result.error.code);
  expect(readFileSync(await outboxCopy(t, again.result.data.files[0]!.fileId)).equals(third)).toBe(true);
}

describe('a restore and the batches already sent', () => {
  it('after backup.restore: sequence 4 follows, applies without an alarm, its values win, the later file is withdrawn', SLOW, async () => {
    const o = await sentThreeWithBackupAfterTwo();
    await o.t.call('backup.restore', { backupId: o.backupId });
    await signInAgain(o.t);
    expect(auditSummaries(o.t, 'backup.exchangeCarried')).toEqual(['{"event":"backup.exchangeCarried","params":{"batches":1}}']);
    await expectBackInLine(o.t, o.federation, o, o.third);
  });

  it('from the damaged screen: carries the batches of the damaged file as far as it still reads', SLOW, async () => {
    const o = await sentThreeWithBackupAfterTwo();
    const sqlite = sqliteOf(o.t);
    const page = sqlite.pragma('page_size', { simple: true }) as number;
    const usersPage = sqlite.prepare("SELECT rootpage FROM sqlite_schema WHERE name = 'users'").pluck().get() as number;
    o.t.core.close();
    flipBytes(`${o.t.dataDir}/bangfu.db`, (usersPage - 1) * page + page / 2);
    const again = o.t.reopen();
    expect((await again.call('system.status')).state).toBe('damaged');
    await again.call('system.restoreDamaged', { backupId: o.backupId });
    await signInAgain(again);
    expect(auditSummaries(again, 'backup.exchangeCarried')).toEqual(['{"event":"backup.exchangeCarried","params":{"batches":1}}']);
    await expectBackInLine(again, o.federation, o, o.third);
  });

  it('a backup that holds every batch sent changes nothing: the next batch holds changes, revs as they are', SLOW, async () => {
    const { t, federation } = await offices();
    const fileId = insertFile(t, { headName: '王一' }).fileId;
    await carry(t, federation);
    const backupId = await backup(t);
    await t.call('backup.restore', { backupId });
    await signInAgain(t);
    expect(auditSummaries(t, 'backup.exchangeCarried')).toEqual([]);
    expect((await t.call('exchange.sentBatches', {}, 'clerk')).fullBatchDueSince).toBeNull();
    rename(t, fileId, '王一改');
    const { batch, imported } = await carry(t, federation);
    expect(batch).toMatchObject({ sequence: 2, snapshot: false });
    expect(imported).toMatchObject({ outcome: 'applied', withdrawn: 0 });
    expect(heldAtFederation(federation, fileId)).toMatchObject({ headName: '王一改', rev: 2 });
  });

  it('a backup from before the federation card: the card the batches went to comes along, trusted', SLOW, async () => {
    const { t } = await office();
    const fileId = insertFile(t, { headName: '王一' }).fileId;
    const backupId = await backup(t);
    const federation = await startOffice(FEDERATION);
    const { peer } = await importCard(t, await cardText(federation));
    await t.call('exchange.confirmPeer', { id: peer.id, fingerprintChecked: true });
    const back = await importCard(federation, await cardText(t));
    await federation.call('exchange.confirmPeer', { id: back.peer.id, fingerprintChecked: true });
    await carry(t, federation);
    rename(t, fileId, '王一改');
    await carry(t, federation);

    await t.call('backup.restore', { backupId });
    await signInAgain(t);
    const list = await t.call('exchange.sentBatches', {}, 'clerk');
    expect(list.federation).toEqual({ name: FEDERATION.name, code: FEDERATION.creditCode });
    expect(list.batches.map((b) => b.sequence)).toEqual([2, 1]);
    const { batch, imported } = await carry(t, federation);
    expect(batch).toMatchObject({ sequence: 3, snapshot: true });
    expect(imported).toMatchObject({ outcome: 'applied', withdrawn: 0, refusedCount: 0 });
    // The restored value (王一, rev 1 here) wins over the one sent in batch 2 (王一改, rev 2).
    expect(heldAtFederation(federation, fileId)).toMatchObject({ headName: '王一', deleted: 0 });
  });
});
