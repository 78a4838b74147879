import { createHash } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { rename, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { v7 as uuidv7 } from 'uuid';
import type { FileRef, ParsedInput } from '@shared/contract';
import type { BatchImportResult } from '@shared/contract/exchange-import';
import { AppError } from '@shared/errors';
import type { CallContext } from '../../context';
import { bulkJournal, checkpoint } from '../../db/bulk-journal';
import {
  BatchFormatError,
  keyFingerprint,
  verifyBatchFile,
  type BatchHeader,
  type BatchVerdict,
  type OrgKeyRef,
} from '../../exchange/format';
import { ensurePrivateDir, fsyncFile } from '../../fs-atomic';
import { openInboxFile, removeInboxFile } from '../../files';
import type { JobHandle } from '../../jobs';
import { readSigningKey } from '../../keys/org-signing';
import { readOrg } from '../org/org.repo';
import { applyBatch, ImportRefusal, type Applied } from './import-apply';
import { encodeSignedReceipt, offerReceipt, receiptBody, receiptName } from './import-receipt';
import { insertAlarm, insertReceived, nextSequence, receivedRow } from './import-store';
import { peersWithCode, type PeerRow } from './peers.repo';

/**
 * 导入批次 (docs/architecture.md "The exchange", docs/exchange-format.md): the federation checks a centre's batch
 * (verifyBatchFile: who sent it, to whom, signature, length, hash), then, in one transaction, its sequence: the
 * next expected is applied (import-apply.ts), a repeat of the same file writes nothing, a gap is refused naming the
 * batch missing, and the same sequence as another file is an alarm. A refusal writes nothing but its audit entry.
 * A signed receipt is offered whenever the sender is known (its signature verified), except for a damaged copy of a
 * batch applied before: that batch stands.
 */

/** A batch of a million records with attachments is a few hundred MB; past this it is not a batch of ours. */
const MAX_BATCH_BYTES = 4 * 1024 * 1024 * 1024;

/** Where the federation keeps the batches it applied (encrypted to it; the header holds no personal data). */
export function receivedDir(ctx: CallContext): string {
  return join(ctx.core.paths.dataDir, 'exchange', 'received');
}

export function keptBatchPath(ctx: CallContext, centreCode: string, sequence: number): string {
  return join(receivedDir(ctx), `${centreCode.replace(/[^0-9A-Za-z]/g, '_')}-${sequence}.bfb`);
}

export function requireFederation(ctx: CallContext): void {
  if (readOrg(ctx.db)?.mode !== 'federation') throw new AppError('EXCHANGE_FEDERATION_ONLY');
}

interface Plain {
  path: string;
  sha256: string;
  bytes: number;
}

/** The upload unsealed into this run's inbox (swept at quit or next start), hashed on the way: the reader takes a path. */
async function unseal(ctx: CallContext, uploadId: string): Promise<Plain> {
  const files = ctx.core.files;
  const sealed = await openInboxFile(files, uploadId);
  const path = join(files.inboxDir, `${files.owner}${uuidv7()}.bfb`);
  const hash = createHash('sha256');
  let bytes = 0;
  try {
    if (sealed.size > MAX_BATCH_BYTES) throw new AppError('FILE_TOO_LARGE');
    const tap = new Transform({
      transform(chunk: Buffer, _encoding, done) {
        hash.update(chunk);
        bytes += chunk.length;
        done(null, chunk);
      },
    });
    await pipeline(sealed.stream(), tap, createWriteStream(path, { mode: 0o600 }));
  } finally {
    await sealed.close();
  }
  return { path, sha256: hash.digest('hex'), bytes };
}

const empty = (): Omit<BatchImportResult, 'outcome' | 'reason'> => ({
  centre: null,
  sequence: null,
  expected: null,
  heldSince: null,
  snapshot: null,
  applied: {},
  attachments: 0,
  withdrawn: 0,
  refused: [],
  refusedCount: 0,
  receipt: null,
});

export function importBatch(ctx: CallContext, input: ParsedInput<'exchangeImport.importBatch'>): { jobId: string } {
  requireFederation(ctx);
  return ctx.startJob(async (job) => {
    const plain = await unseal(ctx, input.uploadId);
    try {
      return await importFile(ctx, job, plain);
    } finally {
      await rm(plain.path, { force: true });
      removeInboxFile(ctx.core.files, input.uploadId);
    }
  });
}

/** A batch file checked and applied (or refused); a file applied is moved to its kept path (import-kept.ts passes it). */
export async function importFile(ctx: CallContext, job: JobHandle, plain: Plain): Promise<BatchImportResult> {
  const org = readOrg(ctx.db)!;
  const own = ctx.sqlite.prepare("SELECT public_key FROM org_keys WHERE purpose = 'signing'").pluck().all() as Buffer[];
  const ownKeys = new Set(own.map((k) => keyFingerprint(k)));
  // What the sender lookup found (the reader calls it once, with the header's code and key).
  const found: { sender: PeerRow | null; revoked: PeerRow | null } = { sender: null, revoked: null };
  const verdict = await verifyBatchFile(plain.path, {
    lookupSender: (from: OrgKeyRef) => {
      const cards = peersWithCode(ctx.sqlite, from.code).filter((p) => p.mode === 'centre' && keyFingerprint(p.ed25519) === from.key);
      found.sender = cards.find((p) => p.status === 'trusted') ?? null;
      // A key withdrawn, or replaced by a newer one, signs nothing any more.
      found.revoked = cards.find((p) => p.status === 'replaced' || p.status === 'withdrawn') ?? null;
      return found.sender?.ed25519 ?? null;
    },
    isRecipient: (to: OrgKeyRef) => to.code === org.creditCode && ownKeys.has(to.key),
  });
  if (!verdict.ok) {
    const reason = verdict.reason === 'unknown-sender' && found.revoked ? 'revoked-sender' : verdict.reason;
    // The header is authentic only once the signature verified: only then is there a centre to answer.
    const known = verdict.reason !== 'unknown-sender' && verdict.reason !== 'bad-signature' ? found.sender : null;
    const header = known ? (verdict.header ?? null) : null;
    // A damaged copy of a batch applied before (a second stick, a file copied again) changes nothing of it.
    const held = header ? receivedRow(ctx.sqlite, header.sender.code, header.sequence) : undefined;
    return refuse(ctx, reason, header, known ?? found.revoked, held?.importedAt ?? null);
  }
  const peer = found.sender!;
  const { header } = verdict;
  const centre = { code: header.sender.code, name: peer.name };
  const base = { ...empty(), centre, sequence: header.sequence };

  type Step =
    | { kind: 'repeat'; applied: Record<string, number>; refused: BatchImportResult['refused'] }
    | { kind: 'alarm' }
    | { kind: 'gap'; expected: number }
    | { kind: 'applied'; result: Applied; importedAt: string };
  let step: Step;
  // A batch may write gigabytes: in the rollback journal, not the WAL, so each page is written once (db/bulk-journal.ts).
  const journal = bulkJournal(ctx.sqlite, ctx.core.logger);
  try {
    step = await ctx.writeExclusive(async (): Promise<Step> => {
      const audit = (event: 'exchangeImport.repeat' | 'exchangeImport.alarm', params: Record<string, string | number>) =>
        ctx.audit({ recordType: 'exchangeBatch', recordId: `${centre.code}/${header.sequence}`, event, params });
      const held = receivedRow(ctx.sqlite, centre.code, header.sequence);
      if (held?.sha256 === plain.sha256) {
        audit('exchangeImport.repeat', { name: centre.name, sequence: header.sequence });
        return { kind: 'repeat', applied: JSON.parse(held.applied), refused: JSON.parse(held.refused) };
      }
      if (held) {
        insertAlarm(ctx.sqlite, {
          id: uuidv7(),
          centreCode: centre.code,
          sequence: header.sequence,
          at: ctx.now(),
          byUser: ctx.user!.id,
          heldSha256: held.sha256,
          offeredSha256: plain.sha256,
        });
        audit('exchangeImport.alarm', { name: centre.name, sequence: header.sequence });
        return { kind: 'alarm' };
      }
      const expected = nextSequence(ctx.sqlite, centre.code);
      if (header.sequence !== expected) {
        ctx.audit({
          recordType: 'exchangeBatch',
          recordId: `${centre.code}/${header.sequence}`,
          event: 'exchangeImport.refused',
          params: { reason: 'sequence-gap', name: centre.name, sequence: header.sequence, expected },
        });
        return { kind: 'gap', expected };
      }
      const result = await applyBatch(ctx, job, plain.path, verdict);
      const importedAt = ctx.now();
      insertReceived(ctx.sqlite, {
        centreCode: centre.code,
        sequence: header.sequence,
        peerId: peer.id,
        sha256: plain.sha256,
        bytes: plain.bytes,
        createdAt: header.createdAt,
        importedAt,
        importedBy: ctx.user!.id,
        snapshot: result.snapshot,
        changeAfter: result.changeAfter,
        changeThrough: result.changeThrough,
        applied: JSON.stringify(result.applied),
        refused: JSON.stringify(result.refused),
      });
      const records = Object.values(result.applied).reduce((a, b) => a + b, 0);
      ctx.audit({
        recordType: 'exchangeBatch',
        recordId: `${centre.code}/${header.sequence}`,
        event: 'exchangeImport.applied',
        params: { name: centre.name, sequence: header.sequence, records, refused: result.refusedCount, attachments: result.attachments },
      });
      if (result.withdrawn > 0)
        ctx.audit({
          recordType: 'exchangeBatch',
          recordId: `${centre.code}/${header.sequence}`,
          event: 'exchangeImport.withdrawn',
          params: { name: centre.name, sequence: header.sequence, withdrawn: result.withdrawn },
        });
      // Kept before the commit: a crash after it leaves a kept file without its row, which the next import replaces.
      const kept = keptBatchPath(ctx, centre.code, header.sequence);
      ensurePrivateDir(receivedDir(ctx));
      await rename(plain.path, kept);
      fsyncFile(receivedDir(ctx));
      return { kind: 'applied', result, importedAt };
    });
  } catch (error) {
    if (error instanceof BatchFormatError || error instanceof ImportRefusal) return refuse(ctx, error.reason, header, peer);
    throw error;
  } finally {
    journal.end();
  }
  // Written to the WAL after all (another connection held the database): copied into the file once the job has answered.
  if (step.kind === 'applied' && journal.inWal) job.afterFinished(() => checkpoint(ctx.sqlite, ctx.core.logger));

  const at = ctx.now();
  if (step.kind === 'alarm') return { ...base, outcome: 'alarm', reason: 'different-hash', receipt: null };
  if (step.kind === 'gap') {
    const receipt = await receiptFor(ctx, header, 'refused', at, { reason: 'sequence-gap' });
    return { ...base, outcome: 'refused', reason: 'sequence-gap', expected: step.expected, receipt };
  }
  if (step.kind === 'repeat') {
    const receipt = await receiptFor(ctx, header, 'repeat', at, { applied: step.applied, refused: step.refused });
    return {
      ...base,
      outcome: 'repeat',
      reason: null,
      applied: step.applied,
      refused: step.refused.slice(0, 200),
      refusedCount: step.refused.length,
      receipt,
    };
  }
  const r = step.result;
  const receipt = await receiptFor(ctx, header, 'applied', step.importedAt, { applied: r.applied, refused: r.refused });
  return {
    ...base,
    outcome: 'applied',
    reason: null,
    snapshot: r.snapshot,
    applied: r.applied,
    attachments: r.attachments,
    withdrawn: r.withdrawn,
    refused: r.refused.slice(0, 200),
    refusedCount: r.refusedCount,
    receipt,
  };
}

/** A signed receipt for the centre that sent `header`, in the outbox. */
export async function receiptFor(
  ctx: CallContext,
  header: BatchHeader,
  outcome: 'applied' | 'repeat' | 'refused',
  at: string,
  details: Parameters<typeof receiptBody>[3],
): Promise<FileRef> {
  const org = readOrg(ctx.db)!;
  const bytes = encodeSignedReceipt(ctx.sqlite, org.creditCode, receiptBody(header, outcome, at, details));
  return offerReceipt(ctx.core.files, bytes, receiptName(header.sender.code, header.sequence), readSigningKey(ctx.sqlite)!.publicKey);
}

/**
 * A whole batch refused: nothing written but the audit entry. A receipt when the sender is known, unless the batch of
 * that sequence was applied before (`heldSince`): a refusal receipt would tell the centre its batch never arrived.
 */
async function refuse(
  ctx: CallContext,
  reason: string,
  header: BatchHeader | null,
  peer: PeerRow | null,
  heldSince: string | null = null,
): Promise<BatchImportResult> {
  ctx.write(() =>
    ctx.audit({
      recordType: 'exchangeBatch',
      recordId: header ? `${header.sender.code}/${header.sequence}` : null,
      event: 'exchangeImport.refused',
      params: { reason, ...(peer ? { name: peer.name } : {}), ...(header ? { sequence: header.sequence } : {}) },
    }),
  );
  const receipt = header && peer && !heldSince ? await receiptFor(ctx, header, 'refused', ctx.now(), { reason }) : null;
  return {
    ...empty(),
    outcome: 'refused',
    reason,
    heldSince,
    centre: peer ? { code: peer.code, name: peer.name } : null,
    sequence: header?.sequence ?? null,
    receipt,
  };
}

export type { BatchVerdict };
