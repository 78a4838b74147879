import { defineHandlers } from '../../context';
import * as outbox from './export-batch.service';
import { importReceipt } from './export-receipt.service';
import { printPeerCard } from './peer-card.print';
import * as peers from './peers.service';

export const exchangeHandlers = defineHandlers({
  'exchange.peers': (_input, ctx) => peers.peers(ctx),
  'exchange.importCard': (input, ctx) => peers.importCard(ctx, input),
  'exchange.confirmPeer': (input, ctx) => peers.confirmPeer(ctx, input),
  'exchange.withdrawPeer': (input, ctx) => peers.withdrawPeer(ctx, input),
  'exchange.printPeerCard': (input, ctx) => printPeerCard(ctx, input),
  // 上报批次, the centre's side (export-*.ts).
  'exchange.sentBatches': (_input, ctx) => outbox.sentBatches(ctx),
  'exchange.nextBatch': (_input, ctx) => outbox.nextBatch(ctx),
  'exchange.exportBatch': (_input, ctx) => outbox.exportBatch(ctx),
  'exchange.exportAgain': (input, ctx) => outbox.exportAgain(ctx, input),
  'exchange.importReceipt': (input, ctx) => importReceipt(ctx, input),
});
