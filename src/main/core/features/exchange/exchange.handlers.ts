import { defineHandlers } from '../../context';
import { printPeerCard } from './peer-card.print';
import * as peers from './peers.service';

export const exchangeHandlers = defineHandlers({
  'exchange.peers': (_input, ctx) => peers.peers(ctx),
  'exchange.importCard': (input, ctx) => peers.importCard(ctx, input),
  'exchange.confirmPeer': (input, ctx) => peers.confirmPeer(ctx, input),
  'exchange.withdrawPeer': (input, ctx) => peers.withdrawPeer(ctx, input),
  'exchange.printPeerCard': (input, ctx) => printPeerCard(ctx, input),
});
