import { createPrivateKey, type KeyObject } from 'node:crypto';
import { join } from 'node:path';
import type { BatchImportResult } from '@shared/contract/exchange-import';
import { idCheckChar } from '@shared/domain/id-number';
import {
  writeBatch,
  type BatchEntry,
  type BatchManifest,
  type BatchRecord,
  type BatchWritten,
} from '../../../src/main/core/exchange/format';
import type { Sqlite } from '../../../src/main/core/db/client';
import { readExchangeKey } from '../../../src/main/core/keys/org-exchange';
import { readSigningKey } from '../../../src/main/core/keys/org-signing';
import { TEST_CLOCK_START } from '../../support/test-clock';
import { ORG, inboxUpload, tempDir, type TestCore } from './core';
import { FEDERATION, cardText, importCard, startOffice } from './exchange';
import { sqliteOf } from './signing';

/**
 * Batches as a centre would write them (docs/exchange-format.md "Records by table"), built by hand with the format
 * library's writeBatch, for the federation's import tests: a federation and a centre as real offices (their keys made
 * at setup), the centre's card trusted by the federation. What writeBatch refuses to write is crafted in crafted-batch.ts.
 */
export const idOf = (first17: string) => first17 + idCheckChar(first17);
export const AT = TEST_CLOCK_START.toISOString();
/** Kinds of record told apart in the id's hex: member, file, household, program, payment, attachment. */
const KINDS: Record<string, string> = { a: '0000', m: '0a00', f: '0f00', h1: '0b01', h2: '0b02', p: '0c00', y: '0d00', at: '0e00' };
export const uuidOf = (n: number, kind = 'a') => `0193b000-0000-7000-8000-${KINDS[kind]}${String(n).padStart(8, '0')}`;

export interface Offices {
  federation: TestCore;
  centre: TestCore;
  /** The centre's org id: the origin of its records. */
  origin: string;
  dir: string;
  signingKey: KeyObject;
  seq: number;
}

export async function offices(options: { trust?: boolean } = {}): Promise<Offices> {
  const federation = await startOffice(FEDERATION);
  const centre = await startOffice();
  const { peer } = await importCard(federation, await cardText(centre));
  if (options.trust !== false) await federation.call('exchange.confirmPeer', { id: peer.id, fingerprintChecked: true });
  return { federation, centre, origin: orgId(sqliteOf(centre)), dir: tempDir(), signingKey: signingKeyOf(sqliteOf(centre)), seq: 0 };
}

export function orgId(sqlite: Sqlite): string {
  return sqlite.prepare('SELECT id FROM org WHERE deleted_at IS NULL').pluck().get() as string;
}

export function signingKeyOf(sqlite: Sqlite): KeyObject {
  const key = sqlite
    .prepare("SELECT private_key FROM org_keys WHERE purpose = 'signing' AND retired_at IS NULL ORDER BY created_at DESC")
    .pluck()
    .get() as Buffer;
  return createPrivateKey({ key, format: 'der', type: 'pkcs8' });
}

const record = (origin: string, table: string, id: string, rev: number, fields: Record<string, unknown>, deleted = false): BatchEntry => ({
  kind: 'record',
  record: { table, id, origin, rev, updated_at: AT, deleted_at: deleted ? AT : null, fields } satisfies BatchRecord,
});

export function orgRecord(origin: string, rev = 1): BatchEntry {
  return record(origin, 'org', origin, rev, { name: ORG.name, credit_code: ORG.creditCode, region_code: ORG.regionCode, mode: 'centre' });
}

export function memberRecord(origin: string, n: number, rev = 1, over: Record<string, unknown> = {}): BatchEntry {
  return record(origin, 'members', uuidOf(n, 'm'), rev, {
    name: `会员${n}`,
    id_number: idOf(`11010519800101${String(n % 1000).padStart(3, '0')}`),
    phone: null,
    ethnicity: '01',
    unit_id: null,
    union_id: null,
    joined_on: '2010-05-01',
    card_no: null,
    status: 'active',
    status_on: null,
    status_reason: null,
    note: null,
    ...over,
  });
}

export function fileRecord(origin: string, n: number, rev = 1, over: Record<string, unknown> = {}, deleted = false): BatchEntry {
  const head = idOf(`11010519750101${String(n).padStart(3, '0')}`);
  const child = idOf(`11010520100101${String(n).padStart(3, '0')}`);
  return record(
    origin,
    'hardship_files',
    uuidOf(n, 'f'),
    rev,
    {
      file_no: `1101052026${String(n).padStart(5, '0')}`,
      status: 'active',
      member_id: null,
      head_name: `户主${n}`,
      head_id_number: head,
      worker_type: 'urban',
      entry_kind: 'new',
      category: 'deep',
      draft: '{}',
      entered_by: 'u1',
      approved_on: '2026-01-10',
      household: [
        { id: uuidOf(n, 'h1'), position: 0, relation: 'self', name: `户主${n}`, id_number: head, details: '{}', deleted_at: null },
        { id: uuidOf(n, 'h2'), position: 1, relation: 'child', name: `子女${n}`, id_number: child, details: '{}', deleted_at: null },
      ],
      visits: [],
      objections: [],
      events: [],
      attachments: [],
      ...over,
    },
    deleted,
  );
}

export const PROGRAM_ID = uuidOf(1, 'p');

