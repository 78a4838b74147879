import type { ChannelOutput, ParsedInput } from '@shared/contract';
import type { PeerInfo } from '@shared/contract/exchange';
import { keyCardFileText, type KeyCard, type KeyCardProblem } from '@shared/domain/key-card';
import { parseFingerprint } from '@shared/domain/key-fingerprint';
import { AppError, type ErrorCode } from '@shared/errors';
import type { CallContext } from '../../context';
import { inboxFileSize, readInboxFileSync, removeInboxFile } from '../../files';
import { readKeyCard, replacesSignedBy } from '../../keys/key-card';
import { readOrg } from '../org/org.repo';
import {
  activePeersInMode,
  endPeer,
  insertPeer,
  isOwnSigningKey,
  listPeers,
  peersWithCode,
  readPeer,
  refreshPeerCard,
  trustPeer,
  type PeerListRow,
  type PeerRow,
} from './peers.repo';
import { v7 as uuidv7 } from 'uuid';

/**
 * Other offices' key cards (docs/domain.md "Key cards"). Import checks the card and keeps it 待核对; only the
 * administrator's confirmation that the fingerprint was read over the phone makes it trusted. Audit entries name the
 * office, never a key.
 */

/** A key card is a few hundred bytes: anything much larger is not one (and is not read into memory). */
const MAX_CARD_BYTES = 64 * 1024;

const PROBLEM_ERRORS: Record<KeyCardProblem | 'bad-signature', ErrorCode> = {
  'not-json': 'KEY_CARD_NOT_A_CARD',
  'not-a-key-card': 'KEY_CARD_NOT_A_CARD',
  'newer-version': 'KEY_CARD_NEWER',
  'no-exchange-key': 'KEY_CARD_OLD_VERSION',
  'bad-fields': 'KEY_CARD_DAMAGED',
  'bad-signature': 'KEY_CARD_BAD_SIGNATURE',
};

// The 40 digits kept for a card, in the groups read over the phone.
const groups = (digits: string) => parseFingerprint(digits) ?? [];

function toInfo(row: PeerListRow, byId: Map<string, PeerListRow>): PeerInfo {
  const old = row.replacesId ? byId.get(row.replacesId) : undefined;
  return {
    id: row.id,
    code: row.code,
    name: row.name,
    region: row.region,
    mode: row.mode,
    fingerprint: groups(row.fingerprint),
    status: row.status,
    change: row.change,
    cardCreatedAt: row.cardCreatedAt,
    importedAt: row.importedAt,
    importedBy: row.importedByName,
    confirmedAt: row.confirmedAt,
    confirmedBy: row.confirmedByName,
    endedAt: row.endedAt,
    replaces: old ? { id: old.id, fingerprint: groups(old.fingerprint), confirmedAt: old.confirmedAt } : null,
  };
}

function infoOf(ctx: CallContext, id: string): PeerInfo {
  const rows = listPeers(ctx.sqlite);
  const byId = new Map(rows.map((r) => [r.id, r]));
  return toInfo(byId.get(id)!, byId);
}

export function peers(ctx: CallContext): ChannelOutput<'exchange.peers'> {
  const rows = listPeers(ctx.sqlite);
  const byId = new Map(rows.map((r) => [r.id, r]));
  return { mode: readOrg(ctx.db)!.mode, peers: rows.map((r) => toInfo(r, byId)) };
}

function readCardUpload(ctx: CallContext, uploadId: string): { card: KeyCard; fingerprint: string[] } {
  let bytes: Buffer;
  try {
    // Sized before it is read: an upload may be hundreds of megabytes, a card is never more than a few hundred bytes.
    if (inboxFileSize(ctx.core.files, uploadId) > MAX_CARD_BYTES) throw new AppError('KEY_CARD_NOT_A_CARD');
    bytes = readInboxFileSync(ctx.core.files, uploadId);
  } finally {
    removeInboxFile(ctx.core.files, uploadId);
  }
  const read = readKeyCard(bytes.toString('utf8'));
  if (!read.ok) throw new AppError(PROBLEM_ERRORS[read.problem]);
  return read;
}

/** A centre trusts one federation: another one, pending or trusted, must be withdrawn first. */
function refuseSecondFederation(ctx: CallContext, code: string): void {
  if (readOrg(ctx.db)!.mode !== 'centre') return;
  const other = activePeersInMode(ctx.sqlite, 'federation').find((p) => p.code !== code);
  if (other) throw new AppError('KEY_CARD_OTHER_FEDERATION', { name: other.name });
}

