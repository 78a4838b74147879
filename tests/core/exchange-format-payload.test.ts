import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { Encrypter } from 'age-encryption';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  BatchFormatError,
  readBatchEntries,
  verifyBatchFile,
  type BatchHeader,
  type RefusalReason,
} from '../../src/main/core/exchange/format';
import { entryLine, parseEntry } from '../../src/main/core/exchange/format/payload';
import { envelopePrefix } from '../../src/main/core/exchange/format/signed-envelope';
import { CREATED_AT, makeOrg, tempFolder, trusting, type TestOrg } from './support/exchange-batch';

/**
 * What lies inside a batch whose header is signed and whose payload hash matches: the streamed read refuses a
 * payload it cannot decrypt, that is not gzip'd NDJSON of the format's shape, that the manifest does not count, or
 * that was swapped after the header was checked.
 */

let centre: TestOrg;
let federation: TestOrg;
let stranger: TestOrg;
const folder = tempFolder();
let n = 0;
beforeAll(async () => {
  [centre, federation, stranger] = await Promise.all([makeOrg('C001'), makeOrg('F310'), makeOrg('F999')]);
});
afterAll(() => folder.remove());

/** A batch with a valid signed header around any plaintext, to refuse what lies inside the encryption. */
async function craft(plaintext: Buffer, ageRecipient = federation.ageRecipient): Promise<string> {
  const encrypter = new Encrypter();
  encrypter.addRecipient(ageRecipient);
  const payload = Buffer.from(await encrypter.encrypt(plaintext));
  const header: BatchHeader = {
    format: 'bangfu-batch',
    version: 1,
    sender: centre.ref,
    recipient: federation.ref,
    sequence: 1,
    createdAt: CREATED_AT,
    payload: { bytes: payload.length, sha256: createHash('sha256').update(payload).digest('hex') },
  };
  const path = join(folder.dir, `craft${n++}.bfb`);
  writeFileSync(path, Buffer.concat([envelopePrefix('BATCH', 1, header, centre.privateKey), payload]));
  return path;
}

async function readReason(path: string, ageIdentity = federation.ageIdentity): Promise<RefusalReason | 'ok'> {
  const result = await verifyBatchFile(path, trusting(federation, [centre]));
  if (!result.ok) return result.reason;
  try {
    const opened = await readBatchEntries(path, result, { ageIdentity });
    for await (const entry of opened.entries) void entry;
    return 'ok';
  } catch (error) {
    if (error instanceof BatchFormatError) return error.reason;
    throw error;
  }
}

const manifest = JSON.stringify({
  kind: 'manifest',
  snapshot: true,
  changes: { after: 0, through: 1 },
  counts: { members: 1 },
  attachments: 0,
});
const record = JSON.stringify({
  kind: 'record',
  table: 'members',
  id: 'm1',
  origin: 'C001',
  rev: 1,
  updated_at: CREATED_AT,
  deleted_at: null,
  fields: {},
});

