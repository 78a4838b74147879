import { defineHandlers } from '../../context';
import { importBatch } from './import-batch.service';
import { reimportKept } from './import-kept';
import { received, receiptAgain, settleAlarm } from './import-received.service';

/** 接收批次: the federation's import of its centres' batches (import-batch.service.ts). */
export const exchangeImportHandlers = defineHandlers({
  'exchangeImport.importBatch': (input, ctx) => importBatch(ctx, input),
  'exchangeImport.received': (_input, ctx) => received(ctx),
  'exchangeImport.reimportKept': (_input, ctx) => reimportKept(ctx),
  'exchangeImport.receipt': (input, ctx) => receiptAgain(ctx, input),
  'exchangeImport.settleAlarm': (input, ctx) => settleAlarm(ctx, input),
});
