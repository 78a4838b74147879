import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { insertFile, sqliteOf } from './support/aid';
import { ADMIN, ORG, outboxCopy, tempDir, type TestCore } from './support/core';
import { flipBytes } from './support/damage';
import { auditSummaries, cardText, importCard } from './support/exchange';
import { centreWithFederation, exportBatch } from './support/exchange-export';
import { centreBatch, importFile, memberRecord, orgId, orgRecord, signingKeyOf } from './support/exchange-import';

/*
 * A federation restores a backup taken between batches it applied (features/exchange/import-kept.ts): the batch files it
 * keeps since are listed on 接收批次 and put through the import again, so each centre's next batch follows with no gap
 * and no alarm. A real centre's real batches, the federation's real restore, real encrypted files.
 */

const SLOW = { timeout: 90_000 };

async function offices() {
  const o = await centreWithFederation();
  const { peer } = await importCard(o.federation, await cardText(o.t));
  await o.federation.call('exchange.confirmPeer', { id: peer.id, fingerprintChecked: true });
  return o;
}

async function carry(t: TestCore, federation: TestCore) {
  const { batch, file } = await exportBatch(t);
  return importFile(federation, readFileSync(await outboxCopy(t, file.fileId)), `${batch.sequence}.bfb`);
}

async function backup(t: TestCore): Promise<string> {
  const { result } = await t.job('backup.create');
  if (!result.ok) throw new Error(result.error.code);
  return result.data.id;
}

async function reimport(federation: TestCore) {
  const { result } = await federation.job('exchangeImport.reimportKept', {});
  if (!result.ok) throw new Error(result.error.code);
  return result.data.batches.map((b) => ({ sequence: b.sequence, outcome: b.outcome, reason: b.reason }));
}

/** What the federation's own screens count and list of the centre; a batch imported again bears its new time. */
async function views(federation: TestCore) {
  const { centres: listed } = await federation.call('federation.centres', {});
  const centres = listed.map(({ lastImportAt: _at, lastBatch, ...c }) => ({
    ...c,
    lastBatch: lastBatch && { ...lastBatch, importedAt: '' },
  }));
  const files = await federation.call('federation.centreFiles', { centre: ORG.creditCode });
  const received = await federation.call('exchangeImport.received');
  return {
    centres,
    files: files.items.map((f) => f.id).sort(),
    batches: received.centres.map((c) => ({
      code: c.code,
      next: c.nextSequence,
      batches: c.batches.map((b) => ({ ...b, importedAt: '' })),
    })),
  };
}

const rename = (t: TestCore, fileId: string, headName: string) =>
  sqliteOf(t).prepare('UPDATE hardship_files SET head_name = ? WHERE id = ?').run(headName, fileId);

/** Batch 1, the federation's backup, batches 2–3 (a change, a new file), and an alarm raised after the backup. */
async function appliedThreeWithBackupAfterOne() {
  const o = await offices();
  const { t, federation } = o;
  const first = insertFile(t, { headName: '王一' }).fileId;
  expect(await carry(t, federation)).toMatchObject({ outcome: 'applied', sequence: 1 });
  const backupId = await backup(federation);
  rename(t, first, '王一改');
  expect(await carry(t, federation)).toMatchObject({ outcome: 'applied', sequence: 2 });
  insertFile(t, { headName: '李二' });
  expect(await carry(t, federation)).toMatchObject({ outcome: 'applied', sequence: 3 });
  // Another file under sequence 2, signed by the centre's key: an alarm, raised after the backup.
  const centre = { federation, centre: t, origin: orgId(sqliteOf(t)), dir: tempDir(), signingKey: signingKeyOf(sqliteOf(t)), seq: 0 };
  const other = await centreBatch(centre, [orgRecord(centre.origin), memberRecord(centre.origin, 9)], { sequence: 2 });
  expect(await importFile(federation, readFileSync(other.path))).toMatchObject({ outcome: 'alarm' });
  return { ...o, backupId, before: await views(federation) };
}

