import { createHash } from 'node:crypto';
import { localDate } from '../../clock';
import type { CallContext } from '../../context';
import {
  BatchFormatError,
  readBatchEntries,
  type BatchRecord,
  type BatchVerdict,
  type OpenedBatch,
  type RefusedRecord,
} from '../../exchange/format';
import type { JobHandle } from '../../jobs';
import { exchangeIdentities } from '../../keys/org-exchange';
import { recordProblem } from './import-records';
import { RECEIPT_REFUSED_LIMIT } from './import-receipt';
import { knownOrigin, recordWriter } from './import-store';
import { trackSnapshot } from './import-withdraw';

/**
 * Applies a verified batch's entries inside the import's one transaction (the caller's `writeExclusive`), chunk by
 * chunk with the job's yields between them: the decrypted payload streams (readBatchEntries), so a batch of a
 * million records is never held whole. A payload found bad on the way throws (BatchFormatError, or
 * ImportRefusal), and the caller's transaction rolls everything back.
 */

/** A batch refused by the importer itself (not by the format): no org record to attribute its records, or another's. */
export class ImportRefusal extends Error {
  constructor(readonly reason: string) {
    super(reason);
    this.name = 'ImportRefusal';
  }
}

const CHUNK = 2_000;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** Attachments belong to a hardship file (its scans and visit photos). */
const ATTACHMENT_TABLES = new Set(['hardship_files']);

export interface Applied {
  snapshot: boolean;
  changeAfter: number;
  changeThrough: number;
  applied: Record<string, number>;
  attachments: number;
  refused: RefusedRecord[];
  refusedCount: number;
  /** Records of the centre a snapshot no longer held, withdrawn (import-withdraw.ts). */
  withdrawn: number;
}

/** Opens the payload with this office's identities, newest first: a batch made for a key replaced since still opens. */
async function open(ctx: CallContext, path: string, verdict: Extract<BatchVerdict, { ok: true }>): Promise<OpenedBatch> {
  for (const ageIdentity of exchangeIdentities(ctx.sqlite)) {
    try {
      return await readBatchEntries(path, verdict, { ageIdentity });
    } catch (error) {
      if (!(error instanceof BatchFormatError && error.reason === 'cannot-decrypt')) throw error;
    }
  }
  throw new BatchFormatError('cannot-decrypt');
}

export async function applyBatch(
  ctx: CallContext,
  job: JobHandle,
  path: string,
  verdict: Extract<BatchVerdict, { ok: true }>,
): Promise<Applied> {
  const { header } = verdict;
  const centreCode = header.sender.code;
  const opened = await open(ctx, path, verdict);
  const { manifest } = opened;
  const total = Object.values(manifest.counts).reduce((a, b) => a + b, 0) + manifest.attachments;
  const writer = recordWriter(ctx.sqlite, centreCode, header.sequence);
  // Inside the import's transaction: a failure rolls its TEMP table back with everything else.
  const seen = manifest.snapshot ? trackSnapshot(ctx.sqlite, centreCode, header.sequence) : null;
  const today = localDate(ctx.clock);
  const applied: Record<string, number> = {};
  const refused: RefusedRecord[] = [];
  let refusedCount = 0;
  let attachments = 0;
  // The sender's org id: from an earlier batch of this centre, else from this batch's org record. Records that come
  // before that record are taken on the first one's origin, which the org record must then confirm.
  let origin = knownOrigin(ctx.sqlite, centreCode);
  let confirmed = origin !== null;

  const refuse = (table: string, id: string, reason: string) => {
    refusedCount++;
    if (refused.length < RECEIPT_REFUSED_LIMIT) refused.push({ table, id, reason });
  };
  const apply = (record: BatchRecord, from: string) => {
    const problem = recordProblem(record, { origin: from, senderCode: centreCode, today });
    if (problem) return refuse(record.table, record.id, problem);
    writer.record(record);
    applied[record.table] = (applied[record.table] ?? 0) + 1;
  };
  const onRecord = (record: BatchRecord) => {
    seen?.seen(record.table, record.id);
    if (!confirmed && record.table === 'org' && record.fields.credit_code === centreCode && record.origin === record.id) {
      // The sender's own org record names the origin its records carry (docs/exchange-format.md "Records by table");
      // records taken before it on another origin were another office's: the batch is not the centre's own.
      if (origin !== null && origin !== record.id) throw new ImportRefusal('wrong-origin');
      origin = record.id;
      confirmed = true;
    }
    origin ??= record.origin;
    apply(record, origin);
  };

  let done = 0;
  job.progress(0, total);
  for await (const entry of opened.entries) {
    if (entry.kind === 'record') onRecord(entry.record);
    else {
      const a = entry.attachment;
      if (!ATTACHMENT_TABLES.has(a.table)) refuse('attachments', a.id, 'unknown-table');
      else if (!UUID.test(a.id) || !UUID.test(a.record)) refuse('attachments', a.id, 'bad-record-id');
      else {
        const data = Buffer.from(a.data.buffer, a.data.byteOffset, a.data.byteLength);
        writer.attachment(a, createHash('sha256').update(data).digest('hex'));
        attachments++;
      }
    }
    if (++done % CHUNK === 0) {
      job.progress(done, total);
      await job.pause();
      job.throwIfCancelled();
    }
  }
  // Records came, but no org record of the sender's to say whose they are.
  if (!confirmed && origin !== null) throw new ImportRefusal('org-record-missing');
  const withdrawn = seen ? seen.withdraw(ctx.now()) : 0;
  job.progress(total, total);
  return {
    withdrawn,
    snapshot: manifest.snapshot,
    changeAfter: manifest.changes.after,
    changeThrough: manifest.changes.through,
    applied,
    attachments,
    refused,
    refusedCount,
  };
}
