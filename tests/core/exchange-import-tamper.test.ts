import { readFileSync } from 'node:fs';
import { generateKeyPairSync } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { cardText, FEDERATION_2, importCard, startOffice } from './support/exchange';
import {
  centreBatch,
  exchangeDump,
  exchangeEvents,
  importFile,
  memberRecord,
  offices,
  orgRecord,
  signingKeyOf,
  type Offices,
} from './support/exchange-import';
import { sqliteOf } from './support/signing';
import { withBitsFlipped } from './support/damage';

/**
 * The tamper matrix at the importer (issue 12 "Tests"): each header field and payload range altered, cut short,
 * swapped between batches, replayed, reordered, sent to another federation, from an unknown or revoked sender. Each
 * is refused with its reason (or, replayed, taken as a harmless repeat), and the exchange tables stay as they were.
 */

const entries = (o: Offices, n: number) => [orgRecord(o.origin), memberRecord(o.origin, n), memberRecord(o.origin, n + 1)];

function at(bytes: Buffer, find: string, offset = 0): number {
  const i = bytes.indexOf(find);
  if (i < 0) throw new Error(`no ${find}`);
  return i + find.length + offset;
}

/** Replaces one character at `i` by another of the same class (digit, hex letter, letter), so only the value changes. */
function alter(bytes: Buffer, i: number): Buffer {
  const copy = Buffer.from(bytes);
  const c = String.fromCharCode(copy[i]!);
  const next = /[0-8]/.test(c)
    ? String(Number(c) + 1)
    : c === '9'
      ? '0'
      : c === 'f'
        ? 'e'
        : c === 'z'
          ? 'y'
          : String.fromCharCode(c.charCodeAt(0) + 1);
  copy[i] = next.charCodeAt(0);
  return copy;
}

async function expectRefused(o: Offices, file: Buffer, reason: string, what: string) {
  const before = exchangeDump(o.federation);
  const result = await importFile(o.federation, file);
  expect(result.outcome, what).toBe('refused');
  expect(result.reason, what).toBe(reason);
  expect(exchangeDump(o.federation), what).toEqual(before);
  expect(JSON.parse(exchangeEvents(o.federation).at(-1)!).params.reason, what).toBe(reason);
}

