import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { importTuning } from '../../src/main/core/features/exchange/import-bulk';
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
import { sqliteOf } from './support/signing';
import type { TestCore } from './support/core';

/**
 * A big batch's bulk path (import-bulk.ts): the indexes dropped inside the transaction and rebuilt from their own SQL
 * at its end give the same database, the same indexes, and a refused batch leaves them as they were. The threshold is
 * lowered so that a few records take the path; the kill -9 test runs it too.
 */

const DEFAULT = importTuning.bulkRecords;
afterEach(() => (importTuning.bulkRecords = DEFAULT));

const indexes = (t: TestCore) =>
  sqliteOf(t).prepare("SELECT name, sql FROM sqlite_schema WHERE type = 'index' AND tbl_name LIKE 'exchange_%' ORDER BY name").all();

const entriesOf = (o: Offices) => [
  orgRecord(o.origin),
  ...[1, 2, 3, 4].map((n) => memberRecord(o.origin, n)),
  fileRecord(o.origin, 1),
  fileRecord(o.origin, 2, 1, {}, true),
  programRecord(o.origin),
  paymentRecord(o.origin, 1),
  paymentRecord(o.origin, 2, 1, { status: 'voided' }),
  attachmentEntry(1, 1),
  memberRecord(o.origin, 5, 1, { id_number: '110105198001010000' }),
];

/** The dump without what differs between two pairs of offices by nature: the centre's origin, the peer's id. */
function comparable(o: Offices) {
  const dump = exchangeDump(o.federation);
  const received = dump.received.map((r) => ({ ...(r as object), peer_id: null, sha256: null, bytes: null }));
  return JSON.parse(JSON.stringify({ ...dump, received }).replaceAll(o.origin, 'ORIGIN')) as typeof dump;
}

describe('a big batch imported with its indexes rebuilt', () => {
  it('gives the same database and indexes as record by record, and the views read through the indexes', async () => {
    const slow = await offices();
    const slowBatch = await centreBatch(slow, entriesOf(slow));
    const before = indexes(slow.federation);
    await importFile(slow.federation, readFileSync(slowBatch.path));

    importTuning.bulkRecords = 1;
    const fast = await offices();
    const fastBatch = await centreBatch(fast, entriesOf(fast));
    const outcome = await importFile(fast.federation, readFileSync(fastBatch.path));
    expect(outcome).toMatchObject({ outcome: 'applied', refusedCount: 1 });
    expect(indexes(fast.federation)).toEqual(before);
    expect(sqliteOf(fast.federation).pragma('integrity_check', { simple: true })).toBe('ok');
    expect(comparable(fast)).toEqual(comparable(slow));
    expect(comparable(fast).records.length).toBeGreaterThan(8);
    // A change batch onto what the snapshot wrote: its records replace the held ones (and their people).
    const next = [memberRecord(fast.origin, 1, 2, { name: '改名' }), paymentRecord(fast.origin, 1, 2, { status: 'voided' })];
    const nextSlow = [memberRecord(slow.origin, 1, 2, { name: '改名' }), paymentRecord(slow.origin, 1, 2, { status: 'voided' })];
    await importFile(fast.federation, readFileSync((await centreBatch(fast, next)).path));
    importTuning.bulkRecords = DEFAULT;
    await importFile(slow.federation, readFileSync((await centreBatch(slow, nextSlow)).path));
    expect(comparable(fast)).toEqual(comparable(slow));
  });

  it('leaves the indexes whole when the batch is refused on the way (the transaction rolls the drop back)', async () => {
    importTuning.bulkRecords = 1;
    const o = await offices();
    const before = indexes(o.federation);
    // Records but no org record of the sender's: refused at the end, after the indexes were dropped.
    const batch = await centreBatch(o, [memberRecord(o.origin, 1), memberRecord(o.origin, 2)]);
    const outcome = await importFile(o.federation, readFileSync(batch.path));
    expect(outcome.outcome).not.toBe('applied');
    expect(indexes(o.federation)).toEqual(before);
    expect(exchangeDump(o.federation).records).toEqual([]);
  });
});
