import { cpSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ADMIN, startCore, tempDir, type TestCore } from './support/core';
import { withBitsFlipped } from './support/damage';
import {
  attachmentEntry,
  centreBatch,
  everyKindEntries,
  exchangeDump,
  fileRecord,
  importFile,
  memberRecord,
  offices,
  orgRecord,
  paymentRecord,
} from './support/exchange-import';

/**
 * Any order and repetition of a centre's batches gives the federation the database of the batches applied in
 * order so far, or a refusal (a gap, a tampered copy), never another database (issue 12 "Tests"). Each run starts
 * from a copy of the same federation folder (its keys are the ones the batches are encrypted to).
 */

/** The exchange tables without what only says which federation row (peer) and when: what two runs share. */
function comparable(t: TestCore) {
  const dump = exchangeDump(t);
  return { ...dump, received: dump.received.map((r) => ({ ...(r as object), peer_id: undefined })) };
}

async function open(pristine: { dataDir: string; key: Buffer }): Promise<TestCore> {
  const dataDir = join(tempDir(), 'fed');
  cpSync(pristine.dataDir, dataDir, { recursive: true });
  const t = startCore({ dataDir, key: pristine.key });
  await t.call('auth.signIn', { username: ADMIN.username, password: ADMIN.password });
  return t;
}

describe('the federation database after any order of batches', () => {
  it('is the in-order prefix applied so far, whatever the order and repetition', { timeout: 240_000 }, async () => {
    const o = await offices();
    const origin = o.origin;
    const contents = [
      everyKindEntries(origin, { members: 3, files: 1, payments: 1, attachments: 1 }),
      [
        orgRecord(origin),
        memberRecord(origin, 2, 2, { name: '改名' }),
        fileRecord(origin, 1, 2, { status: 'closed' }),
        paymentRecord(origin, 2),
      ],
      [orgRecord(origin), memberRecord(origin, 1, 3), paymentRecord(origin, 1, 2, { status: 'voided' }), attachmentEntry(2, 1)],
      [orgRecord(origin), memberRecord(origin, 4), fileRecord(origin, 2), memberRecord(origin, 2, 1, { name: '旧的' })],
    ];
    const batches: Buffer[] = [];
    for (const entries of contents) batches.push(readFileSync((await centreBatch(o, entries)).path));
    // A tampered copy of batch 2: always refused.
    const tampered = withBitsFlipped(batches[1]!, batches[1]!.length - 30, 0x04);
    const files = [...batches, tampered];

    const pristine = { dataDir: o.federation.dataDir, key: o.federation.key };
    o.federation.core.close();

    // The database after batches 1..k applied in order, k = 0..4.
    const reference = await open(pristine);
    const expected = [comparable(reference)];
    for (const batch of batches) {
      expect((await importFile(reference, batch)).outcome).toBe('applied');
      expected.push(comparable(reference));
    }
    reference.core.close();

    await fc.assert(
      fc.asyncProperty(fc.array(fc.integer({ min: 0, max: files.length - 1 }), { minLength: 1, maxLength: 8 }), async (order) => {
        const t = await open(pristine);
        try {
          let applied = 0;
          for (const i of order) {
            const result = await importFile(t, files[i]!);
            if (i === batches.length) expect(result).toMatchObject({ outcome: 'refused', reason: 'payload-hash' });
            else if (i === applied) {
              expect(result.outcome).toBe('applied');
              applied++;
            } else if (i < applied) expect(result.outcome).toBe('repeat');
            else expect(result).toMatchObject({ outcome: 'refused', reason: 'sequence-gap', expected: applied + 1 });
            expect(comparable(t)).toEqual(expected[applied]);
          }
        } finally {
          t.core.close();
        }
      }),
      { numRuns: 25 },
    );
  });
});