export function programRecord(origin: string, rev = 1): BatchEntry {
  return record(origin, 'aid_programs', PROGRAM_ID, rev, {
    type: 'festival',
    name: '2026年送温暖',
    year: 2026,
    fund_source: 'union',
    budget_fen: 1_000_000,
    status: 'open',
    standard: '{"kind":"fixed","amountFen":50000}',
    note: null,
    created_by: 'u1',
    created_at: AT,
  });
}

export function paymentRecord(origin: string, n: number, rev = 1, over: Record<string, unknown> = {}): BatchEntry {
  return record(origin, 'aid_payments', uuidOf(n, 'y'), rev, {
    program_id: PROGRAM_ID,
    batch_id: null,
    file_id: uuidOf(n, 'f'),
    year: 2026,
    type: 'festival',
    recipient_name: `户主${n}`,
    recipient_id_number: idOf(`11010519750101${String(n).padStart(3, '0')}`),
    amount_fen: 50_000,
    suggested_fen: 50_000,
    basis: '{}',
    method: 'cash',
    status: 'approved',
    entered_by: 'u1',
    entered_at: AT,
    ...over,
  });
}

export function attachmentEntry(n: number, fileN: number): BatchEntry {
  return {
    kind: 'attachment',
    attachment: {
      id: uuidOf(n, 'at'),
      table: 'hardship_files',
      record: uuidOf(fileN, 'f'),
      name: '证明.jpg',
      mime: 'image/jpeg',
      data: new Uint8Array([0xff, 0xd8, n & 0xff, 10, 13, 0]),
    },
  };
}

/**
 * A centre's snapshot with every kind of entry, in this order: the org record, members 1..`members`, files 1..`files`
 * (each with a household of two), the program, payments 1..`payments` (payment n to file n's head), and attachments
 * 1..`attachments` on file 1.
 */
export function everyKindEntries(
  origin: string,
  n: { members: number; files: number; payments: number; attachments: number },
): BatchEntry[] {
  const upTo = (count: number) => Array.from({ length: count }, (_, i) => i + 1);
  return [
    orgRecord(origin),
    ...upTo(n.members).map((i) => memberRecord(origin, i)),
    ...upTo(n.files).map((i) => fileRecord(origin, i)),
    programRecord(origin),
    ...upTo(n.payments).map((i) => paymentRecord(origin, i)),
    ...upTo(n.attachments).map((i) => attachmentEntry(i, 1)),
  ];
}

export function manifestOf(entries: BatchEntry[], snapshot: boolean, changes = { after: 0, through: entries.length }): BatchManifest {
  const counts: Record<string, number> = {};
  let attachments = 0;
  for (const e of entries) {
    if (e.kind === 'record') counts[e.record.table] = (counts[e.record.table] ?? 0) + 1;
    else attachments++;
  }
  return { snapshot, changes, counts, attachments };
}

/** A batch from the centre (its signing key) to the federation (its age recipient), written to a file. */
export async function centreBatch(
  o: Offices,
  entries: BatchEntry[],
  options: { sequence?: number; name?: string; recipient?: TestCore; signingKey?: KeyObject; createdAt?: string } = {},
): Promise<{ path: string } & BatchWritten> {
  const sequence = options.sequence ?? ++o.seq;
  const to = sqliteOf(options.recipient ?? o.federation);
  const path = join(o.dir, options.name ?? `batch-${sequence}-${Math.random().toString(36).slice(2, 8)}.bfb`);
  const recipientCode = to.prepare('SELECT credit_code FROM org WHERE deleted_at IS NULL').pluck().get() as string;
  const written = await writeBatch({
    path,
    sender: { code: ORG.creditCode, signingKey: options.signingKey ?? o.signingKey },
    recipient: { code: recipientCode, signingKey: readSigningKey(to)!.publicKey, ageRecipient: readExchangeKey(to)!.recipient },
    sequence,
    createdAt: options.createdAt ?? AT,
    manifest: manifestOf(entries, sequence === 1),
    entries,
  });
  return { path, ...written };
}

export async function importFile(t: TestCore, bytes: Buffer, fileName = 'batch.bfb'): Promise<BatchImportResult> {
  const { result } = await t.job('exchangeImport.importBatch', inboxUpload(t, fileName, bytes));
  if (!result.ok) throw new Error(`import failed: ${JSON.stringify(result.error)}`);
  return result.data;
}

/** The exchange tables as rows, without the instants and users of the import (what the property compares). */
export function exchangeDump(t: TestCore): Record<'received' | 'alarms' | 'records' | 'attachments' | 'people', unknown[]> {
  const s = sqliteOf(t);
  const all = (sql: string) => s.prepare(sql).all();
  return {
    received: all(
      'SELECT centre_code, sequence, peer_id, sha256, bytes, created_at, snapshot, change_after, change_through, applied, refused FROM exchange_received ORDER BY 1, 2',
    ),
    alarms: all('SELECT centre_code, sequence, kind, held_sha256, offered_sha256, settled_note FROM exchange_alarms ORDER BY 1, 2, 4, 5'),
    records: all('SELECT * FROM exchange_records ORDER BY origin, table_name, id'),
    attachments: all(
      'SELECT id, centre_code, record_table, record_id, name, mime, bytes, sha256, hex(content) FROM exchange_attachments ORDER BY id',
    ),
    people: all('SELECT * FROM exchange_people ORDER BY record_table, record_id, role, id_number'),
  };
}

export function exchangeEvents(t: TestCore): string[] {
  return sqliteOf(t)
    .prepare("SELECT summary FROM audit_log WHERE json_extract(summary, '$.event') LIKE 'exchangeImport.%' ORDER BY seq")
    .pluck()
    .all() as string[];
}