export function importCard(ctx: CallContext, input: ParsedInput<'exchange.importCard'>): ChannelOutput<'exchange.importCard'> {
  const { card, fingerprint } = readCardUpload(ctx, input.uploadId);
  const org = readOrg(ctx.db)!;
  const ed25519 = Buffer.from(card.keys.ed25519, 'base64');
  if (card.org.code === org.creditCode || isOwnSigningKey(ctx.sqlite, ed25519)) throw new AppError('KEY_CARD_OWN');
  // A centre takes in its federation's card; a federation its centres'.
  const wanted = org.mode === 'centre' ? 'federation' : 'centre';
  if (card.org.mode !== wanted) throw new AppError('KEY_CARD_WRONG_MODE', { mode: card.org.mode, own: org.mode });

  const now = ctx.now();
  const details = { name: card.org.name, region: card.org.region, card: keyCardFileText(card), cardCreatedAt: card.created };
  const audit = (id: string, change: string) =>
    ctx.audit({
      recordType: 'exchangePeer',
      recordId: id,
      event: 'exchange.cardImported',
      params: { name: card.org.name, mode: card.org.mode, change },
    });

  return ctx.write(() => {
    const rows = peersWithCode(ctx.sqlite, card.org.code).filter((r) => r.status !== 'withdrawn');
    const same = rows.find((r) => r.ed25519.equals(ed25519) && r.x25519 === card.keys.x25519);
    if (same?.status === 'replaced') throw new AppError('KEY_CARD_RETIRED', { name: same.name });
    if (same) {
      // The same keys again: what the card says of the office is signed by the key already held.
      if (card.created > same.cardCreatedAt) refreshPeerCard(ctx.sqlite, same.id, details);
      audit(same.id, 'same');
      return { peer: infoOf(ctx, same.id), outcome: 'same' as const };
    }
    refuseSecondFederation(ctx, card.org.code);
    const trusted = rows.find((r) => r.status === 'trusted');
    let change: PeerRow['change'] = 'new';
    if (trusted) {
      if (replacesSignedBy(card, trusted.ed25519)) change = 'signed';
      else if (input.startOver) change = 'restart';
      else throw new AppError('KEY_CARD_KEY_CHANGED', { name: trusted.name });
    }
    // An earlier card never confirmed gives way to this one.
    for (const pending of rows.filter((r) => r.status === 'pending')) endPeer(ctx.sqlite, pending.id, 'withdrawn', now);
    const id = uuidv7();
    insertPeer(ctx.sqlite, {
      id,
      code: card.org.code,
      mode: card.org.mode,
      ed25519,
      x25519: card.keys.x25519,
      fingerprint: fingerprint.join(''),
      ...details,
      status: 'pending',
      change,
      replacesId: trusted?.id ?? null,
      importedAt: now,
      importedBy: ctx.user!.id,
    });
    audit(id, change);
    return { peer: infoOf(ctx, id), outcome: change };
  });
}

export function confirmPeer(ctx: CallContext, input: ParsedInput<'exchange.confirmPeer'>): PeerInfo {
  return ctx.write(() => {
    const row = readPeer(ctx.sqlite, input.id);
    if (!row) throw new AppError('NOT_FOUND', { record: 'exchangePeer' });
    if (row.status !== 'pending') throw new AppError('STALE_RECORD');
    refuseSecondFederation(ctx, row.code);
    const now = ctx.now();
    // The key it replaces stops being trusted in the same transaction: one trusted key per office.
    for (const old of peersWithCode(ctx.sqlite, row.code).filter((r) => r.status === 'trusted'))
      endPeer(ctx.sqlite, old.id, 'replaced', now);
    trustPeer(ctx.sqlite, row.id, now, ctx.user!.id);
    ctx.audit({
      recordType: 'exchangePeer',
      recordId: row.id,
      event: 'exchange.peerConfirmed',
      params: { name: row.name, mode: row.mode, change: row.change },
    });
    return infoOf(ctx, row.id);
  });
}

export function withdrawPeer(ctx: CallContext, input: ParsedInput<'exchange.withdrawPeer'>): PeerInfo {
  return ctx.write(() => {
    const row = readPeer(ctx.sqlite, input.id);
    if (!row) throw new AppError('NOT_FOUND', { record: 'exchangePeer' });
    if (row.status !== 'pending' && row.status !== 'trusted') throw new AppError('STALE_RECORD');
    endPeer(ctx.sqlite, row.id, 'withdrawn', ctx.now());
    ctx.audit({
      recordType: 'exchangePeer',
      recordId: row.id,
      event: 'exchange.peerWithdrawn',
      params: { name: row.name, status: row.status },
    });
    return infoOf(ctx, row.id);
  });
}
