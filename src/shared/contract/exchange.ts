import { z } from 'zod';
import { channel, fileRef, jobChannel, noInput, uuid } from './define';
import { orgMode } from './org';

/**
 * Other offices' key cards (issue 12, docs/domain.md "Key cards"): an administrator imports a card, reads the
 * fingerprint with the other office over the phone, and only then confirms it; a centre trusts one federation, a
 * federation many centres. Nothing is deleted: a replaced or withdrawn key stays in the list's history.
 */
export const peerStatus = z.enum(['pending', 'trusted', 'replaced', 'withdrawn']);
/** How a key came: a first card, a key change signed by the trusted old key, a new start after a lost key. */
export const peerChange = z.enum(['new', 'signed', 'restart']);

export const peerInfo = z.object({
  id: z.string(),
  code: z.string(),
  name: z.string(),
  region: z.string(),
  mode: orgMode,
  /** 8 groups of 5 digits over both keys. */
  fingerprint: z.array(z.string()),
  status: peerStatus,
  change: peerChange,
  cardCreatedAt: z.string(),
  importedAt: z.string(),
  importedBy: z.string(),
  confirmedAt: z.string().nullable(),
  confirmedBy: z.string().nullable(),
  endedAt: z.string().nullable(),
  /** The key this one replaces (a key change): its fingerprint and when it was trusted. */
  replaces: z.object({ id: z.string(), fingerprint: z.array(z.string()), confirmedAt: z.string().nullable() }).nullable(),
});
export type PeerInfo = z.infer<typeof peerInfo>;

export const exchangeChannels = {
  'exchange.peers': channel({
    input: noInput,
    output: z.object({ mode: orgMode, peers: z.array(peerInfo) }),
    access: 'admin',
    mutates: false,
  }),
  /**
   * Takes in a `.bfkey` the administrator picked: checked, then kept as 待核对 (pending) until confirmed. A card for
   * an office already trusted with another key is a key change: taken if the trusted key signed it (`replaces`),
   * refused otherwise unless `startOver` (the other office lost its key: a new phone confirmation).
   */
  'exchange.importCard': channel({
    input: z.object({ uploadId: z.string().min(1), fileName: z.string().trim().min(1).max(200), startOver: z.boolean().default(false) }),
    output: z.object({ peer: peerInfo, outcome: z.enum(['new', 'signed', 'restart', 'same']) }),
    access: 'admin',
    mutates: true,
  }),
  /** 已通过电话核对指纹: the deliberate step that makes a card trusted (and retires the key it replaces). */
  'exchange.confirmPeer': channel({
    input: z.object({ id: uuid, fingerprintChecked: z.literal(true) }),
    output: peerInfo,
    access: 'admin',
    mutates: true,
  }),
  /** Stops trusting a card (or drops one never confirmed); the row stays as withdrawn. */
  'exchange.withdrawPeer': channel({ input: z.object({ id: uuid }), output: peerInfo, access: 'admin', mutates: true }),
  /** A peer's card on one A4 page for the confirmation record. */
  'exchange.printPeerCard': jobChannel({ input: z.object({ id: uuid }), result: fileRef, access: 'admin', mutates: true }),
};
