import { createHash } from 'node:crypto';
import { HEX64, INSTANT, isCount, isKeyRef, isObject, type OrgKeyRef } from './batch-header';
import { keyFingerprint, type Ed25519Public } from './keys';
import type { RefusalReason } from './reasons';
import { envelopePrefixSignedBy, envelopeSigned, parseEnvelope } from './signed-envelope';

/**
 * A `.bfp` policy file (docs/exchange-format.md "The policy file"): the federation's policy values and aid programs,
 * signed for its centres. The batch's signed prefix (magic, canonical JSON header, signature) and then a cleartext
 * payload: one line of UTF-8 JSON that the header names by length and SHA-256, so the one signature covers it.
 * Not encrypted on purpose: it is public policy, the same for every centre, and a clerk can read it with `sed`.
 */
export const POLICY_FILE_VERSION = 1;
export const POLICY_FILE_FORMAT = 'bangfu-policy';

export interface PolicyFileHeader {
  format: typeof POLICY_FILE_FORMAT;
  version: number;
  /** The federation that issued and signed the file. */
  sender: OrgKeyRef;
  /** 1 for the federation's first policy file, then one more for each. */
  issue: number;
  createdAt: string;
  payload: { bytes: number; sha256: string };
}

/** The payload as the writer gives it; its shape inside is checked by the importer (features/policy-file). */
export interface PolicyFileContent {
  values: unknown[];
  programs: unknown[];
}

export function encodePolicyFile(
  fields: { sender: OrgKeyRef; issue: number; createdAt: string },
  content: PolicyFileContent,
  sign: (signed: Buffer) => Buffer,
): Buffer {
  const payload = Buffer.from(JSON.stringify(content) + '\n', 'utf8');
  const header: PolicyFileHeader = {
    format: POLICY_FILE_FORMAT,
    version: POLICY_FILE_VERSION,
    ...fields,
    payload: { bytes: payload.length, sha256: createHash('sha256').update(payload).digest('hex') },
  };
  return Buffer.concat([envelopePrefixSignedBy('POLICY', POLICY_FILE_VERSION, header, sign), payload]);
}

export type PolicyFileVerdict = { ok: true; header: PolicyFileHeader; content: PolicyFileContent } | { ok: false; reason: RefusalReason };

/**
 * Checks a whole policy file in the batch's order (docs/exchange-format.md "What a reader checks"): shape, a trusted
 * sender, the signature, then the payload's length and hash, then that it is JSON of two lists.
 */
export async function verifyPolicyFile(
  bytes: Buffer,
  lookupSender: (from: OrgKeyRef) => Ed25519Public | null | Promise<Ed25519Public | null>,
): Promise<PolicyFileVerdict> {
  const parsed = parseEnvelope('POLICY', POLICY_FILE_VERSION, bytes, bytes.length);
  if (!parsed.ok) return parsed;
  const { envelope } = parsed;
  const header = checkPolicyFileHeader(envelope.header, envelope.version);
  if (!header) return { ok: false, reason: 'bad-header' };
  const key = await lookupSender(header.sender);
  if (!key || keyFingerprint(key) !== header.sender.key) return { ok: false, reason: 'unknown-sender' };
  if (!envelopeSigned(envelope, key)) return { ok: false, reason: 'bad-signature' };
  const payload = bytes.subarray(envelope.bodyOffset);
  if (payload.length < header.payload.bytes) return { ok: false, reason: 'truncated' };
  if (payload.length > header.payload.bytes) return { ok: false, reason: 'payload-length' };
  if (createHash('sha256').update(payload).digest('hex') !== header.payload.sha256) return { ok: false, reason: 'payload-hash' };
  let content: unknown;
  try {
    content = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(payload));
  } catch {
    return { ok: false, reason: 'bad-payload' };
  }
  if (!isObject(content) || !Array.isArray(content.values) || !Array.isArray(content.programs)) return { ok: false, reason: 'bad-payload' };
  return { ok: true, header, content: content as unknown as PolicyFileContent };
}

const FIELDS = new Set(['format', 'version', 'sender', 'issue', 'createdAt', 'payload']);

function checkPolicyFileHeader(value: unknown, version: number): PolicyFileHeader | null {
  if (!isObject(value) || value.format !== POLICY_FILE_FORMAT || value.version !== version) return null;
  const { sender, issue, createdAt, payload } = value;
  if (!isKeyRef(sender) || !isCount(issue) || issue < 1) return null;
  if (typeof createdAt !== 'string' || !INSTANT.test(createdAt) || Number.isNaN(Date.parse(createdAt))) return null;
  if (!isObject(payload) || !isCount(payload.bytes) || typeof payload.sha256 !== 'string' || !HEX64.test(payload.sha256)) return null;
  if (Object.keys(value).some((k) => !FIELDS.has(k))) return null;
  return value as unknown as PolicyFileHeader;
}
