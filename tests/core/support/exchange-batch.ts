import { generateKeyPairSync, type KeyObject } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generateX25519Identity, identityToRecipient } from 'age-encryption';
import {
  keyFingerprint,
  type BatchCheck,
  type BatchEntry,
  type BatchManifest,
  type BatchRecord,
  type OrgKeyRef,
} from '../../../src/main/core/exchange/format';
import { TEST_CLOCK_START } from '../../support/test-clock';

/** An organisation as the format sees it: an Ed25519 key pair and an age X25519 identity. */
export interface TestOrg {
  code: string;
  privateKey: KeyObject;
  publicKey: KeyObject;
  ageIdentity: string;
  ageRecipient: string;
  ref: OrgKeyRef;
}

export async function makeOrg(code: string): Promise<TestOrg> {
  const { privateKey, publicKey } = generateKeyPairSync('ed25519');
  const ageIdentity = await generateX25519Identity();
  return {
    code,
    privateKey,
    publicKey,
    ageIdentity,
    ageRecipient: await identityToRecipient(ageIdentity),
    ref: { code, key: keyFingerprint(publicKey) },
  };
}

/** What a federation that trusts `senders` and is `me` passes to the reader. */
export function trusting(me: TestOrg, senders: TestOrg[]): BatchCheck {
  return {
    lookupSender: (from) => senders.find((s) => s.code === from.code && s.ref.key === from.key)?.publicKey ?? null,
    isRecipient: (to) => to.code === me.code && to.key === me.ref.key,
  };
}

export const CREATED_AT = TEST_CLOCK_START.toISOString();

/** `n` member-like records (fields with Chinese text, money in fen) and one attachment. */
export function sampleEntries(n: number, origin = 'C001'): { manifest: BatchManifest; entries: BatchEntry[] } {
  const entries: BatchEntry[] = [];
  for (let i = 0; i < n; i++) {
    const record: BatchRecord = {
      table: i % 3 === 0 ? 'hardship_files' : 'members',
      id: `0190c2d4-0000-7000-8000-${String(i).padStart(12, '0')}`,
      origin,
      rev: 1 + (i % 4),
      updated_at: CREATED_AT,
      deleted_at: i % 50 === 7 ? CREATED_AT : null,
      fields: { name: `职工${i}`, note: '换行\n与"引号"', amount_fen: 123_456 + i, unit: 'U-7' },
    };
    entries.push({ kind: 'record', record });
  }
  entries.push({
    kind: 'attachment',
    attachment: {
      id: 'att-1',
      table: 'hardship_files',
      record: 'file-1',
      name: '证明.jpg',
      mime: 'image/jpeg',
      data: new Uint8Array([0, 1, 2, 255, 10, 13]),
    },
  });
  const counts: Record<string, number> = {};
  for (const e of entries) if (e.kind === 'record') counts[e.record.table] = (counts[e.record.table] ?? 0) + 1;
  return { manifest: { snapshot: true, changes: { after: 0, through: n }, counts, attachments: 1 }, entries };
}

export function tempFolder(): { dir: string; remove: () => void } {
  const dir = mkdtempSync(join(tmpdir(), 'bfb-'));
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}