async function expectBackInLine(o: { t: TestCore; federation: TestCore; before: Awaited<ReturnType<typeof views>> }) {
  const { t, federation } = o;
  const listed = await federation.call('exchangeImport.received');
  // Batch 1's kept file is the backup's own (nothing to do); 2–3 are kept and not applied.
  expect(listed.keptPending).toEqual([{ code: ORG.creditCode, name: ORG.name, from: 2, to: 3 }]);
  expect(listed.centres[0]!.nextSequence).toBe(2);
  // The alarm raised after the backup is still there.
  expect(listed.alarms).toMatchObject([{ sequence: 2, settledAt: null }]);

  expect(await reimport(federation)).toEqual([
    { sequence: 2, outcome: 'applied', reason: null },
    { sequence: 3, outcome: 'applied', reason: null },
  ]);
  expect(auditSummaries(federation, 'exchangeImport.applied')).toHaveLength(3);
  expect((await federation.call('exchangeImport.received')).keptPending).toEqual([]);
  expect(await views(federation)).toEqual(o.before);

  // The centre's next batch follows: no gap, no new alarm.
  insertFile(t, { headName: '赵三' });
  expect(await carry(t, federation)).toMatchObject({ outcome: 'applied', sequence: 4, refusedCount: 0 });
  expect(sqliteOf(federation).prepare('SELECT count(*) FROM exchange_alarms').pluck().get()).toBe(1);
  expect((await views(federation)).files).toHaveLength(o.before.files.length + 1);
}

