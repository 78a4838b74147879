import { defineHandlers } from '../../context';
import { notBuilt } from './not-built';

/** Batches: the eligible files of a program, created in one transaction, and the bank's list. */
export const aidBatchHandlers = defineHandlers({
  'aid.batchPreview': () => notBuilt(),
  'aid.createBatch': () => notBuilt(),
  'aid.batches': () => notBuilt(),
  'aid.batch': () => notBuilt(),
  'aid.exportBankList': () => notBuilt(),
});
