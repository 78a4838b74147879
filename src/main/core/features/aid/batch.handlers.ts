import { defineHandlers } from '../../context';
import { exportBankList } from './bank-list';
import { markPaidFromReturn } from './bank-return';
import { listBatches, readBatch } from './batches.repo';
import { createBatch, previewBatch } from './batches.service';

/** Batches: the eligible files of a program, created in one transaction, and the bank's list. */
export const aidBatchHandlers = defineHandlers({
  'aid.batchPreview': (input, ctx) => previewBatch(ctx, input),
  'aid.createBatch': (input, ctx) => createBatch(ctx, input),
  'aid.batches': (input, ctx) => ({ batches: listBatches(ctx.sqlite, input.programId) }),
  'aid.batch': (input, ctx) => readBatch(ctx.sqlite, input.id),
  'aid.exportBankList': (input, ctx) => exportBankList(ctx, input.batchId),
  'aid.markPaidFromReturn': (input, ctx) => markPaidFromReturn(ctx, input),
});
