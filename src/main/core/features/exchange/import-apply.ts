import { localDate } from '../../clock';
import type { CallContext } from '../../context';
import type { BatchVerdict, RefusedRecord } from '../../exchange/format';
import type { JobHandle } from '../../jobs';
import { exchangeIdentities } from '../../keys/org-exchange';
import { preparedEntries, type EntriesRequest } from './import-entries';
import { preparedEntriesInThread } from './import-entries-thread';
import { RECEIPT_REFUSED_LIMIT } from './import-receipt';
import { knownOrigin, recordWriter } from './import-store';
import { trackSnapshot } from './import-withdraw';

export { ImportRefusal } from './import-entries';

/**
 * Applies a verified batch's entries inside the import's one transaction (the caller's `writeExclusive`), chunk by
 * chunk with the job's yields between them. The entries come checked and prepared (import-entries.ts), from the
 * import's reader thread when the program has one (the core's `batchReaderPath`), so that decryption, parsing and
 * checks run beside SQLite's writes; the decrypted payload streams, so a batch of a million records is never held
 * whole. A payload found bad on the way throws (BatchFormatError, or ImportRefusal), and the caller's transaction
 * rolls everything back.
 */

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

export async function applyBatch(
  ctx: CallContext,
  job: JobHandle,
  path: string,
  verdict: Extract<BatchVerdict, { ok: true }>,
): Promise<Applied> {
  const { header } = verdict;
  const centreCode = header.sender.code;
  const request: EntriesRequest = {
    path,
    verdict,
    ageIdentities: exchangeIdentities(ctx.sqlite),
    knownOrigin: knownOrigin(ctx.sqlite, centreCode),
    sequence: header.sequence,
    today: localDate(ctx.clock),
  };
  const readerPath = ctx.core.batchReaderPath;
  const events = readerPath ? preparedEntriesInThread(request, readerPath) : preparedEntries(request);
  try {
    const first = await events.next();
    if (first.done || first.value.type !== 'manifest') throw new Error('a batch opened without its manifest');
    const { manifest } = first.value;
    const total = Object.values(manifest.counts).reduce((a, b) => a + b, 0) + manifest.attachments;
    const writer = recordWriter(ctx.sqlite, centreCode, header.sequence);
    // Inside the import's transaction: a failure rolls its TEMP table back with everything else.
    const seen = manifest.snapshot ? trackSnapshot(ctx.sqlite, centreCode, header.sequence) : null;
    const applied: Record<string, number> = {};
    const refused: RefusedRecord[] = [];
    let refusedCount = 0;
    let attachments = 0;
    let done = 0;
    job.progress(0, total);
    for await (const event of events) {
      if (event.type !== 'entries') continue;
      for (const entry of event.entries) {
        if (entry.kind === 'record') {
          seen?.seen(entry.table, entry.id);
          writer.write(entry);
          applied[entry.table] = (applied[entry.table] ?? 0) + 1;
        } else if (entry.kind === 'refused') {
          // A refused record is still named by the snapshot: what the federation holds of it stays.
          if (entry.table !== 'attachments') seen?.seen(entry.table, entry.id);
          refusedCount++;
          if (refused.length < RECEIPT_REFUSED_LIMIT) refused.push({ table: entry.table, id: entry.id, reason: entry.reason });
        } else {
          writer.attachment(entry.attachment, entry.sha256);
          attachments++;
        }
      }
      done += event.entries.length;
      job.progress(done, total);
      await job.pause();
      job.throwIfCancelled();
    }
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
  } finally {
    // Cancelled, or a write failed: the reader (and its thread) stops here.
    await events.return(undefined);
  }
}
