import { describe, expect, it } from 'vitest';
import { insertFile, saveProgram, sqliteOf } from './support/aid';
import type { TestCore } from './support/core';
import { centreWithFederation, exportBatch, readAsFederation, receiptUpload } from './support/exchange-export';

/**
 * The home page's to-dos of aid and the exchange (issue 13 "Dashboard"): payments waiting for approval, for those who
 * approve them, and batches sent with no receipt back, for the clerks who carry them; each the length of its list.
 */

type Todo = Record<string, number>;
const todo = async (t: TestCore, client: string): Promise<Todo> =>
  Object.fromEntries((await t.call('home.todo', {}, client)).items.map((item) => [item.key, item.count]));

describe('home: payments waiting and batches not acknowledged', () => {
  it('counts the payments 待审核 for reviewers and administrators, as the list filtered to that status has them', async () => {
    const { t, federation } = await centreWithFederation();
    const program = await saveProgram(t, 'festival', { kind: 'fixed', amountFen: 50_000, byCategory: {} });
    const pay = (fileId: string) =>
      t.call('aid.createPayment', { programId: program.id, fileId, amountFen: 50_000, method: 'cash' }, 'clerk');
    const [a, b, c] = [insertFile(t), insertFile(t), insertFile(t)].map((f) => f.fileId) as [string, string, string];
    const first = await pay(a);
    const second = await pay(b);
    await pay(c);
    expect(await todo(t, 'reviewer')).toMatchObject({ paymentsPending: 3 });
    expect(await todo(t, 'test')).toMatchObject({ paymentsPending: 3 });
    expect(await todo(t, 'clerk')).not.toHaveProperty('paymentsPending');
    // Approved, then voided: neither waits any more.
    await t.call('aid.approve', { ids: [first.id] }, 'reviewer');
    await t.call('aid.void', { id: second.id, reason: '重复录入' }, 'reviewer');
    expect(await todo(t, 'reviewer')).toMatchObject({ paymentsPending: 1 });
    const listed = await t.call('aid.payments', { status: 'pending', page: 1, pageSize: 50 }, 'reviewer');
    expect(listed.total).toBe(1);

    // Batches: each exported one waits for its receipt; a receipt imported (applied or not) settles it.
    expect(await todo(t, 'clerk')).toMatchObject({ batchesUnacknowledged: 0 });
    const one = await exportBatch(t);
    await exportBatch(t);
    expect(await todo(t, 'clerk')).toMatchObject({ batchesUnacknowledged: 2 });
    expect(await todo(t, 'reviewer')).toMatchObject({ batchesUnacknowledged: 2 });
    const read = await readAsFederation(t, federation, one.file);
    const receipt = await receiptUpload(t, federation, {
      batch: { sequence: 1, sha256: read.payloadSha256 },
      receivedAt: '2026-03-10T03:00:00.000Z',
      outcome: 'applied',
      applied: read.manifest.counts,
      refused: [],
    });
    await t.call('exchange.importReceipt', receipt.upload(), 'clerk');
    expect(await todo(t, 'clerk')).toMatchObject({ batchesUnacknowledged: 1 });
    const waiting = (await t.call('exchange.sentBatches', {}, 'clerk')).batches.filter((batch) => batch.state === 'exported');
    expect(waiting.map((batch) => batch.sequence)).toEqual([2]);
    expect(sqliteOf(t).prepare('SELECT count(*) FROM exchange_sent').pluck().get()).toBe(2);
  });
});
