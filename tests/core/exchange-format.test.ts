import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  readBatchEntries,
  verifyBatchFile,
  verifyReceipt,
  writeBatch,
  writeReceipt,
  type BatchEntry,
} from '../../src/main/core/exchange/format';
import { CREATED_AT, makeOrg, sampleEntries, tempFolder, trusting, type TestOrg } from './support/exchange-batch';

let centre: TestOrg;
let federation: TestOrg;
const folder = tempFolder();
beforeAll(async () => {
  centre = await makeOrg('C001');
  federation = await makeOrg('F310');
});
afterAll(() => folder.remove());

async function write(path: string, n = 40, extra: Partial<Parameters<typeof writeBatch>[0]> = {}) {
  const { manifest, entries } = sampleEntries(n);
  const written = await writeBatch({
    path,
    sender: { code: centre.code, signingKey: centre.privateKey },
    recipient: { code: federation.code, signingKey: federation.publicKey, ageRecipient: federation.ageRecipient },
    sequence: 3,
    createdAt: CREATED_AT,
    manifest,
    entries,
    ...extra,
  });
  return { written, manifest, entries };
}

async function readAll(path: string): Promise<{ entries: BatchEntry[]; manifest: unknown }> {
  const verdict = await verifyBatchFile(path, trusting(federation, [centre]));
  if (!verdict.ok) throw new Error(verdict.reason);
  const opened = await readBatchEntries(path, verdict, { ageIdentity: federation.ageIdentity });
  const entries: BatchEntry[] = [];
  for await (const entry of opened.entries) entries.push(entry);
  return { entries, manifest: opened.manifest };
}

describe('batch file round trip', () => {
  it('reads back the manifest, every record and the attachment as written, and leaves no temporary file', async () => {
    const path = join(folder.dir, 'round.bfb');
    const { written, manifest, entries } = await write(path);
    expect(written.header).toMatchObject({ sequence: 3, createdAt: CREATED_AT, sender: centre.ref, recipient: federation.ref });
    expect(readFileSync(path).length).toBe(written.bytes);
    expect(readdirSync(folder.dir).filter((f) => f.includes('tmp'))).toEqual([]);

    const read = await readAll(path);
    expect(read.manifest).toEqual(manifest);
    expect(read.entries.length).toBe(entries.length);
    const attachment = read.entries.find((e) => e.kind === 'attachment');
    expect(attachment?.kind === 'attachment' && Buffer.from(attachment.attachment.data)).toEqual(Buffer.from([0, 1, 2, 255, 10, 13]));
    const records = read.entries.filter((e) => e.kind === 'record');
    expect(records).toEqual(entries.filter((e) => e.kind === 'record'));
  });

  it('writes an empty batch (no records, no attachments) that reads back', async () => {
    const path = join(folder.dir, 'empty.bfb');
    await writeBatch({
      path,
      sender: { code: centre.code, signingKey: centre.privateKey },
      recipient: { code: federation.code, signingKey: federation.publicKey, ageRecipient: federation.ageRecipient },
      sequence: 1,
      createdAt: CREATED_AT,
      manifest: { snapshot: false, changes: { after: 9, through: 9 }, counts: {}, attachments: 0 },
      entries: [],
    });
    const read = await readAll(path);
    expect(read.entries).toEqual([]);
  });

  it('refuses to write entries that the manifest does not count, leaving nothing behind', async () => {
    const path = join(folder.dir, 'miscount.bfb');
    const { entries } = sampleEntries(5);
    await expect(
      writeBatch({
        path,
        sender: { code: centre.code, signingKey: centre.privateKey },
        recipient: { code: federation.code, signingKey: federation.publicKey, ageRecipient: federation.ageRecipient },
        sequence: 1,
        createdAt: CREATED_AT,
        manifest: { snapshot: true, changes: { after: 0, through: 5 }, counts: { members: 5 }, attachments: 1 },
        entries,
      }),
    ).rejects.toThrow(/manifest counts/);
    expect(readdirSync(folder.dir).filter((f) => f.startsWith('miscount'))).toEqual([]);
  });

  it('stops when cancelled and leaves no file', async () => {
    const path = join(folder.dir, 'cancel.bfb');
    const controller = new AbortController();
    const { manifest, entries } = sampleEntries(5000);
    const slow = (async function* () {
      for (const [i, e] of entries.entries()) {
        if (i === 2000) controller.abort();
        yield e;
      }
    })();
    await expect(write(path, 5000, { manifest, entries: slow, signal: controller.signal })).rejects.toThrow();
    expect(readdirSync(folder.dir).filter((f) => f.startsWith('cancel'))).toEqual([]);
  });
});

describe('receipt file', () => {
  const body = {
    recipient: { code: 'C001', key: '' },
    batch: { sequence: 3, sha256: 'a'.repeat(64) },
    receivedAt: CREATED_AT,
    outcome: 'applied' as const,
    applied: { members: 26, hardship_files: 13 },
    refused: [{ table: 'hardship_files', id: '0190c2d4-0000-7000-8000-000000000003', reason: 'invalid-id-number' }],
  };

  it('is signed by the federation, read back by the centre, and refused when altered or from another key', async () => {
    const path = join(folder.dir, 'r.bfr');
    const bytes = await writeReceipt(
      path,
      { ...body, recipient: centre.ref },
      { code: federation.code, signingKey: federation.privateKey },
    );
    expect(readFileSync(path)).toEqual(bytes);
    const check = trusting(centre, [federation]);
    const ok = await verifyReceipt(bytes, check);
    expect(ok.ok && ok.receipt).toMatchObject({ outcome: 'applied', applied: body.applied, refused: body.refused });

    const altered = Buffer.from(bytes.toString('utf8').replace('"members":26', '"members":27'), 'utf8');
    expect(await verifyReceipt(altered, check)).toEqual({ ok: false, reason: 'bad-signature' });
    expect(await verifyReceipt(Buffer.concat([bytes, Buffer.from('x')]), check)).toEqual({ ok: false, reason: 'payload-length' });
    expect(await verifyReceipt(bytes.subarray(0, bytes.length - 10), check)).toEqual({ ok: false, reason: 'truncated' });
    expect(await verifyReceipt(bytes, trusting(centre, []))).toEqual({ ok: false, reason: 'unknown-sender' });
    expect(await verifyReceipt(bytes, trusting(federation, [federation]))).toEqual({ ok: false, reason: 'wrong-recipient' });
    const asBatch = await makeOrg('X');
    expect(await verifyReceipt(Buffer.from('BANGFU-BATCH 1\n{}\n'), trusting(asBatch, []))).toEqual({ ok: false, reason: 'not-a-batch' });
  });
});
