import { createHash } from 'node:crypto';
import {
  BatchFormatError,
  readBatchEntries,
  type BatchAttachment,
  type BatchManifest,
  type BatchRecord,
  type BatchVerdict,
  type OpenedBatch,
} from '../../exchange/format';
import { prepareRecord, type PreparedRecord } from './import-prepare';
import { recordProblem } from './import-records';

/**
 * A verified batch opened and its entries checked and prepared for the store, in order, chunk by chunk: decryption,
 * gunzip, parsing, every record checked as if typed (import-records.ts), the sender's origin confirmed by its org
 * record, each attachment's hash. Touches no database, so the same generator runs in the import's reader thread
 * (import-entries-thread.ts) while the core's thread writes the chunk before, or in the core's thread itself.
 */

/** A batch refused by the importer itself (not by the format): no org record to attribute its records, or another's. */
export class ImportRefusal extends Error {
  constructor(readonly reason: string) {
    super(reason);
    this.name = 'ImportRefusal';
  }
}

/** What the reader needs: the batch, this office's age identities (newest first), and the sender's context. */
export interface EntriesRequest {
  path: string;
  verdict: Extract<BatchVerdict, { ok: true }>;
  ageIdentities: string[];
  /** The sender's organisation id as an earlier batch of this centre carried it (knownOrigin), if any. */
  knownOrigin: string | null;
  /** The batch's sequence, stored on each record. */
  sequence: number;
  /** The clerk's day, bounding birth dates in ID numbers. */
  today: string;
}

export type PreparedEntry =
  | ({ kind: 'record' } & PreparedRecord)
  | { kind: 'refused'; table: string; id: string; reason: string }
  | { kind: 'attachment'; attachment: BatchAttachment; sha256: string };

export type EntriesEvent = { type: 'manifest'; manifest: BatchManifest } | { type: 'entries'; entries: PreparedEntry[] };

/** Entries per chunk: the job's progress and cancel are checked between chunks (and see CHUNKS_AHEAD). */
export const ENTRIES_CHUNK = 1_000;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** Attachments belong to a hardship file (its scans and visit photos). */
const ATTACHMENT_TABLES = new Set(['hardship_files']);

/** Opens the payload with this office's identities, newest first: a batch made for a key replaced since still opens. */
async function open(request: EntriesRequest): Promise<OpenedBatch> {
  for (const ageIdentity of request.ageIdentities) {
    try {
      return await readBatchEntries(request.path, request.verdict, { ageIdentity });
    } catch (error) {
      if (!(error instanceof BatchFormatError && error.reason === 'cannot-decrypt')) throw error;
    }
  }
  throw new BatchFormatError('cannot-decrypt');
}

export async function* preparedEntries(request: EntriesRequest): AsyncGenerator<EntriesEvent> {
  const { verdict, sequence, today } = request;
  const centreCode = verdict.header.sender.code;
  const opened = await open(request);
  yield { type: 'manifest', manifest: opened.manifest };
  // The sender's org id: from an earlier batch of this centre, else from this batch's org record. Records that come
  // before that record are taken on the first one's origin, which the org record must then confirm.
  let origin = request.knownOrigin;
  let confirmed = origin !== null;
  const prepareOne = (record: BatchRecord): PreparedEntry => {
    if (!confirmed && record.table === 'org' && record.fields.credit_code === centreCode && record.origin === record.id) {
      // The sender's own org record names the origin its records carry (docs/exchange-format.md "Records by table");
      // records taken before it on another origin were another office's: the batch is not the centre's own.
      if (origin !== null && origin !== record.id) throw new ImportRefusal('wrong-origin');
      origin = record.id;
      confirmed = true;
    }
    origin ??= record.origin;
    const problem = recordProblem(record, { origin, senderCode: centreCode, today });
    if (problem) return { kind: 'refused', table: record.table, id: record.id, reason: problem };
    return { kind: 'record', ...prepareRecord(record, centreCode, sequence) };
  };
  const prepareAttachment = (a: BatchAttachment): PreparedEntry => {
    if (!ATTACHMENT_TABLES.has(a.table)) return { kind: 'refused', table: 'attachments', id: a.id, reason: 'unknown-table' };
    if (!UUID.test(a.id) || !UUID.test(a.record)) return { kind: 'refused', table: 'attachments', id: a.id, reason: 'bad-record-id' };
    return { kind: 'attachment', attachment: a, sha256: createHash('sha256').update(a.data).digest('hex') };
  };

  let chunk: PreparedEntry[] = [];
  for await (const entry of opened.entries) {
    chunk.push(entry.kind === 'record' ? prepareOne(entry.record) : prepareAttachment(entry.attachment));
    if (chunk.length === ENTRIES_CHUNK) {
      yield { type: 'entries', entries: chunk };
      chunk = [];
    }
  }
  if (chunk.length > 0) yield { type: 'entries', entries: chunk };
  // Records came, but no org record of the sender's to say whose they are.
  if (!confirmed && origin !== null) throw new ImportRefusal('org-record-missing');
}
