import { existsSync, readFileSync, statSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { verifyReceipt } from '../../src/main/core/exchange/format';
import { readOutboxFile } from '../../src/main/core/files';
import { readExchangeKey } from '../../src/main/core/keys/org-exchange';
import { readSigningKey } from '../../src/main/core/keys/org-signing';
import { FEDERATION_2, startOffice } from './support/exchange';
import { ORG } from './support/core';
import { craftedBatch, membersPayload, withBrokenLine } from './support/crafted-batch';
import { withBitsFlipped } from './support/damage';
import {
  centreBatch,
  everyKindEntries,
  exchangeDump,
  exchangeEvents,
  fileRecord,
  idOf,
  importFile,
  memberRecord,
  offices,
  orgRecord,
  paymentRecord,
  type Offices,
} from './support/exchange-import';
import { sqliteOf } from './support/signing';
import type { TestCore } from './support/core';
import type { FileRef } from '@shared/contract';

/** The federation's import of a centre's batches (features/exchange import-*), on real SQLite files. */

async function receiptOf(t: TestCore, ref: FileRef | null, o: Offices) {
  expect(ref).not.toBeNull();
  const { bytes } = await readOutboxFile(t.core.state.files, ref!.fileId);
  const fedKey = readSigningKey(sqliteOf(o.federation))!.publicKey;
  const verdict = await verifyReceipt(bytes, {
    lookupSender: () => fedKey,
    isRecipient: (to) => to.code === ORG.creditCode,
  });
  if (!verdict.ok) throw new Error(verdict.reason);
  return { receipt: verdict.receipt, bytes };
}

const people = (o: Offices) =>
  sqliteOf(o.federation)
    .prepare('SELECT id_number AS id, role, active, year, amount_fen AS fen FROM exchange_people ORDER BY record_table, record_id, role')
    .all();
// A payment's recipient is a column of its record (migration 0035), not an exchange_people row.
const recipients = (o: Offices) =>
  sqliteOf(o.federation)
    .prepare("SELECT id_number AS id, status, year, amount_fen AS fen FROM exchange_records WHERE table_name = 'aid_payments' ORDER BY id")
    .all();

describe('importing a centre batch at the federation', () => {
  it('applies a snapshot then a change batch, keeps the people index, and answers with signed receipts', async () => {
    const o = await offices();
    const first = [
      ...everyKindEntries(o.origin, { members: 3, files: 1, payments: 1, attachments: 1 }),
      // Refused records: a bad ID number, a negative amount, another office's record.
      memberRecord(o.origin, 4, 1, { id_number: '110105198001010000' }),
      paymentRecord(o.origin, 2, 1, { amount_fen: -5 }),
      memberRecord('0193b000-0000-7000-8000-000000000999', 5),
    ];
    const one = await centreBatch(o, first);
    const applied = await importFile(o.federation, readFileSync(one.path));
    expect(applied).toMatchObject({
      outcome: 'applied',
      centre: { code: ORG.creditCode, name: ORG.name },
      sequence: 1,
      snapshot: true,
      applied: { org: 1, members: 3, hardship_files: 1, aid_programs: 1, aid_payments: 1 },
      attachments: 1,
      refusedCount: 3,
    });
    expect(applied.refused).toEqual([
      { table: 'members', id: expect.stringMatching(/-0a00/), reason: 'invalid-id-number' },
      { table: 'aid_payments', id: expect.any(String), reason: 'invalid-money' },
      { table: 'members', id: expect.any(String), reason: 'wrong-origin' },
    ]);
    // No value in the refusals: ids and codes only.
    expect(JSON.stringify(applied.refused)).not.toContain('110105198001010000');
    const { receipt } = await receiptOf(o.federation, applied.receipt, o);
    expect(receipt).toMatchObject({
      outcome: 'applied',
      batch: { sequence: 1, sha256: one.header.payload.sha256 },
      recipient: { code: ORG.creditCode, key: one.header.sender.key },
      applied: applied.applied,
    });
    expect(receipt.refused).toHaveLength(3);
    expect(people(o)).toEqual([
      { id: idOf('11010519750101001'), role: 'head', active: 1, year: null, fen: null },
      { id: idOf('11010520100101001'), role: 'member', active: 1, year: null, fen: null },
    ]);
    expect(recipients(o)).toEqual([{ id: idOf('11010519750101001'), status: 'approved', year: 2026, fen: 50_000 }]);
    // The batch was written once, in the rollback journal (db/bulk-journal.ts): once answered, the database is back
    // in WAL with nothing in the WAL, and no journal is left.
    expect(sqliteOf(o.federation).pragma('journal_mode', { simple: true })).toBe('wal');
    expect(statSync(`${o.federation.core.state.paths.database}-wal`).size).toBe(0);
    expect(existsSync(`${o.federation.core.state.paths.database}-journal`)).toBe(false);

    // A change batch: the file closed, the payment voided, a member at an older rev (already newer here).
    const second = [
      orgRecord(o.origin),
      fileRecord(o.origin, 1, 2, { status: 'closed' }),
      paymentRecord(o.origin, 1, 2, { status: 'voided' }),
      memberRecord(o.origin, 1, 1, { name: '不会覆盖' }),
      memberRecord(o.origin, 2, 2, { name: '改名' }),
    ];
    const two = await centreBatch(o, second);
    const next = await importFile(o.federation, readFileSync(two.path));
    expect(next).toMatchObject({ outcome: 'applied', sequence: 2, snapshot: false, refusedCount: 0 });
    expect(people(o).map((p) => (p as { active: number }).active)).toEqual([0, 0]);
    expect(recipients(o)).toEqual([{ id: idOf('11010519750101001'), status: 'voided', year: 2026, fen: 50_000 }]);
    const names = sqliteOf(o.federation)
      .prepare("SELECT json_extract(fields, '$.name') FROM exchange_records WHERE table_name = 'members' ORDER BY id")
      .pluck()
      .all();
    expect(names).toEqual(['会员1', '改名', '会员3']);

    // The list, and the receipt again: the very same bytes.
    const list = await o.federation.call('exchangeImport.received');
    expect(list.centres).toHaveLength(1);
    expect(list.centres[0]).toMatchObject({ code: ORG.creditCode, nextSequence: 3 });
    expect(list.centres[0]!.batches.map((b) => [b.sequence, b.refusedCount])).toEqual([
      [2, 0],
      [1, 3],
    ]);
    const again = await o.federation.job('exchangeImport.receipt', { centreCode: ORG.creditCode, sequence: 1 });
    if (!again.result.ok) throw new Error(again.result.error.code);
    expect((await receiptOf(o.federation, again.result.data, o)).bytes).toEqual((await receiptOf(o.federation, applied.receipt, o)).bytes);

    expect(exchangeEvents(o.federation).map((s) => JSON.parse(s).event)).toEqual(['exchangeImport.applied', 'exchangeImport.applied']);
    // Audit entries and the log carry counts, never names or ID numbers.
    const log = [...exchangeEvents(o.federation), ...o.federation.logger.lines].join('\n');
    expect(log).not.toMatch(/会员1|户主1|110105197501/);
  });

  it('refuses a gap naming the missing batch, takes a repeat as harmless, and raises an alarm for another file', async () => {
    const o = await offices();
    const one = await centreBatch(o, [orgRecord(o.origin), memberRecord(o.origin, 1)]);
    const two = await centreBatch(o, [orgRecord(o.origin), memberRecord(o.origin, 2)]);
    const three = await centreBatch(o, [orgRecord(o.origin), memberRecord(o.origin, 3)]);

    const empty = exchangeDump(o.federation);
    const gap = await importFile(o.federation, readFileSync(two.path));
    expect(gap).toMatchObject({ outcome: 'refused', reason: 'sequence-gap', expected: 1, sequence: 2 });
    expect((await receiptOf(o.federation, gap.receipt, o)).receipt).toMatchObject({ outcome: 'refused', reason: 'sequence-gap' });
    expect(exchangeDump(o.federation)).toEqual(empty);

    expect((await importFile(o.federation, readFileSync(one.path))).outcome).toBe('applied');
    const afterOne = exchangeDump(o.federation);
    const repeat = await importFile(o.federation, readFileSync(one.path));
    expect(repeat).toMatchObject({ outcome: 'repeat', sequence: 1, applied: { org: 1, members: 1 } });
    expect((await receiptOf(o.federation, repeat.receipt, o)).receipt.outcome).toBe('repeat');
    expect(exchangeDump(o.federation)).toEqual(afterOne);
    expect((await importFile(o.federation, readFileSync(three.path))).expected).toBe(2);

    // Batch 1 again, as a different file: an alarm, nothing applied.
    const other = await centreBatch(o, [orgRecord(o.origin), memberRecord(o.origin, 9)], { sequence: 1 });
    const alarm = await importFile(o.federation, readFileSync(other.path));
    expect(alarm).toMatchObject({ outcome: 'alarm', reason: 'different-hash', sequence: 1 });
    const dump = exchangeDump(o.federation);
    expect(dump.records).toEqual(afterOne.records);
    expect(dump.alarms).toHaveLength(1);
    const { alarms } = await o.federation.call('exchangeImport.received');
    expect(alarms).toMatchObject([{ sequence: 1, centreName: ORG.name, settledAt: null }]);
    const settled = await o.federation.call('exchangeImport.settleAlarm', { id: alarms[0]!.id, note: '中心恢复备份后重新导出' });
    expect(settled).toMatchObject({ settledBy: '管理员', settledNote: '中心恢复备份后重新导出' });
    expect((await o.federation.fail('exchangeImport.settleAlarm', { id: alarms[0]!.id, note: '再次' })).code).toBe(
      'EXCHANGE_ALARM_SETTLED',
    );
    expect((await o.federation.call('exchangeImport.received')).alarms).toHaveLength(1);

    expect(exchangeEvents(o.federation).map((s) => JSON.parse(s).event)).toEqual([
      'exchangeImport.refused',
      'exchangeImport.applied',
      'exchangeImport.repeat',
      'exchangeImport.refused',
      'exchangeImport.alarm',
      'exchangeImport.alarmSettled',
    ]);
  });

  it('refuses whole batches for each reason with nothing written but the audit entry', async () => {
    const o = await offices();
    const good = await centreBatch(o, [orgRecord(o.origin), memberRecord(o.origin, 1)], { sequence: 1 });
    const bytes = readFileSync(good.path);
    const before = exchangeDump(o.federation);
    const cases: [string, Buffer, string][] = [
      ['another file', Buffer.from('姓名,身份证号\n'), 'not-a-batch'],
      ['a newer version', Buffer.concat([Buffer.from('BANGFU-BATCH 2\n'), bytes.subarray(15)]), 'newer-version'],
      ['cut short', bytes.subarray(0, bytes.length - 10), 'truncated'],
      ['a payload byte changed', withBitsFlipped(bytes, bytes.length - 40), 'payload-hash'],
      ['a header byte changed', withBitsFlipped(bytes, bytes.indexOf('"createdAt":"') + 14), 'bad-signature'],
    ];
    for (const [what, file, reason] of cases) {
      const result = await importFile(o.federation, file);
      expect(result.outcome, what).toBe('refused');
      expect(result.reason, what).toBe(reason);
      expect(exchangeDump(o.federation), what).toEqual(before);
    }
    const refusals = exchangeEvents(o.federation).map((s) => JSON.parse(s).params.reason);
    expect(refusals).toEqual(cases.map(([, , reason]) => reason));

    // Only a federation imports batches.
    expect((await o.centre.fail('exchangeImport.importBatch', { uploadId: 'x', fileName: 'a.bfb' })).code).toBe('EXCHANGE_FEDERATION_ONLY');
  });

  it('refuses a damaged copy of a batch applied before without a refusal receipt: that batch stands', async () => {
    const o = await offices();
    const good = await centreBatch(o, [orgRecord(o.origin), memberRecord(o.origin, 1)], { sequence: 1 });
    const bytes = readFileSync(good.path);
    // Damaged before the first import: the centre is told (a signed refusal) and exports it again.
    const early = await importFile(o.federation, bytes.subarray(0, bytes.length - 10));
    expect(early).toMatchObject({ outcome: 'refused', reason: 'truncated', heldSince: null });
    expect((await receiptOf(o.federation, early.receipt, o)).receipt).toMatchObject({ outcome: 'refused', reason: 'truncated' });

    const applied = await importFile(o.federation, bytes);
    expect(applied.outcome).toBe('applied');
    const [held] = (await o.federation.call('exchangeImport.received')).centres[0]!.batches;
    const after = exchangeDump(o.federation);
    for (const [what, copy, reason] of [
      ['cut short', bytes.subarray(0, bytes.length - 10), 'truncated'],
      ['a payload byte changed', withBitsFlipped(bytes, bytes.length - 40), 'payload-hash'],
    ] as const) {
      const result = await importFile(o.federation, copy);
      // A refusal receipt would tell the centre its batch 1 never arrived, and the centre would show it as refused.
      expect(result, what).toMatchObject({ outcome: 'refused', reason, sequence: 1, heldSince: held!.importedAt, receipt: null });
      expect(exchangeDump(o.federation), what).toEqual(after);
    }
  });

  it('rolls back a batch whose payload turns out bad after records were written, and audits the refusal alone', async () => {
    const o = await offices();
    const other = await startOffice(FEDERATION_2);
    const before = exchangeDump(o.federation);
    const cases: [string, Buffer, string][] = [
      [
        'encrypted to another federation',
        await craftedBatch(o, membersPayload(o.origin, 1), { ageRecipient: readExchangeKey(sqliteOf(other))!.recipient }),
        'cannot-decrypt',
      ],
      // Thousands of records written, then a line that is not JSON: all of it rolled back.
      [
        'a broken line after 5,000 records',
        await craftedBatch(o, withBrokenLine(membersPayload(o.origin, 5_000, { counted: 5_001 }))),
        'bad-payload',
      ],
      [
        'fewer records than the manifest counts',
        await craftedBatch(o, membersPayload(o.origin, 3_000, { counted: 4_000 })),
        'manifest-mismatch',
      ],
      ['not gzip', await craftedBatch(o, membersPayload(o.origin, 0), { gzip: false }), 'bad-payload'],
    ];
    for (const [what, file, reason] of cases) {
      const result = await importFile(o.federation, file);
      expect(result, what).toMatchObject({ outcome: 'refused', reason, sequence: 1 });
      // The sender is known (its signature verified): it gets a signed refusal.
      expect((await receiptOf(o.federation, result.receipt, o)).receipt, what).toMatchObject({ outcome: 'refused', reason });
      expect(exchangeDump(o.federation), what).toEqual(before);
    }
    expect(exchangeEvents(o.federation).map((e) => JSON.parse(e).event)).toEqual(cases.map(() => 'exchangeImport.refused'));
    // A good batch 1 still goes in afterwards.
    const good = await centreBatch(o, [orgRecord(o.origin), memberRecord(o.origin, 1)], { sequence: 1 });
    expect((await importFile(o.federation, readFileSync(good.path))).outcome).toBe('applied');
  });

  it('attributes records by the org record wherever it comes, and refuses a batch without it or of another office', async () => {
    const o = await offices();
    const stranger = '0193b000-0000-7000-8000-000000000777';
    const before = exchangeDump(o.federation);
    const missing = await centreBatch(o, [memberRecord(o.origin, 1), memberRecord(o.origin, 2)], { sequence: 1 });
    expect(await importFile(o.federation, readFileSync(missing.path))).toMatchObject({ outcome: 'refused', reason: 'org-record-missing' });
    const foreignFirst = await centreBatch(o, [memberRecord(stranger, 1), memberRecord(o.origin, 2), orgRecord(o.origin)], { sequence: 1 });
    expect(await importFile(o.federation, readFileSync(foreignFirst.path))).toMatchObject({ outcome: 'refused', reason: 'wrong-origin' });
    expect(exchangeDump(o.federation)).toEqual(before);

    // The org record last: the records before it are the centre's, one foreign record among them is refused alone.
    const last = await centreBatch(
      o,
      [memberRecord(o.origin, 1), memberRecord(stranger, 2), memberRecord(o.origin, 3), orgRecord(o.origin)],
      {
        sequence: 1,
      },
    );
    expect(await importFile(o.federation, readFileSync(last.path))).toMatchObject({
      outcome: 'applied',
      applied: { members: 2, org: 1 },
      refused: [{ table: 'members', reason: 'wrong-origin' }],
    });
    // A change batch may leave the org record out: the first batch named the origin.
    const next = await centreBatch(o, [memberRecord(o.origin, 4)], { sequence: 2 });
    expect(await importFile(o.federation, readFileSync(next.path))).toMatchObject({ outcome: 'applied', applied: { members: 1 } });
  });

  it('refuses a sender whose card is not confirmed, or was withdrawn', async () => {
    const o = await offices({ trust: false });
    const batch = readFileSync((await centreBatch(o, [orgRecord(o.origin)], { sequence: 1 })).path);
    expect(await importFile(o.federation, batch)).toMatchObject({ outcome: 'refused', reason: 'unknown-sender', receipt: null });
    const peer = (await o.federation.call('exchange.peers')).peers[0]!;
    await o.federation.call('exchange.confirmPeer', { id: peer.id, fingerprintChecked: true });
    await o.federation.call('exchange.withdrawPeer', { id: peer.id });
    expect(await importFile(o.federation, batch)).toMatchObject({ outcome: 'refused', reason: 'revoked-sender', receipt: null });
    expect(exchangeDump(o.federation).records).toEqual([]);
  });
});
