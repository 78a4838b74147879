import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyBatchFile, writeBatch, type BatchHeader, type RefusalReason } from '../../src/main/core/exchange/format';
import { canonicalJson } from '../../src/main/core/exchange/format/canonical-json';
import { withBitsFlipped } from './support/damage';
import { CREATED_AT, makeOrg, sampleEntries, tempFolder, trusting, type TestOrg } from './support/exchange-batch';

/**
 * The tamper matrix at the format level: every way a batch file can be altered, cut, swapped or misdirected is
 * refused by `verifyBatchFile` with the reason that names it (or, past the header, by the streamed read).
 */

let centre: TestOrg;
let other: TestOrg;
let federation: TestOrg;
let stranger: TestOrg;
const folder = tempFolder();
let good: Buffer;
let twin: Buffer;

async function write(path: string, sequence: number): Promise<Buffer> {
  const { manifest, entries } = sampleEntries(300);
  await writeBatch({
    path,
    sender: { code: centre.code, signingKey: centre.privateKey },
    recipient: { code: federation.code, signingKey: federation.publicKey, ageRecipient: federation.ageRecipient },
    sequence,
    createdAt: CREATED_AT,
    manifest,
    entries,
  });
  return readFileSync(path);
}

beforeAll(async () => {
  [centre, other, federation, stranger] = await Promise.all([makeOrg('C001'), makeOrg('C002'), makeOrg('F310'), makeOrg('F999')]);
  good = await write(join(folder.dir, 'good.bfb'), 4);
  twin = await write(join(folder.dir, 'twin.bfb'), 5);
});
afterAll(() => folder.remove());

let n = 0;
async function verdict(bytes: Buffer, check = trusting(federation, [centre, other])): Promise<RefusalReason | 'ok'> {
  const path = join(folder.dir, `t${n++}.bfb`);
  writeFileSync(path, bytes);
  const result = await verifyBatchFile(path, check);
  return result.ok ? 'ok' : result.reason;
}

/** Offsets of the three lines: [end of magic, end of header, end of signature] (each the newline's index). */
function lineEnds(bytes: Buffer): [number, number, number] {
  const a = bytes.indexOf(10);
  const b = bytes.indexOf(10, a + 1);
  return [a, b, bytes.indexOf(10, b + 1)];
}

function headerOf(bytes: Buffer): BatchHeader {
  const [a, b] = lineEnds(bytes);
  return JSON.parse(bytes.subarray(a + 1, b).toString('utf8')) as BatchHeader;
}

/** The same file with line 2 replaced (the signature left as it was). */
function withHeader(bytes: Buffer, header: unknown): Buffer {
  const [a, b] = lineEnds(bytes);
  return Buffer.concat([bytes.subarray(0, a + 1), Buffer.from(canonicalJson(header)), bytes.subarray(b)]);
}