describe('tampered batches at the federation', () => {
  it('refuses each altered header field, signature, payload range and cut, with nothing written', async () => {
    const o = await offices();
    expect((await importFile(o.federation, readFileSync((await centreBatch(o, entries(o, 1))).path))).outcome).toBe('applied');
    const batch = readFileSync((await centreBatch(o, entries(o, 10))).path);
    const line2 = batch.indexOf(0x0a) + 1;
    const line3 = batch.indexOf(0x0a, line2) + 1;
    const payload = batch.indexOf(0x0a, line3) + 1;

    const headerCases: [string, number, string][] = [
      ['createdAt', at(batch, '"createdAt":"', 3), 'bad-signature'],
      ['format', at(batch, '"format":"bangfu-'), 'bad-header'],
      ['payload.bytes', at(batch, '"bytes":'), 'bad-signature'],
      ['payload.sha256', at(batch, '"sha256":"', 5), 'bad-signature'],
      ['recipient.code', at(batch, '"recipient":{"code":"', 3), 'bad-signature'],
      ['recipient.key', at(batch, '"recipient":{"code":"', 40), 'bad-signature'],
      ['sender.code', at(batch, '"sender":{"code":"', 3), 'unknown-sender'],
      ['sender.key', at(batch, '"sender":{"code":"', 40), 'unknown-sender'],
      ['sequence', at(batch, '"sequence":'), 'bad-signature'],
      ['version', at(batch, '"version":'), 'bad-header'],
      ['magic version', 'BANGFU-BATCH '.length, 'newer-version'],
      ['magic word', 2, 'not-a-batch'],
      ['signature', line3 + 10, 'bad-signature'],
    ];
    for (const [what, i, reason] of headerCases) await expectRefused(o, alter(batch, i), reason, what);

    const size = batch.length - payload;
    for (const fraction of [0, 0.001, 0.25, 0.5, 0.75, 0.999]) {
      const i = payload + Math.min(size - 1, Math.floor(size * fraction));
      await expectRefused(o, withBitsFlipped(batch, i, 0x80), 'payload-hash', `payload byte at ${fraction}`);
    }
    for (const [what, end, reason] of [
      ['cut in line 1', 5, 'truncated'],
      ['cut in the header', line2 + 20, 'truncated'],
      ['cut in the signature', line3 + 40, 'truncated'],
      ['cut in the payload', payload + Math.floor(size / 2), 'truncated'],
      ['cut by one byte', batch.length - 1, 'truncated'],
    ] as const) {
      await expectRefused(o, batch.subarray(0, end), reason, what);
    }
    await expectRefused(o, Buffer.concat([batch, Buffer.from([0])]), 'payload-length', 'a byte added');
    // An empty file is a batch cut before its first byte (the format reader's word for it).
    await expectRefused(o, Buffer.alloc(0), 'truncated', 'an empty file');

    // The untouched batch still goes in: nothing above was taken for it.
    expect((await importFile(o.federation, batch)).outcome).toBe('applied');
  });

  it('refuses payloads swapped between batches, reordered batches and replays nothing', async () => {
    const o = await offices();
    // The same records encrypted twice: the same length, other bytes (age's file key is random).
    const a = readFileSync((await centreBatch(o, entries(o, 1), { sequence: 1 })).path);
    const b = readFileSync((await centreBatch(o, entries(o, 1), { sequence: 1 })).path);
    const split = (bytes: Buffer) => {
      const end = bytes.indexOf(0x0a, bytes.indexOf(0x0a, bytes.indexOf(0x0a) + 1) + 1) + 1;
      return [bytes.subarray(0, end), bytes.subarray(end)] as const;
    };
    expect(split(a)[1].length).toBe(split(b)[1].length);
    await expectRefused(o, Buffer.concat([split(a)[0], split(b)[1]]), 'payload-hash', 'payload swapped');

    const two = readFileSync((await centreBatch(o, entries(o, 5), { sequence: 2 })).path);
    await expectRefused(o, two, 'sequence-gap', 'batch 2 before batch 1');
    expect((await importFile(o.federation, a)).outcome).toBe('applied');
    expect((await importFile(o.federation, two)).outcome).toBe('applied');
    const dump = exchangeDump(o.federation);
    for (const replay of [a, two, a]) {
      expect((await importFile(o.federation, replay)).outcome).toBe('repeat');
      expect(exchangeDump(o.federation)).toEqual(dump);
    }
    // b is batch 1 as another file: not applied, an alarm.
    expect((await importFile(o.federation, b)).outcome).toBe('alarm');
    expect(exchangeDump(o.federation).records).toEqual(dump.records);
  });

  it('refuses a batch for another federation, from an unknown sender, or signed by a withdrawn or replaced key', async () => {
    const o = await offices();
    const other = await startOffice(FEDERATION_2);
    await expectRefused(
      o,
      readFileSync((await centreBatch(o, entries(o, 1), { sequence: 1, recipient: other })).path),
      'wrong-recipient',
      'another federation',
    );

    const stranger = generateKeyPairSync('ed25519').privateKey;
    await expectRefused(
      o,
      readFileSync((await centreBatch(o, entries(o, 1), { sequence: 1, signingKey: stranger })).path),
      'unknown-sender',
      'unknown key',
    );

    // The centre replaces its keys; the federation confirms the new card: the old key is now replaced.
    const oldKey = o.signingKey;
    await o.centre.call('org.replaceKeys', { confirm: true });
    const { peer } = await importCard(o.federation, await cardText(o.centre));
    await o.federation.call('exchange.confirmPeer', { id: peer.id, fingerprintChecked: true });
    await expectRefused(
      o,
      readFileSync((await centreBatch(o, entries(o, 1), { sequence: 1, signingKey: oldKey })).path),
      'revoked-sender',
      'replaced key',
    );
    const fresh = readFileSync((await centreBatch(o, entries(o, 1), { sequence: 1, signingKey: signingKeyOf(sqliteOf(o.centre)) })).path);
    expect((await importFile(o.federation, fresh)).outcome).toBe('applied');

    await o.federation.call('exchange.withdrawPeer', { id: peer.id });
    const after = readFileSync((await centreBatch(o, entries(o, 3), { sequence: 2, signingKey: signingKeyOf(sqliteOf(o.centre)) })).path);
    await expectRefused(o, after, 'revoked-sender', 'withdrawn key');
  });
});
