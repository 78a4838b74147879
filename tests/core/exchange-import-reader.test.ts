import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { BatchImportResult } from '@shared/contract/exchange-import';
import { readerThreadsRunning } from '../../src/main/core/features/exchange/import-entries-thread';
import { bundleBatchReader } from './support/bundle';
import { inboxUpload, type TestCore } from './support/core';
import { craftedBatch, membersPayload, withBrokenLine } from './support/crafted-batch';
import {
  attachmentEntry,
  centreBatch,
  exchangeDump,
  fileRecord,
  importFile,
  memberRecord,
  offices,
  orgRecord,
  paymentRecord,
  programRecord,
  type Offices,
} from './support/exchange-import';

/**
 * 导入批次 as the program runs it: the batch is decrypted, parsed and checked in a reader thread of its own
 * (features/exchange/import-entries-thread.ts) while the core writes. The federation must end with exactly the rows
 * the core's own thread gives, a refusal found in the thread must be the same refusal with nothing written, and no
 * thread may outlive its import.
 */

let readerPath: string;
beforeAll(() => {
  readerPath = bundleBatchReader();
});

/** The same centre's batches at two federations: one reading in the core's thread, one in the reader thread. */
async function twoFederations(): Promise<{ inCore: Offices; inThread: Offices }> {
  const inCore = await offices();
  const inThread = await offices();
  inThread.federation.core.state.batchReaderPath = readerPath;
  return { inCore, inThread };
}

/** A centre's snapshot with every kind of entry: members, a file with its household, a program, payments, attachments. */
function snapshotEntries(o: Offices, members: number) {
  return [
    orgRecord(o.origin),
    ...Array.from({ length: members }, (_, i) => memberRecord(o.origin, i + 1)),
    fileRecord(o.origin, 1),
    fileRecord(o.origin, 2, 1, { status: 'closed' }),
    programRecord(o.origin),
    ...Array.from({ length: 30 }, (_, i) => paymentRecord(o.origin, i + 1)),
    attachmentEntry(1, 1),
    attachmentEntry(2, 1),
    // Refused on its own (another office's member): the rest goes in.
    memberRecord('0193b000-0000-7000-8000-000000000777', members + 1),
  ];
}

/** A dump without what differs between two offices by construction (their ids and the import's own instants). */
function rows(t: TestCore) {
  const { records, attachments, people } = exchangeDump(t);
  return { records, attachments, people };
}

