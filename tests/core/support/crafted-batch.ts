import { createHash } from 'node:crypto';
import { gzipSync } from 'node:zlib';
import { Encrypter } from 'age-encryption';
import { BATCH_FORMAT, BATCH_VERSION, keyFingerprint, type BatchEntry, type BatchHeader } from '../../../src/main/core/exchange/format';
import { envelopePrefix } from '../../../src/main/core/exchange/format/signed-envelope';
import { readExchangeKey } from '../../../src/main/core/keys/org-exchange';
import { readSigningKey } from '../../../src/main/core/keys/org-signing';
import { ORG } from './core';
import { AT, memberRecord, orgRecord, type Offices } from './exchange-import';
import { sqliteOf } from './signing';

/**
 * Batches a centre's exporter would never write (writeBatch refuses them), for the federation's import tests: the
 * payload's plaintext made line by line here, so that it can miscount, break off, lack the org record or skip gzip,
 * then sealed and signed as a real batch so that the importer reads it as far as the payload.
 */

/** NDJSON lines as a payload's plaintext. */
export const ndjson = (lines: unknown[]) => Buffer.from(lines.map((l) => JSON.stringify(l) + '\n').join(''), 'utf8');

/** A snapshot's manifest line claiming `counts`, whatever the lines after it hold. */
export function snapshotManifestLine(counts: Record<string, number>) {
  return { kind: 'manifest', snapshot: true, changes: { after: 0, through: 9 }, counts, attachments: 0 };
}

/** A record entry as its payload line (the record's fields beside `kind`). Crafted payloads carry records only. */
export function recordLine(entry: BatchEntry) {
  if (entry.kind !== 'record') throw new Error('a crafted payload carries records only');
  return { kind: 'record', ...entry.record };
}

/** A snapshot's plaintext: a manifest claiming `counts`, then `entries` in their order. */
export function snapshotPayload(entries: BatchEntry[], counts: Record<string, number>): Buffer {
  return ndjson([snapshotManifestLine(counts), ...entries.map(recordLine)]);
}

/**
 * A snapshot's plaintext of the centre's org record (unless `org: false`) and its members 1..`members`, the manifest
 * counting `counted` members (as many as it holds unless told).
 */
export function membersPayload(origin: string, members: number, options: { counted?: number; org?: boolean } = {}): Buffer {
  const withOrg = options.org !== false;
  const counted = options.counted ?? members;
  const entries = Array.from({ length: members }, (_, i) => memberRecord(origin, i + 1));
  return withOrg
    ? snapshotPayload([orgRecord(origin), ...entries], { org: 1, members: counted })
    : snapshotPayload(entries, { members: counted });
}

/** The payload with a line that is not JSON after its good lines: found bad only once those are read. */
export const withBrokenLine = (payload: Buffer) => Buffer.concat([payload, Buffer.from('{不是JSON\n')]);

/**
 * A batch whose payload is `plaintext` gzip'd (as it is with `gzip: false`) and encrypted to `ageRecipient` (the federation's
 * by default), with a header the centre signs: what a broken exporter (or a stolen key) could make, which writeBatch
 * refuses to write.
 */
export async function craftedBatch(
  o: Offices,
  plaintext: Buffer,
  options: { sequence?: number; ageRecipient?: string; gzip?: boolean } = {},
): Promise<Buffer> {
  const to = sqliteOf(o.federation);
  const body = options.gzip === false ? plaintext : gzipSync(plaintext);
  const encrypter = new Encrypter();
  encrypter.addRecipient(options.ageRecipient ?? readExchangeKey(to)!.recipient);
  const payload = Buffer.from(await encrypter.encrypt(body));
  const header: BatchHeader = {
    format: BATCH_FORMAT,
    version: BATCH_VERSION,
    sender: { code: ORG.creditCode, key: keyFingerprint(o.signingKey) },
    recipient: {
      code: to.prepare('SELECT credit_code FROM org WHERE deleted_at IS NULL').pluck().get() as string,
      key: keyFingerprint(readSigningKey(to)!.publicKey),
    },
    sequence: options.sequence ?? 1,
    createdAt: AT,
    payload: { bytes: payload.length, sha256: createHash('sha256').update(payload).digest('hex') },
  };
  return Buffer.concat([envelopePrefix('BATCH', BATCH_VERSION, header, o.signingKey), payload]);
}