describe("a federation's restore and the batch files it keeps", () => {
  it('after backup.restore: the kept batches 2–3 are listed, re-applied, and batch 4 follows', SLOW, async () => {
    const o = await appliedThreeWithBackupAfterOne();
    await o.federation.call('backup.restore', { backupId: o.backupId });
    await o.federation.call('auth.signIn', { username: ADMIN.username, password: ADMIN.password });
    expect(auditSummaries(o.federation, 'backup.alarmsCarried')).toEqual(['{"event":"backup.alarmsCarried","params":{"alarms":1}}']);
    await expectBackInLine(o);
    // A centre has no batches to import again.
    expect((await o.t.fail('exchangeImport.reimportKept', {})).code).toBe('EXCHANGE_FEDERATION_ONLY');
  });

  it('from the damaged screen: the same, the federation restored from its newest good backup', SLOW, async () => {
    const o = await appliedThreeWithBackupAfterOne();
    const sqlite = sqliteOf(o.federation);
    const page = sqlite.pragma('page_size', { simple: true }) as number;
    const usersPage = sqlite.prepare("SELECT rootpage FROM sqlite_schema WHERE name = 'users'").pluck().get() as number;
    o.federation.core.close();
    flipBytes(`${o.federation.dataDir}/bangfu.db`, (usersPage - 1) * page + page / 2);
    const again = o.federation.reopen();
    expect((await again.call('system.status')).state).toBe('damaged');
    await again.call('system.restoreDamaged', { backupId: o.backupId });
    await again.call('auth.signIn', { username: ADMIN.username, password: ADMIN.password });
    await expectBackInLine({ ...o, federation: again });
  });

  it('a kept file that fails its checks is named and set aside; the gap after it closes with the centre’s 补发', SLOW, async () => {
    const o = await appliedThreeWithBackupAfterOne();
    const { t, federation } = o;
    await federation.call('backup.restore', { backupId: o.backupId });
    await federation.call('auth.signIn', { username: ADMIN.username, password: ADMIN.password });
    const received = join(federation.dataDir, 'exchange', 'received');
    const kept2 = join(received, `${ORG.creditCode}-2.bfb`);
    flipBytes(kept2);

    const [refused, ...rest] = await reimport(federation);
    expect(rest).toEqual([]);
    expect(refused).toMatchObject({ sequence: 2, outcome: 'refused' });
    expect(existsSync(kept2)).toBe(false);
    expect(readdirSync(join(received, 'set-aside'))).toEqual([expect.stringMatching(new RegExp(`-${ORG.creditCode}-2\\.bfb$`))]);
    const listed = await federation.call('exchangeImport.received');
    expect(listed.keptPending).toEqual([]);
    expect(listed.centres[0]!.nextSequence).toBe(2);

    // The centre writes 2–3 again (补发): they apply in order, and batch 4 follows.
    const again = await t.job('exchange.exportAgain', { from: 2 }, 'clerk');
    if (!again.result.ok) throw new Error(again.result.error.code);
    for (const file of again.result.data.files)
      expect(await importFile(federation, readFileSync(await outboxCopy(t, file.fileId)))).toMatchObject({ outcome: 'applied' });
    expect(await views(federation)).toEqual(o.before);
    expect(await carry(t, federation)).toMatchObject({ outcome: 'applied', sequence: 4 });
  });

  it('a backup from before the centre’s card: its kept batches stay listed until the card is trusted again', SLOW, async () => {
    const o = await centreWithFederation();
    const { t, federation } = o;
    const backupId = await backup(federation);
    const { peer } = await importCard(federation, await cardText(t));
    await federation.call('exchange.confirmPeer', { id: peer.id, fingerprintChecked: true });
    insertFile(t, { headName: '王一' });
    expect(await carry(t, federation)).toMatchObject({ outcome: 'applied', sequence: 1 });
    insertFile(t, { headName: '李二' });
    expect(await carry(t, federation)).toMatchObject({ outcome: 'applied', sequence: 2 });
    const before = await views(federation);
    await federation.call('backup.restore', { backupId });
    await federation.call('auth.signIn', { username: ADMIN.username, password: ADMIN.password });

    // No card here: listed by its code, refused as an unknown sender, and left in place.
    const pending = [{ code: ORG.creditCode, name: ORG.creditCode, from: 1, to: 2 }];
    expect((await federation.call('exchangeImport.received')).keptPending).toEqual(pending);
    expect(await reimport(federation)).toEqual([{ sequence: 1, outcome: 'refused', reason: 'unknown-sender' }]);
    expect((await federation.call('exchangeImport.received')).keptPending).toEqual(pending);

    const again = await importCard(federation, await cardText(t));
    await federation.call('exchange.confirmPeer', { id: again.peer.id, fingerprintChecked: true });
    expect(await reimport(federation)).toEqual([
      { sequence: 1, outcome: 'applied', reason: null },
      { sequence: 2, outcome: 'applied', reason: null },
    ]);
    expect(await views(federation)).toEqual(before);
    insertFile(t, { headName: '赵三' });
    expect(await carry(t, federation)).toMatchObject({ outcome: 'applied', sequence: 3 });
  });
  it('a card withdrawn after the backup stays withdrawn: the restore does not trust that key again', SLOW, async () => {
    const o = await offices();
    const { t, federation } = o;
    insertFile(t, { headName: '王一' });
    expect(await carry(t, federation)).toMatchObject({ outcome: 'applied', sequence: 1 });
    const backupId = await backup(federation);
    const [card] = (await federation.call('exchange.peers', {})).peers;
    await federation.call('exchange.withdrawPeer', { id: card!.id });
    await federation.call('backup.restore', { backupId });
    await federation.call('auth.signIn', { username: ADMIN.username, password: ADMIN.password });

    expect((await federation.call('exchange.peers', {})).peers.map((p) => p.status)).toEqual(['withdrawn']);
    expect(auditSummaries(federation, 'backup.withdrawalsCarried')).toEqual(['{"event":"backup.withdrawalsCarried","params":{"cards":1}}']);
    insertFile(t, { headName: '李二' });
    expect(await carry(t, federation)).toMatchObject({ outcome: 'refused', reason: 'revoked-sender' });
  });
});
