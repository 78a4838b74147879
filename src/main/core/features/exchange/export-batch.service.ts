import { createHash } from 'node:crypto';
import { createReadStream, existsSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import type { ChannelOutput, FileRef, JobResult, ParsedInput } from '@shared/contract';
import type { NextBatchInfo } from '@shared/contract/exchange-export';
import { AppError } from '@shared/errors';
import type { CallContext, CoreState } from '../../context';
import { writeBatch } from '../../exchange/format';
import { putOutboxFileFrom } from '../../files';
import { ensurePrivateDir } from '../../fs-atomic';
import type { JobHandle } from '../../jobs';
import { orgSigningKeyForBatch } from '../../keys/org-signing';
import { readOrg } from '../org/org.repo';
import { exportEntries, type RevHigh } from './export-records';
import { clearSnapshotDue, readRestart, type Restart } from './export-restart';
import { createExportSet, dropExportSet, type ExportSet } from './export-set';
import { batchFileName, batchInfo, requireFederation, sentDir, sentRow, sentRows, trustedFederation } from './export-list';

/**
 * 上报批次 (issue 12): the centre writes its records for the federation as a `.bfb` batch (exchange/format), keeps
 * the file in the data folder (exchange/sent/) and records it in exchange_sent with the attachments it carried, in
 * one transaction after the file is written and read back. A failed or cancelled batch leaves neither row nor
 * file. The audit entry holds counts only.
 */

const BATCH_MIME = 'application/octet-stream';

/** One batch at a time per open database: two would take the same sequence (and share the temp tables). */
const exporting = new WeakSet<CoreState>();

function lastSent(ctx: CallContext): { sequence: number; changeThrough: number } | undefined {
  return ctx.sqlite.prepare('SELECT sequence, change_through AS changeThrough FROM exchange_sent ORDER BY sequence DESC LIMIT 1').get() as
    { sequence: number; changeThrough: number } | undefined;
}

function withSet<T>(ctx: CallContext, run: (set: ExportSet, next: number, restart: Restart) => T): T {
  // A job holding a long transaction (an import) would take the temp tables into its transaction: wait for it.
  if (ctx.core.exclusiveWriter || exporting.has(ctx.core)) throw new AppError('BUSY');
  const { set, sequence, restart } = withSetUnguarded(ctx);
  return run(set, sequence, restart);
}

const total = (counts: Record<string, number>) => Object.values(counts).reduce((a, b) => a + b, 0);

export function sentBatches(ctx: CallContext): ChannelOutput<'exchange.sentBatches'> {
  const org = readOrg(ctx.db)!;
  if (org.mode !== 'centre') throw new AppError('EXCHANGE_NOT_CENTRE');
  const peer = trustedFederation(ctx.sqlite);
  return {
    federation: peer ? { name: peer.name, code: peer.code } : null,
    batches: sentRows(ctx.sqlite).map((row) => batchInfo(ctx.sqlite, org.creditCode, row)),
    fullBatchDueSince: readRestart(ctx.sqlite).snapshotDueSince,
  };
}

export function nextBatch(ctx: CallContext): NextBatchInfo {
  requireFederation(ctx);
  try {
    return withSet(ctx, (set, sequence, restart) => ({
      sequence,
      snapshot: set.snapshot,
      counts: set.counts,
      records: total(set.counts),
      attachments: set.attachments,
      afterRestore: restart.snapshotDueSince,
    }));
  } finally {
    dropExportSet(ctx.sqlite);
  }
}

export function exportBatch(ctx: CallContext): { jobId: string } {
  requireFederation(ctx);
  if (ctx.core.exclusiveWriter || exporting.has(ctx.core)) throw new AppError('BUSY');
  return ctx.startJob((job) => writeNextBatch(ctx, job));
}

export function exportAgain(ctx: CallContext, input: ParsedInput<'exchange.exportAgain'>): { jobId: string } {
  requireFederation(ctx);
  return ctx.startJob((job) => writeAgain(ctx, job, input));
}

/** The job of exportBatch, apart so that its steps read in order. */
async function writeNextBatch(ctx: CallContext, job: JobHandle): Promise<JobResult<'exchange.exportBatch'>> {
  const { code, peer } = requireFederation(ctx);
  if (ctx.core.exclusiveWriter || exporting.has(ctx.core)) throw new AppError('BUSY');
  exporting.add(ctx.core);
  let path: string | null = null;
  let recorded = false;
  try {
    const { set, sequence, restart } = withSetUnguarded(ctx);
    const records = total(set.counts);
    const dir = sentDir(ctx);
    ensurePrivateDir(dir);
    path = join(dir, `${code}-${String(sequence).padStart(6, '0')}.bfb`);
    const { privateKey } = orgSigningKeyForBatch(ctx.sqlite);
    const createdAt = ctx.now();
    const high: RevHigh = { rev: 0 };
    const everyPage = async () => {
      await job.pause();
      job.throwIfCancelled();
    };
    const written = await writeBatch({
      path,
      sender: { code, signingKey: privateKey },
      recipient: { code: peer.code, signingKey: peer.ed25519, ageRecipient: peer.x25519 },
      sequence,
      createdAt,
      manifest: {
        snapshot: set.snapshot,
        changes: { after: set.after, through: set.through },
        counts: set.counts,
        attachments: set.attachments,
      },
      entries: exportEntries(ctx.sqlite, everyPage, restart.revBase, high),
      signal: job.signal,
      onProgress: (done) => job.progress(done, records + set.attachments),
      progressEvery: 1_000,
      sealerPath: ctx.core.batchSealerPath,
    });
    job.throwIfCancelled();
    const keptName = path.slice(dir.length + 1);
    ctx.write(() => {
      ctx.sqlite
        .prepare(
          `INSERT INTO exchange_sent (sequence, recipient_peer_id, created_at, snapshot, change_after, change_through, counts,
             attachments, bytes, sha256, payload_sha256, kept_file, exported_by, rev_high)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
        )
        .run(
          sequence,
          peer.id,
          createdAt,
          set.snapshot ? 1 : 0,
          set.after,
          set.through,
          JSON.stringify(set.counts),
          set.attachments,
          written.bytes,
          written.sha256,
          written.header.payload.sha256,
          keptName,
          ctx.user!.id,
          high.rev,
        );
      if (set.snapshot) clearSnapshotDue(ctx.sqlite);
      ctx.sqlite
        .prepare('INSERT INTO exchange_sent_attachments (attachment_id, sequence) SELECT id, ? FROM temp.export_attachments')
        .run(sequence);
      ctx.audit({
        recordType: 'exchangeBatch',
        recordId: String(sequence),
        event: 'exchange.batchExported',
        params: { sequence, kind: set.snapshot ? 'snapshot' : 'changes', records, attachments: set.attachments },
      });
    });
    recorded = true;
    const file = putOutboxFileFrom(ctx.core.files, batchFileName(code, sequence), BATCH_MIME, path);
    return { batch: batchInfo(ctx.sqlite, code, sentRow(ctx.sqlite, sequence)!), file };
  } catch (error) {
    // A cancel reaches the writer as its signal's AbortError: the clerk sees it as the cancel it was.
    if (job.signal.aborted) throw new AppError('JOB_CANCELLED');
    throw error;
  } finally {
    dropExportSet(ctx.sqlite);
    exporting.delete(ctx.core);
    if (path && !recorded) await rm(path, { force: true });
  }
}

/**
 * The next batch's set and sequence: the records changed since the last batch, or every record for the first batch
 * and for the first after a restore that rolled back batches already sent (export-restart.ts).
 */
function withSetUnguarded(ctx: CallContext): { set: ExportSet; sequence: number; restart: Restart } {
  const last = lastSent(ctx);
  const restart = readRestart(ctx.sqlite);
  const after = last && restart.snapshotDueSince === null ? last.changeThrough : null;
  return { set: createExportSet(ctx.sqlite, after), sequence: (last?.sequence ?? 0) + 1, restart };
}

async function sha256Of(path: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(path)) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

/**
 * 补发: the kept files of batch `from` … the last, as they were written (same bytes, same hash: the federation
 * takes what it has as a harmless repeat and applies what it lacks). Each is checked against its recorded hash
 * before any is handed over; a missing or altered one is named.
 */
async function writeAgain(ctx: CallContext, job: JobHandle, input: ParsedInput<'exchange.exportAgain'>): Promise<{ files: FileRef[] }> {
  const { code } = requireFederation(ctx);
  const rows = sentRows(ctx.sqlite)
    .filter((r) => r.sequence >= input.from)
    .reverse();
  if (rows.length === 0 || rows[0]!.sequence !== input.from) throw new AppError('EXCHANGE_NO_SUCH_BATCH', { sequence: input.from });
  for (const [i, row] of rows.entries()) {
    const path = join(sentDir(ctx), row.keptFile);
    if (!existsSync(path)) throw new AppError('EXCHANGE_KEPT_MISSING', { sequence: row.sequence });
    if ((await sha256Of(path)) !== row.sha256) throw new AppError('EXCHANGE_KEPT_ALTERED', { sequence: row.sequence });
    job.progress(i + 1, rows.length);
    job.throwIfCancelled();
  }
  const files = rows.map((row) =>
    putOutboxFileFrom(ctx.core.files, batchFileName(code, row.sequence), BATCH_MIME, join(sentDir(ctx), row.keptFile)),
  );
  const to = rows[rows.length - 1]!.sequence;
  ctx.write(() =>
    ctx.audit({
      recordType: 'exchangeBatch',
      recordId: String(input.from),
      event: 'exchange.batchExportedAgain',
      params: { from: input.from, to },
    }),
  );
  return { files };
}
