import { z } from 'zod';
import { channel, fileRef, isoInstant, jobChannel, noInput, trimmedText } from './define';

/**
 * 接收批次, the federation's side of the exchange (issue 12, docs/architecture.md "The exchange"): a clerk imports a
 * centre's `.bfb` batch, which is refused whole (with a reason code and nothing written but the audit entry),
 * recognised as a repeat, raised as an alarm (the same sequence with another file), or applied in one transaction
 * with some records refused; a signed `.bfr` receipt goes back to the centre. Only in federation mode.
 */

/** A record refused on import: its table, its id and a reason code, never the value. */
export const refusedRecord = z.object({ table: z.string(), id: z.string(), reason: z.string() });
export type RefusedRecordInfo = z.infer<typeof refusedRecord>;

export const batchImportOutcome = z.enum(['applied', 'repeat', 'refused', 'alarm']);
export type BatchImportOutcome = z.infer<typeof batchImportOutcome>;

export const batchImportResult = z.object({
  outcome: batchImportOutcome,
  /** For refused: a format refusal (reasons.ts) or the importer's (`sequence-gap`, `revoked-sender`, …). */
  reason: z.string().nullable(),
  /** The sending centre as its trusted card names it (null when the header could not be read or the sender is unknown). */
  centre: z.object({ code: z.string(), name: z.string() }).nullable(),
  sequence: z.number().int().nullable(),
  /** sequence-gap: the batch expected next (缺少第 N 批). */
  expected: z.number().int().nullable(),
  /**
   * For a refused file whose sequence this federation applied before: when it was imported. That batch stands, so
   * no refusal receipt is given (it would tell the centre its batch was not received).
   */
  heldSince: isoInstant.nullable(),
  snapshot: z.boolean().nullable(),
  /** Records accepted by table (written, or already held at that rev or a newer one). */
  applied: z.record(z.string(), z.number().int()),
  attachments: z.number().int(),
  /**
   * Records of the centre this batch, a snapshot, no longer held (the centre restored a backup taken before it made
   * them): marked withdrawn, no longer counted (features/exchange/import-withdraw.ts).
   */
  withdrawn: z.number().int(),
  /** The first refused records (all are in the receipt up to its limit) and how many there were. */
  refused: z.array(refusedRecord),
  refusedCount: z.number().int(),
  /** The signed receipt to carry back, when there is one to give (not for a file that is not a readable batch). */
  receipt: fileRef.nullable(),
});
export type BatchImportResult = z.infer<typeof batchImportResult>;

export const receivedBatch = z.object({
  sequence: z.number().int(),
  snapshot: z.boolean(),
  createdAt: isoInstant,
  importedAt: isoInstant,
  importedBy: z.string(),
  bytes: z.number().int(),
  applied: z.record(z.string(), z.number().int()),
  refusedCount: z.number().int(),
});

export const receivedCentre = z.object({
  code: z.string(),
  name: z.string(),
  /** The batch this federation expects next from the centre. */
  nextSequence: z.number().int(),
  batches: z.array(receivedBatch),
});
export type ReceivedCentre = z.infer<typeof receivedCentre>;

/**
 * Batches whose files this federation keeps (exchange/received) but whose rows its database lacks, next in line from
 * each centre: after a restore of a backup older than them (or a crash between keeping a file and the commit).
 */
export const keptPendingRun = z.object({ code: z.string(), name: z.string(), from: z.number().int(), to: z.number().int() });
export type KeptPendingRun = z.infer<typeof keptPendingRun>;

/** One kept batch put through the import again: applied, or refused (its file set aside, the centre 补发). */
export const keptReimported = z.object({
  code: z.string(),
  name: z.string(),
  sequence: z.number().int(),
  outcome: batchImportOutcome,
  reason: z.string().nullable(),
});
export type KeptReimported = z.infer<typeof keptReimported>;

export const exchangeAlarm = z.object({
  id: z.string(),
  centreCode: z.string(),
  centreName: z.string(),
  sequence: z.number().int(),
  kind: z.enum(['different-hash']),
  at: isoInstant,
  by: z.string(),
  heldSha256: z.string(),
  offeredSha256: z.string(),
  settledAt: isoInstant.nullable(),
  settledBy: z.string().nullable(),
  settledNote: z.string().nullable(),
});
export type ExchangeAlarm = z.infer<typeof exchangeAlarm>;

export const exchangeImportChannels = {
  /** 导入批次: checks, decrypts and applies a centre's batch as a job with progress (a batch may hold a million records). */
  'exchangeImport.importBatch': jobChannel({
    input: z.object({ uploadId: z.string().min(1), fileName: z.string().trim().min(1).max(255) }),
    result: batchImportResult,
    access: 'clerk',
    mutates: true,
  }),
  /** The batches received, per centre (newest first), and the alarms (异常), settled ones too. */
  'exchangeImport.received': channel({
    input: noInput,
    output: z.object({ centres: z.array(receivedCentre), alarms: z.array(exchangeAlarm), keptPending: z.array(keptPendingRun) }),
    access: 'clerk',
    mutates: false,
  }),
  /** 重新导入: the kept batches of keptPending, each centre's in sequence, through the import's own checks. */
  'exchangeImport.reimportKept': jobChannel({
    input: noInput,
    result: z.object({ batches: z.array(keptReimported) }),
    access: 'clerk',
    mutates: true,
  }),
  /** 下载回执: the signed receipt of a batch received, again (the same bytes each time). */
  'exchangeImport.receipt': jobChannel({
    input: z.object({ centreCode: z.string().min(1).max(64), sequence: z.number().int().min(1) }),
    result: fileRef,
    access: 'clerk',
    mutates: false,
  }),
  /** 已处理: an administrator marks an alarm looked into, with a note; it stays listed. */
  'exchangeImport.settleAlarm': channel({
    input: z.object({ id: z.string().uuid(), note: trimmedText(500).pipe(z.string().min(1)) }),
    output: exchangeAlarm,
    access: 'admin',
    mutates: true,
  }),
};