describe('what lies inside a signed batch', () => {
  it('reads a well-formed crafted payload (the control case)', async () => {
    expect(await readReason(await craft(gzipSync(`${manifest}\n${record}\n`)))).toBe('ok');
  });

  it('refuses a payload encrypted to another identity', async () => {
    expect(await readReason(await craft(gzipSync(`${manifest}\n`), stranger.ageRecipient))).toBe('cannot-decrypt');
  });

  it('refuses a payload that is not gzip, not JSON lines, or of the wrong shape', async () => {
    const cases = [
      Buffer.from(`${manifest}\n${record}\n`),
      gzipSync(`${manifest}\n${record}`),
      gzipSync(`${record}\n${manifest}\n`),
      gzipSync(`${manifest}\n{"kind":"record"}\n`),
      gzipSync(`${manifest}\nnot json\n`),
      gzipSync(''),
      gzipSync(`${manifest}\n${record}\n`).subarray(0, 30),
      gzipSync(
        `${manifest}\n{"kind":"attachment","id":"a","table":"t","record":"r","name":"","mime":"","bytes":1,"sha256":"${'0'.repeat(64)}","data":"AA=="}\n`,
      ),
    ];
    for (const [i, plaintext] of cases.entries()) expect([i, await readReason(await craft(plaintext))]).toEqual([i, 'bad-payload']);
  });

  it('refuses records the manifest does not count', async () => {
    expect(await readReason(await craft(gzipSync(`${manifest}\n${record}\n${record}\n`)))).toBe('manifest-mismatch');
    expect(await readReason(await craft(gzipSync(`${manifest}\n`)))).toBe('manifest-mismatch');
  });

  it('refuses a payload swapped after the header was checked (age does not authenticate the sender)', async () => {
    const plaintext = (p: string) => gzipSync(`${manifest}\n${record.replace('"fields":{}', `"fields":{"p":"${p}"}`)}\n`, { level: 0 });
    const path = await craft(plaintext('aaaa'));
    const result = await verifyBatchFile(path, trusting(federation, [centre]));
    if (!result.ok) throw new Error(result.reason);
    // Someone with only the federation's public key puts another payload of the same length in its place.
    const encrypter = new Encrypter();
    encrypter.addRecipient(federation.ageRecipient);
    const forged = Buffer.from(await encrypter.encrypt(plaintext('bbbb')));
    const bytes = readFileSync(path);
    expect(forged.length).toBe(bytes.length - result.payloadOffset);
    writeFileSync(path, Buffer.concat([bytes.subarray(0, result.payloadOffset), forged]));
    const opened = await readBatchEntries(path, result, { ageIdentity: federation.ageIdentity });
    await expect(
      (async () => {
        for await (const entry of opened.entries) void entry;
      })(),
    ).rejects.toMatchObject({ reason: 'payload-hash' });
  });
});

describe("a record line's fields as read", () => {
  const record = {
    table: 'members',
    id: '0193f000-0000-7000-8000-000000000001',
    origin: '0193f000-0000-7000-8000-0000000000aa',
    rev: 2,
    updated_at: '2026-03-01T08:00:00.000Z',
    deleted_at: null,
    fields: { name: '张三', note: 'a ,"fields":{"x":1} inside a string', household: [{ fields: 1 }] },
  };

  it("hands over the line's own text of fields when the line is as the writer writes it", () => {
    const line = entryLine({ kind: 'record', record }).slice(0, -1);
    const entry = parseEntry(line);
    expect(entry).toEqual({ kind: 'record', record });
    expect(entry.kind === 'record' && entry.record.fieldsJson).toBe(JSON.stringify(record.fields));
  });

  it('reads a line in another key order, or with space, whole and the same, without the text', () => {
    const { fields, ...rest } = record;
    for (const line of [
      JSON.stringify({ fields, kind: 'record', ...rest }),
      JSON.stringify({ kind: 'record', ...rest, fields }, null, 1),
    ]) {
      const entry = parseEntry(line.replace(/\n/g, ''));
      expect(entry).toEqual({ kind: 'record', record });
      expect(entry.kind === 'record' && entry.record.fieldsJson).toBeUndefined();
    }
  });

  it('never takes a nested "fields" key, nor one followed by more keys, for the outer one', () => {
    const { fields, ...rest } = record;
    const nested = `{"kind":"record","table":"members","extra":{"a":1,"fields":{}},${JSON.stringify(rest).slice(1, -1)},"fields":${JSON.stringify(fields)}}`;
    const after = `{"kind":"record",${JSON.stringify(rest).slice(1, -1)},"fields":${JSON.stringify(fields)},"more":1}`;
    for (const line of [nested, after]) {
      const entry = parseEntry(line);
      expect(entry.kind === 'record' && entry.record.fields).toEqual(fields);
      expect(entry.kind === 'record' && entry.record.fieldsJson).toBeUndefined();
    }
  });
});
