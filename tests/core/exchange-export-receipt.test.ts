import { generateKeyPairSync } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { idCheckChar } from '@shared/domain/id-number';
import { insertFile, sqliteOf } from './support/aid';
import { ORG, inboxUpload } from './support/core';
import { FEDERATION, auditSummaries, cardText, importCard } from './support/exchange';
import { centreWithFederation, exportBatch, readAsFederation, receiptUpload } from './support/exchange-export';

/** 导入回执 at the centre: the federation's signed receipt matched to its batch, or refused with nothing written. */

const id18 = (first17: string) => first17 + idCheckChar(first17);
const AT = '2026-03-02T03:00:00.000Z';
const LATER = '2026-03-05T03:00:00.000Z';

async function centreWithTwoBatches() {
  const o = await centreWithFederation();
  const member = await o.t.call('roster.create', { name: '钱九', idNumber: id18('11010519800101106') }, 'clerk');
  const { fileId } = insertFile(o.t, { headName: '吴十' });
  sqliteOf(o.t).prepare("UPDATE hardship_files SET file_no = '京朝帮2026-0007' WHERE id = ?").run(fileId);
  const first = await exportBatch(o.t);
  const second = await exportBatch(o.t);
  const read1 = await readAsFederation(o.t, o.federation, first.file);
  const read2 = await readAsFederation(o.t, o.federation, second.file);
  return { ...o, member, fileId, read1, read2 };
}

/** The federation's receipt for batch 1: applied whole, or the whole file refused as cut short. */
function batchOneReceipt(o: Awaited<ReturnType<typeof centreWithTwoBatches>>, receivedAt: string, outcome: 'applied' | 'refused') {
  return receiptUpload(o.t, o.federation, {
    batch: { sequence: 1, sha256: o.read1.payloadSha256 },
    receivedAt,
    outcome,
    ...(outcome === 'refused' ? { reason: 'truncated' } : {}),
    applied: outcome === 'applied' ? o.read1.manifest.counts : {},
    refused: [],
  });
}

const receiptRow = (t: Parameters<typeof sqliteOf>[0], sequence: number) =>
  sqliteOf(t)
    .prepare('SELECT receipt_at, receipt_outcome, receipt_applied, receipt_refused, receipt_reason FROM exchange_sent WHERE sequence = ?')
    .get(sequence);

