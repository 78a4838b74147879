import { readFile } from 'node:fs/promises';
import { writeFileAtomic } from '../../fs-atomic';
import type { OrgKeyRef } from './batch-header';
import { keyFingerprint, publicOfPrivate, type Ed25519Private, type Ed25519Public } from './keys';
import type { RefusalReason } from './reasons';
import { envelopePrefix, envelopeSigned, parseEnvelope } from './signed-envelope';

/**
 * A `.bfr` receipt: the federation's signed answer to one batch (docs/exchange-format.md). It is cleartext on
 * purpose: it names the batch (sender, sequence, payload hash), counts what was applied by table and lists refused
 * records by table, id and reason code only — ids are random UUIDs that mean nothing outside the two databases, so
 * there is no personal data to hide, and a clerk or auditor can read a receipt with `sed -n 2p`. The layout is the
 * batch's signed prefix with no body: magic line, canonical JSON line, signature line, end of file.
 */
export const RECEIPT_VERSION = 1;
export const RECEIPT_FORMAT = 'bangfu-receipt';

export interface RefusedRecord {
  table: string;
  id: string;
  /** A code (`invalid-id-number`, `unknown-code`, …) the centre's screens translate; never the value itself. */
  reason: string;
}

export interface BatchReceipt {
  format: typeof RECEIPT_FORMAT;
  version: number;
  /** The federation that imported the batch and signs the receipt. */
  sender: OrgKeyRef;
  /** The centre that sent the batch. */
  recipient: OrgKeyRef;
  /** The batch answered: its sequence and its header's payload SHA-256 (what the batch's signature covers). */
  batch: { sequence: number; sha256: string };
  receivedAt: string;
  /** applied: the batch went in (some records may be refused); repeat: it had been applied before; refused: none. */
  outcome: 'applied' | 'repeat' | 'refused';
  /** Why the whole batch was refused (a RefusalReason or an importer's code such as `sequence-gap`). */
  reason?: string;
  applied: Record<string, number>;
  refused: RefusedRecord[];
}

export type ReceiptBody = Omit<BatchReceipt, 'format' | 'version' | 'sender'>;

export function encodeReceipt(body: ReceiptBody, sender: { code: string; signingKey: Ed25519Private }): Buffer {
  const receipt: BatchReceipt = {
    format: RECEIPT_FORMAT,
    version: RECEIPT_VERSION,
    sender: { code: sender.code, key: keyFingerprint(publicOfPrivate(sender.signingKey)) },
    ...body,
  };
  return envelopePrefix('RECEIPT', RECEIPT_VERSION, receipt, sender.signingKey);
}

export interface ReceiptCheck {
  lookupSender: (from: OrgKeyRef) => Ed25519Public | null | Promise<Ed25519Public | null>;
  isRecipient: (to: OrgKeyRef) => boolean | Promise<boolean>;
}

export type ReceiptVerdict = { ok: true; receipt: BatchReceipt } | { ok: false; reason: RefusalReason };

export async function verifyReceipt(bytes: Buffer, check: ReceiptCheck): Promise<ReceiptVerdict> {
  const parsed = parseEnvelope('RECEIPT', RECEIPT_VERSION, bytes, bytes.length);
  if (!parsed.ok) return parsed;
  const { envelope } = parsed;
  const receipt = checkReceipt(envelope.header, envelope.version);
  if (!receipt) return { ok: false, reason: 'bad-header' };
  const key = await check.lookupSender(receipt.sender);
  if (!key || keyFingerprint(key) !== receipt.sender.key) return { ok: false, reason: 'unknown-sender' };
  if (!envelopeSigned(envelope, key)) return { ok: false, reason: 'bad-signature' };
  if (!(await check.isRecipient(receipt.recipient))) return { ok: false, reason: 'wrong-recipient' };
  if (envelope.bodyOffset !== bytes.length) return { ok: false, reason: 'payload-length' };
  return { ok: true, receipt };
}

/** Writes a receipt atomically (temporary file, fsync, rename) and reads it back before saying it is done. */
export async function writeReceipt(path: string, body: ReceiptBody, sender: { code: string; signingKey: Ed25519Private }): Promise<Buffer> {
  const bytes = encodeReceipt(body, sender);
  writeFileAtomic(path, bytes);
  const check = await verifyReceipt(await readFile(path), {
    lookupSender: () => publicOfPrivate(sender.signingKey),
    isRecipient: () => true,
  });
  if (!check.ok) throw new Error(`the receipt written to disk does not read back (${check.reason})`);
  return bytes;
}

const HEX64 = /^[0-9a-f]{64}$/;
const CODE = /^[\x21-\x7e]{1,64}$/;
const REASON = /^[a-z0-9-]{1,64}$/;
const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,3})?Z$/;

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
const isRef = (v: unknown): v is OrgKeyRef =>
  isObject(v) && typeof v.code === 'string' && CODE.test(v.code) && typeof v.key === 'string' && HEX64.test(v.key);
const isCount = (v: unknown): v is number => typeof v === 'number' && Number.isSafeInteger(v) && v >= 0;

function checkReceipt(value: unknown, version: number): BatchReceipt | null {
  if (!isObject(value) || value.format !== RECEIPT_FORMAT || value.version !== version) return null;
  const { sender, recipient, batch, receivedAt, outcome, reason, applied, refused } = value;
  if (!isRef(sender) || !isRef(recipient)) return null;
  if (!isObject(batch) || !isCount(batch.sequence) || typeof batch.sha256 !== 'string' || !HEX64.test(batch.sha256)) return null;
  if (typeof receivedAt !== 'string' || !INSTANT.test(receivedAt)) return null;
  if (outcome !== 'applied' && outcome !== 'repeat' && outcome !== 'refused') return null;
  if (reason !== undefined && (typeof reason !== 'string' || !REASON.test(reason))) return null;
  if (!isObject(applied) || !Object.values(applied).every(isCount)) return null;
  if (!Array.isArray(refused)) return null;
  const refusedOk = refused.every(
    (r) => isObject(r) && typeof r.table === 'string' && typeof r.id === 'string' && typeof r.reason === 'string' && REASON.test(r.reason),
  );
  return refusedOk ? (value as unknown as BatchReceipt) : null;
}