describe('batch tamper matrix', () => {
  it('passes the untouched batch', async () => {
    expect(await verdict(good)).toBe('ok');
  });

  it('refuses each header field changed, with the signature left as it was', async () => {
    const h = headerOf(good);
    const cases: [string, unknown, RefusalReason][] = [
      ['format', { ...h, format: 'bangfu-batch2' }, 'bad-header'],
      ['version', { ...h, version: 2 }, 'bad-header'],
      ['sender.code', { ...h, sender: { ...h.sender, code: 'C009' } }, 'unknown-sender'],
      ['sender.key', { ...h, sender: { ...h.sender, key: 'b'.repeat(64) } }, 'unknown-sender'],
      ['sender (another trusted centre)', { ...h, sender: other.ref }, 'bad-signature'],
      ['recipient.code', { ...h, recipient: { ...h.recipient, code: 'F311' } }, 'bad-signature'],
      ['recipient.key', { ...h, recipient: { ...h.recipient, key: 'c'.repeat(64) } }, 'bad-signature'],
      ['sequence', { ...h, sequence: h.sequence + 1 }, 'bad-signature'],
      ['createdAt', { ...h, createdAt: '2026-03-11T02:00:00.000Z' }, 'bad-signature'],
      ['payload.bytes', { ...h, payload: { ...h.payload, bytes: h.payload.bytes + 1 } }, 'bad-signature'],
      ['payload.sha256', { ...h, payload: { ...h.payload, sha256: 'd'.repeat(64) } }, 'bad-signature'],
      ['an extra field', { ...h, note: 'x' }, 'bad-header'],
      ['sequence 0', { ...h, sequence: 0 }, 'bad-header'],
      ['not an object', [h], 'bad-header'],
    ];
    for (const [field, header, reason] of cases) {
      expect([field, await verdict(withHeader(good, header))]).toEqual([field, reason]);
    }
    // The header as it was, re-serialised: the same bytes, so it still passes (the form is canonical).
    expect(await verdict(withHeader(good, h))).toBe('ok');
  });

  it('refuses a flipped bit in each byte of the signature', async () => {
    const [, b] = lineEnds(good);
    const [, , c] = lineEnds(good);
    const signature = Buffer.from(good.subarray(b + 1, c).toString('latin1'), 'base64');
    for (let i = 0; i < 64; i++) {
      const bad = withBitsFlipped(signature, i, 0x80);
      const bytes = Buffer.concat([good.subarray(0, b + 1), Buffer.from(bad.toString('base64')), good.subarray(c)]);
      expect([i, await verdict(bytes)]).toEqual([i, 'bad-signature']);
    }
    // A signature line that is not 88 base64 characters.
    const short = Buffer.concat([good.subarray(0, b + 1), Buffer.from('AAAA'), good.subarray(c)]);
    expect(await verdict(short)).toBe('bad-signature');
  });

  it('refuses a flipped byte anywhere in the payload: the age header, its MAC, the first, middle and last chunks', async () => {
    const [, , c] = lineEnds(good);
    const start = c + 1;
    const ageHeaderEnd = good.indexOf('\n---', start);
    const points = [start, start + 10, ageHeaderEnd - 1, ageHeaderEnd + 5, ageHeaderEnd + 60, start + 1000];
    points.push(Math.floor((start + good.length) / 2), good.length - 17, good.length - 1);
    for (const at of points) expect([at, await verdict(withBitsFlipped(good, at))]).toEqual([at, 'payload-hash']);
  });

  it('refuses a file cut short at any point', async () => {
    const [a, b, c] = lineEnds(good);
    const points = [0, 1, 7, a - 1, a, a + 1, a + 2, b - 1, b, b + 1, b + 40, c, c + 1, c + 2, c + 100, good.length - 1];
    for (let at = c + 1; at < good.length; at += Math.ceil(good.length / 37)) points.push(at);
    for (const at of points) expect([at, await verdict(good.subarray(0, at))]).toEqual([at, 'truncated']);
  });

  it('refuses bytes added after the payload', async () => {
    expect(await verdict(Buffer.concat([good, Buffer.from('\n')]))).toBe('payload-length');
  });

  it("refuses one batch's header with another's payload, and one's header line with another's signature", async () => {
    const [, , gc] = lineEnds(good);
    const [, tb, tc] = lineEnds(twin);
    expect(good.length - gc).toBe(twin.length - tc); // same records: same sizes, so only the hash tells them apart
    expect(await verdict(Buffer.concat([good.subarray(0, gc + 1), twin.subarray(tc + 1)]))).toBe('payload-hash');
    const [, gb] = lineEnds(good);
    expect(await verdict(Buffer.concat([good.subarray(0, gb + 1), twin.subarray(tb + 1)]))).toBe('bad-signature');
  });

  it('refuses a batch addressed to another federation, and one from a sender not trusted here', async () => {
    expect(await verdict(good, trusting(stranger, [centre]))).toBe('wrong-recipient');
    expect(await verdict(good, trusting(federation, [other]))).toBe('unknown-sender');
    // A lookup that answers with a key other than the fingerprint named is not trusted either.
    expect(await verdict(good, { lookupSender: () => other.publicKey, isRecipient: () => true })).toBe('unknown-sender');
  });

  it('refuses a newer format version and files that are not batches', async () => {
    const [a] = lineEnds(good);
    const v2 = Buffer.concat([Buffer.from('BANGFU-BATCH 2'), good.subarray(a)]);
    expect(await verdict(v2)).toBe('newer-version');
    expect(await verdict(Buffer.concat([Buffer.from('BANGFU-BATCH 12'), good.subarray(a)]))).toBe('newer-version');
    expect(await verdict(Buffer.concat([Buffer.from('BANGFU-RECEIPT 1'), good.subarray(a)]))).toBe('not-a-batch');
    expect(await verdict(Buffer.concat([Buffer.from('BANGFU-BATCH 0'), good.subarray(a)]))).toBe('not-a-batch');
    expect(await verdict(Buffer.from('age-encryption.org/v1\n-> X25519 abc\n'))).toBe('not-a-batch');
    expect(await verdict(Buffer.from('%PDF-1.7\n'))).toBe('not-a-batch');
  });

  it('refuses any byte changed anywhere (fast-check): a payload change is payload-hash, a prefix change one of its reasons', async () => {
    const [, , c] = lineEnds(good);
    const prefixReasons = new Set<string>(['not-a-batch', 'newer-version', 'bad-header', 'unknown-sender', 'bad-signature', 'truncated']);
    await fc.assert(
      fc.asyncProperty(fc.nat({ max: good.length - 1 }), fc.integer({ min: 1, max: 255 }), async (at, mask) => {
        const bytes = Buffer.from(good);
        bytes[at] = bytes[at]! ^ mask;
        const reason = await verdict(bytes);
        if (at > c) return reason === 'payload-hash';
        return prefixReasons.has(reason);
      }),
      { numRuns: 300, seed: 12 },
    );
  });

  it('never passes a file with any one byte of its signed prefix flipped', async () => {
    const [, b] = lineEnds(good);
    const allowed = new Set<RefusalReason>(['not-a-batch', 'newer-version', 'bad-header', 'unknown-sender', 'bad-signature']);
    for (let at = 0; at <= b; at++) {
      const reason = await verdict(withBitsFlipped(good, at));
      expect([at, allowed.has(reason as RefusalReason) || reason]).toEqual([at, true]);
    }
  });
});