describe('导入回执', () => {
  it('marks a batch 已确认 when applied, 有问题 with the refused records named as the clerk finds them, and takes the same receipt twice harmlessly', async () => {
    const { t, federation, read1, read2, member, fileId } = await centreWithTwoBatches();

    const applied = await receiptUpload(t, federation, {
      batch: { sequence: 1, sha256: read1.payloadSha256 },
      receivedAt: AT,
      outcome: 'applied',
      applied: read1.manifest.counts,
      refused: [],
    });
    const one = await t.call('exchange.importReceipt', applied.upload(), 'clerk');
    expect(one).toMatchObject({
      outcome: 'new',
      batch: { sequence: 1, state: 'confirmed', receipt: { outcome: 'applied', receivedAt: AT, refused: [] } },
    });
    const before = receiptRow(t, 1);
    expect((await t.call('exchange.importReceipt', applied.upload(), 'clerk')).outcome).toBe('same');
    expect(receiptRow(t, 1)).toEqual(before);

    const problems = await receiptUpload(t, federation, {
      batch: { sequence: 2, sha256: read2.payloadSha256 },
      receivedAt: AT,
      outcome: 'applied',
      applied: { org: 1 },
      refused: [
        { table: 'hardship_files', id: fileId, reason: 'invalid-id-number' },
        { table: 'members', id: member.id, reason: 'some-new-reason' },
      ],
    });
    const two = await t.call('exchange.importReceipt', problems.upload(), 'clerk');
    expect(two.batch).toMatchObject({ sequence: 2, state: 'problems' });
    expect(two.batch.receipt!.refused).toEqual([
      { table: 'hardship_files', id: fileId, reason: 'invalid-id-number', find: '京朝帮2026-0007' },
      { table: 'members', id: member.id, reason: 'some-new-reason', find: '钱九' },
    ]);
    // A later repeat does not hide what the first import refused.
    const repeat = await receiptUpload(t, federation, {
      batch: { sequence: 2, sha256: read2.payloadSha256 },
      receivedAt: LATER,
      outcome: 'repeat',
      applied: {},
      refused: [],
    });
    expect((await t.call('exchange.importReceipt', repeat.upload(), 'clerk')).batch.state).toBe('problems');

    const list = await t.call('exchange.sentBatches', {}, 'clerk');
    expect(list.federation).toEqual({ name: FEDERATION.name, code: FEDERATION.creditCode });
    expect(list.batches.map((b) => [b.sequence, b.state])).toEqual([
      [2, 'problems'],
      [1, 'confirmed'],
    ]);
    const audit = auditSummaries(t, 'exchange.receiptImported');
    expect(audit).toEqual([
      '{"event":"exchange.receiptImported","params":{"sequence":1,"outcome":"applied","refused":0}}',
      '{"event":"exchange.receiptImported","params":{"sequence":2,"outcome":"applied","refused":2}}',
    ]);
    expect([...audit, ...t.logger.lines].join('\n')).not.toMatch(/钱九|吴十|京朝帮/);
  });

  it('shows a batch the federation refused whole as 有问题 with its reason, and a later applied receipt replaces it', async () => {
    const { t, federation, read2 } = await centreWithTwoBatches();
    const refused = await receiptUpload(t, federation, {
      batch: { sequence: 2, sha256: read2.payloadSha256 },
      receivedAt: AT,
      outcome: 'refused',
      reason: 'sequence-gap',
      applied: {},
      refused: [],
    });
    const result = await t.call('exchange.importReceipt', refused.upload(), 'clerk');
    expect(result.batch).toMatchObject({ state: 'problems', receipt: { outcome: 'refused', reason: 'sequence-gap' } });
    const applied = await receiptUpload(t, federation, {
      batch: { sequence: 2, sha256: read2.payloadSha256 },
      receivedAt: LATER,
      outcome: 'applied',
      applied: { org: 1 },
      refused: [],
    });
    expect((await t.call('exchange.importReceipt', applied.upload(), 'clerk')).batch).toMatchObject({
      state: 'confirmed',
      receipt: { reason: null },
    });
  });

  it('keeps a batch 已确认 whatever order its applied receipt and a refusal of a damaged copy of it come in', async () => {
    // Applied first, then a refusal of a copy cut short (as a federation before this change gave one).
    const one = await centreWithTwoBatches();
    const applied = await batchOneReceipt(one, AT, 'applied');
    const refusedLater = await batchOneReceipt(one, LATER, 'refused');
    await one.t.call('exchange.importReceipt', applied.upload(), 'clerk');
    expect(await one.t.call('exchange.importReceipt', refusedLater.upload(), 'clerk')).toMatchObject({
      outcome: 'same',
      batch: { state: 'confirmed', receipt: { outcome: 'applied', receivedAt: AT } },
    });

    // The other order: the refusal shown first is replaced by the applied receipt, though that is older.
    const other = await centreWithTwoBatches();
    const refused = await batchOneReceipt(other, LATER, 'refused');
    expect((await other.t.call('exchange.importReceipt', refused.upload(), 'clerk')).batch.state).toBe('problems');
    const appliedEarlier = await batchOneReceipt(other, AT, 'applied');
    expect(await other.t.call('exchange.importReceipt', appliedEarlier.upload(), 'clerk')).toMatchObject({
      outcome: 'new',
      batch: { state: 'confirmed', receipt: { outcome: 'applied', receivedAt: AT, reason: null } },
    });
  });

  it('refuses an altered receipt, one for an unknown or another batch, from an untrusted key or for another centre, writing nothing', async () => {
    const { t, federation, read1 } = await centreWithTwoBatches();
    const body = {
      batch: { sequence: 1, sha256: read1.payloadSha256 },
      receivedAt: AT,
      outcome: 'applied' as const,
      applied: { org: 1 },
      refused: [],
    };
    const good = await receiptUpload(t, federation, body);

    const altered = Buffer.from(good.bytes.toString('utf8').replace('"org":1', '"org":9'), 'utf8');
    const { privateKey } = generateKeyPairSync('ed25519');
    const stranger = await receiptUpload(t, federation, body, { code: FEDERATION.creditCode, signingKey: privateKey });
    const unknown = await receiptUpload(t, federation, { ...body, batch: { sequence: 7, sha256: read1.payloadSha256 } });
    const other = await receiptUpload(t, federation, { ...body, batch: { sequence: 1, sha256: 'ab'.repeat(32) } });
    const elsewhere = await receiptUpload(t, federation, { ...body, recipient: { code: '91110000000000000X', key: 'cd'.repeat(32) } });
    const cases: [string, { uploadId: string; fileName: string }, string, Record<string, unknown>?][] = [
      ['altered', inboxUpload(t, 'r.bfr', altered), 'RECEIPT_ALTERED'],
      ['cut short', inboxUpload(t, 'r.bfr', good.bytes.subarray(0, good.bytes.length - 10)), 'RECEIPT_ALTERED'],
      ['a key card', inboxUpload(t, 'r.bfr', Buffer.from('{"format":"bangfu-key-card"}')), 'RECEIPT_NOT_A_RECEIPT'],
      ['a batch', inboxUpload(t, 'r.bfr', readFileSync(read1.path)), 'RECEIPT_NOT_A_RECEIPT'],
      ['untrusted key', stranger.upload(), 'RECEIPT_UNTRUSTED'],
      ['unknown batch', unknown.upload(), 'RECEIPT_UNKNOWN_BATCH', { sequence: 7 }],
      ['another batch 1', other.upload(), 'RECEIPT_OTHER_BATCH', { sequence: 1 }],
      ['another centre', elsewhere.upload(), 'RECEIPT_WRONG_CENTRE'],
    ];
    for (const [what, upload, code, params] of cases) {
      const error = await t.fail('exchange.importReceipt', upload, 'clerk');
      expect(error.code, what).toBe(code);
      if (params) expect(error.params, what).toEqual(params);
    }
    expect(receiptRow(t, 1)).toEqual({
      receipt_at: null,
      receipt_outcome: null,
      receipt_applied: null,
      receipt_refused: null,
      receipt_reason: null,
    });
    expect(auditSummaries(t, 'exchange.receiptImported')).toEqual([]);
    expect(ORG.creditCode).not.toBe('91110000000000000X');
  });

  it('takes a receipt signed by a federation key replaced since, once the key change was confirmed', async () => {
    const { t, federation, read1 } = await centreWithTwoBatches();
    const before = await receiptUpload(t, federation, {
      batch: { sequence: 1, sha256: read1.payloadSha256 },
      receivedAt: AT,
      outcome: 'applied',
      applied: read1.manifest.counts,
      refused: [],
    });
    await federation.call('org.replaceKeys', { confirm: true });
    const changed = await importCard(t, await cardText(federation));
    expect(changed.outcome).toBe('signed');
    await t.call('exchange.confirmPeer', { id: changed.peer.id, fingerprintChecked: true });
    expect((await t.call('exchange.importReceipt', before.upload(), 'clerk')).batch.state).toBe('confirmed');
  });
});
