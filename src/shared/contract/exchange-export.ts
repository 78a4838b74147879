import { z } from 'zod';
import { channel, fileRef, jobChannel, noInput } from './define';

/**
 * 上报批次, the centre's side of the exchange (issue 12, docs/architecture.md "The exchange"): a clerk exports the
 * records changed since the last batch as a signed, encrypted `.bfb` file for the federation, can write kept batches
 * again for a lost stick (补发), and imports the federation's signed receipt (`.bfr`). Centre mode only, and only
 * once the federation's key card is trusted.
 */

/** 已上报 (no receipt yet), 已确认 (applied or a repeat, nothing refused), 有问题 (the batch or records refused). */
export const sentBatchState = z.enum(['exported', 'confirmed', 'problems']);
export type SentBatchState = z.infer<typeof sentBatchState>;

export const refusedRecordInfo = z.object({
  table: z.string(),
  id: z.string(),
  /** The federation's reason code; the screen translates it. */
  reason: z.string(),
  /** What the clerk finds the record by here (a file number, a name, a program's name); null if it is not found. */
  find: z.string().nullable(),
});
export type RefusedRecordInfo = z.infer<typeof refusedRecordInfo>;

export const sentBatchInfo = z.object({
  sequence: z.number().int().positive(),
  createdAt: z.string(),
  snapshot: z.boolean(),
  /** Records by table, as the manifest counts them (the sender's own org record included). */
  counts: z.record(z.string(), z.number().int().nonnegative()),
  records: z.number().int().nonnegative(),
  attachments: z.number().int().nonnegative(),
  bytes: z.number().int().nonnegative(),
  /** The name the file is saved under (the clerk carries this file). */
  fileName: z.string(),
  exportedBy: z.string(),
  state: sentBatchState,
  receipt: z
    .object({
      receivedAt: z.string(),
      outcome: z.enum(['applied', 'repeat', 'refused']),
      reason: z.string().nullable(),
      applied: z.record(z.string(), z.number().int().nonnegative()),
      refused: z.array(refusedRecordInfo),
    })
    .nullable(),
});
export type SentBatchInfo = z.infer<typeof sentBatchInfo>;

/** What the next batch will hold, shown before the clerk starts it. */
export const nextBatchInfo = z.object({
  sequence: z.number().int().positive(),
  snapshot: z.boolean(),
  counts: z.record(z.string(), z.number().int().nonnegative()),
  records: z.number().int().nonnegative(),
  attachments: z.number().int().nonnegative(),
  /** When a restore made this batch a full one (ISO instant); null otherwise (a first batch is full anyway). */
  afterRestore: z.string().nullable(),
});
export type NextBatchInfo = z.infer<typeof nextBatchInfo>;

export const exchangeExportChannels = {
  /** The batches exported, newest first, and the federation they go to (null: no trusted card yet). */
  'exchange.sentBatches': channel({
    input: noInput,
    output: z.object({
      federation: z.object({ name: z.string(), code: z.string() }).nullable(),
      batches: z.array(sentBatchInfo),
      /** A restore (ISO instant) made the next batch a full one, not yet written; null otherwise. */
      fullBatchDueSince: z.string().nullable(),
    }),
    access: 'clerk',
    mutates: false,
  }),
  /** Counts what the next batch would hold (a snapshot first, then the changes since the last batch). */
  'exchange.nextBatch': channel({ input: noInput, output: nextBatchInfo, access: 'clerk', mutates: false }),
  /** 生成上报批次: writes the next batch, keeps a copy in the data folder and hands the file over for the stick. */
  'exchange.exportBatch': jobChannel({
    input: noInput,
    result: z.object({ batch: sentBatchInfo, file: fileRef }),
    access: 'clerk',
    mutates: true,
  }),
  /** 重新导出 (补发): the kept files of batch `from` … the last one, byte for byte as first written. */
  'exchange.exportAgain': jobChannel({
    input: z.object({ from: z.number().int().positive() }),
    result: z.object({ files: z.array(fileRef) }),
    access: 'clerk',
    mutates: true,
  }),
  /** 导入回执: the federation's signed receipt, matched to its batch. */
  'exchange.importReceipt': channel({
    input: z.object({ uploadId: z.string().min(1), fileName: z.string().trim().min(1).max(200) }),
    output: z.object({ batch: sentBatchInfo, outcome: z.enum(['new', 'same']) }),
    access: 'clerk',
    mutates: true,
  }),
};
