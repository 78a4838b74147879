import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { sqliteOf } from './support/aid';
import { craftedBatch, snapshotPayload } from './support/crafted-batch';
import { centreBatch, fileRecord, importFile, memberRecord, offices, orgRecord } from './support/exchange-import';

/**
 * The federation takes a later snapshot as all the centre holds (exchange/import-withdraw.ts): what it does not name
 * is withdrawn, what it names but refuses stays, and a snapshot refused on the way withdraws nothing. Batches written
 * by hand with the format library, imported through the real job.
 */

function held(o: Awaited<ReturnType<typeof offices>>) {
  return sqliteOf(o.federation)
    .prepare(
      'SELECT table_name AS t, id, rev, deleted_at IS NOT NULL AS deleted, withdrawn_in AS withdrawnIn FROM exchange_records ORDER BY t, id',
    )
    .all();
}

describe('a later snapshot at the federation', () => {
  it('withdraws the records it does not name, keeps one it names but refuses, and a refused snapshot withdraws nothing', async () => {
    const o = await offices();
    const first = await centreBatch(o, [
      orgRecord(o.origin),
      memberRecord(o.origin, 1),
      memberRecord(o.origin, 2),
      fileRecord(o.origin, 1),
    ]);
    expect(await importFile(o.federation, readFileSync(first.path))).toMatchObject({ outcome: 'applied', withdrawn: 0 });
    const before = held(o);

    // Counted one member more than it holds: refused at its end, after the ids were noted. Nothing changes.
    const named = [orgRecord(o.origin, 2), memberRecord(o.origin, 1, 2), memberRecord(o.origin, 2, 2, { id_number: '110105198001010000' })];
    const cut = await importFile(o.federation, await craftedBatch(o, snapshotPayload(named, { org: 1, members: 3 }), { sequence: 2 }));
    expect(cut).toMatchObject({ outcome: 'refused', reason: 'manifest-mismatch' });
    expect(held(o)).toEqual(before);
    expect(sqliteOf(o.federation).prepare("SELECT count(*) FROM temp.sqlite_schema WHERE name = 'import_seen'").pluck().get()).toBe(0);

    const whole = await importFile(o.federation, await craftedBatch(o, snapshotPayload(named, { org: 1, members: 2 }), { sequence: 2 }));
    expect(whole).toMatchObject({ outcome: 'applied', snapshot: true, withdrawn: 1, refusedCount: 1 });
    expect(whole.refused).toEqual([
      { table: 'members', id: (named[2] as { record: { id: string } }).record.id, reason: 'invalid-id-number' },
    ]);
    const [file, member1, member2] = [fileRecord(o.origin, 1), ...named.slice(1)].map((e) => (e as { record: { id: string } }).record.id);
    expect(held(o)).toEqual(
      expect.arrayContaining([
        { t: 'hardship_files', id: file, rev: 1, deleted: 1, withdrawnIn: 2 },
        { t: 'members', id: member1, rev: 2, deleted: 0, withdrawnIn: null },
        // Named but refused: kept as the federation had it.
        { t: 'members', id: member2, rev: 1, deleted: 0, withdrawnIn: null },
      ]),
    );
    expect(sqliteOf(o.federation).prepare('SELECT DISTINCT active FROM exchange_people WHERE record_id = ?').pluck().all(file)).toEqual([
      0,
    ]);
  });
});