describe('导入批次 read in a thread of its own', () => {
  it('leaves the federation with the same rows as a read in the core, reports progress, and ends its thread', async () => {
    const { inCore, inThread } = await twoFederations();
    const results: BatchImportResult[] = [];
    for (const o of [inCore, inThread]) {
      const batch = await centreBatch(o, snapshotEntries(o, 4_500), { sequence: 1 });
      results.push(await importFile(o.federation, readFileSync(batch.path)));
    }
    // The receipts are each federation's own outbox files.
    const withoutReceipt = ({ receipt, ...result }: BatchImportResult) => (expect(receipt).not.toBeNull(), result);
    expect(withoutReceipt(results[1]!)).toEqual(withoutReceipt(results[0]!));
    expect(results[1]).toMatchObject({
      outcome: 'applied',
      applied: { org: 1, members: 4_500, hardship_files: 2, aid_programs: 1, aid_payments: 30 },
      refused: [{ table: 'members', reason: 'wrong-origin' }],
    });
    // The centres are two offices with two origins: compare with each origin's id replaced.
    const normalised = (o: Offices) => JSON.parse(JSON.stringify(rows(o.federation)).replaceAll(o.origin, 'ORIGIN'));
    expect(normalised(inThread)).toEqual(normalised(inCore));
    expect(rows(inThread.federation).people.length).toBeGreaterThan(2);
    expect(rows(inThread.federation).attachments).toHaveLength(2);
    expect(readerThreadsRunning()).toBe(0);
  });

  it('refuses a payload found bad in the thread with the same reason, writing nothing', async () => {
    const { inThread: o } = await twoFederations();
    const before = exchangeDump(o.federation);
    const cases: [string, Buffer, string][] = [
      // Chunks of records already written by the core when the thread finds the broken line: all rolled back.
      [
        'a broken line after 9,000 records',
        await craftedBatch(o, withBrokenLine(membersPayload(o.origin, 9_000, { counted: 9_001 }))),
        'bad-payload',
      ],
      [
        'fewer records than the manifest counts',
        await craftedBatch(o, membersPayload(o.origin, 3_000, { counted: 4_000 })),
        'manifest-mismatch',
      ],
      ['no org record', await craftedBatch(o, membersPayload(o.origin, 2, { org: false })), 'org-record-missing'],
    ];
    for (const [what, file, reason] of cases) {
      expect(await importFile(o.federation, file), what).toMatchObject({ outcome: 'refused', reason, sequence: 1 });
      expect(exchangeDump(o.federation), what).toEqual(before);
    }
    expect(readerThreadsRunning()).toBe(0);
    // A good batch 1 still goes in afterwards, through the thread.
    const good = await centreBatch(o, [orgRecord(o.origin), memberRecord(o.origin, 1)], { sequence: 1 });
    expect(await importFile(o.federation, readFileSync(good.path))).toMatchObject({ outcome: 'applied', applied: { org: 1, members: 1 } });
  });

  it('writes nothing and leaves no thread when the import is cancelled', async () => {
    const { inThread: o } = await twoFederations();
    const batch = await centreBatch(o, snapshotEntries(o, 30_000), { sequence: 1 });
    const before = exchangeDump(o.federation);
    const { jobId } = await o.federation.call(
      'exchangeImport.importBatch',
      inboxUpload(o.federation, 'batch.bfb', readFileSync(batch.path)),
    );
    // Cancelled once the first chunk is written.
    const progressed = () => o.federation.events.some((e) => e.type === 'job.progress' && e.jobId === jobId && e.done > 0);
    while (!progressed()) await new Promise((r) => setTimeout(r, 1));
    await o.federation.call('jobs.cancel', { jobId });
    const finished = () => o.federation.events.find((e) => e.type === 'job.finished' && e.jobId === jobId);
    while (!finished()) await new Promise((r) => setTimeout(r, 5));
    expect(finished()).toMatchObject({ result: { ok: false, error: { code: 'JOB_CANCELLED' } } });
    expect(exchangeDump(o.federation)).toEqual(before);
    expect(readerThreadsRunning()).toBe(0);
  });

  it('refuses a second import with BUSY while the first is writing, and the first applies whole', async () => {
    const { inThread: o } = await twoFederations();
    const batch = readFileSync((await centreBatch(o, snapshotEntries(o, 30_000), { sequence: 1 })).path);
    const { jobId } = await o.federation.call('exchangeImport.importBatch', inboxUpload(o.federation, 'batch.bfb', batch));
    const progressed = () => o.federation.events.some((e) => e.type === 'job.progress' && e.jobId === jobId && e.done > 0);
    while (!progressed()) await new Promise((r) => setTimeout(r, 1));
    // The first import's transaction is open (in the rollback journal, db/bulk-journal.ts): the second leaves the
    // journal as it is and is refused as any writer is while an import runs.
    const second = await o.federation.job('exchangeImport.importBatch', inboxUpload(o.federation, 'again.bfb', batch));
    expect(second.result).toMatchObject({ ok: false, error: { code: 'BUSY' } });
    const finished = () => o.federation.events.find((e) => e.type === 'job.finished' && e.jobId === jobId);
    while (!finished()) await new Promise((r) => setTimeout(r, 5));
    expect(finished()).toMatchObject({ result: { ok: true, data: { outcome: 'applied' } } });
    const sqlite = o.federation.core.state.conn!.sqlite;
    expect(sqlite.prepare("SELECT count(*) FROM exchange_records WHERE table_name = 'members'").pluck().get()).toBe(30_000);
    expect(sqlite.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(o.federation.logger.lines.filter((line) => line.includes('"level":"error"'))).toEqual([]);
    expect(readerThreadsRunning()).toBe(0);
  });

  it('ends with a coded error and writes nothing when the reader thread cannot start', async () => {
    const { inThread: o } = await twoFederations();
    o.federation.core.state.batchReaderPath = join(readerPath, '..', 'no-such-reader.js');
    const batch = await centreBatch(o, [orgRecord(o.origin), memberRecord(o.origin, 1)], { sequence: 1 });
    const before = exchangeDump(o.federation);
    const { result } = await o.federation.job(
      'exchangeImport.importBatch',
      inboxUpload(o.federation, 'batch.bfb', readFileSync(batch.path)),
    );
    expect(result).toMatchObject({ ok: false, error: { code: 'INTERNAL', ref: expect.any(String) } });
    expect(exchangeDump(o.federation)).toEqual(before);
    expect(readerThreadsRunning()).toBe(0);
  });
});
