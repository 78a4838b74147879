import { createHash } from 'node:crypto';
import {
  keyCardBodyText,
  keyCardKeysText,
  parseKeyCard,
  type KeyCard,
  type KeyCardBody,
  type KeyCardProblem,
} from '@shared/domain/key-card';
import { fingerprintGroups } from '@shared/domain/key-fingerprint';
import { recipientPublicKey } from './age-x25519';
import { ED25519_PUBLIC_KEY_BYTES, verifyWith } from './ed25519';

/**
 * A key card read from a file (an office taking in another's card, issue 12): its shape, then its signature by the
 * Ed25519 key it carries. A card that passes is only self-consistent: it is trusted once an administrator has
 * compared the fingerprint returned here with the one the other office reads out or printed. A `replaces` part is
 * checked against the key it names only by the importer, who knows which key it trusted (features/exchange).
 */
export function readKeyCard(
  text: string,
): { ok: true; card: KeyCard; fingerprint: string[] } | { ok: false; problem: KeyCardProblem | 'bad-signature' } {
  const parsed = parseKeyCard(text);
  if (!parsed.ok) return parsed;
  const { card } = parsed;
  const publicKey = Buffer.from(card.keys.ed25519, 'base64');
  if (publicKey.length !== ED25519_PUBLIC_KEY_BYTES) return { ok: false, problem: 'bad-fields' };
  if (!recipientPublicKey(card.keys.x25519)) return { ok: false, problem: 'bad-fields' };
  if (card.replaces && Buffer.from(card.replaces.ed25519, 'base64').length !== ED25519_PUBLIC_KEY_BYTES) {
    return { ok: false, problem: 'bad-fields' };
  }
  const signed = verifyWith(publicKey, Buffer.from(keyCardBodyText(card), 'utf8'), Buffer.from(card.signature, 'base64'));
  if (!signed) return { ok: false, problem: 'bad-signature' };
  return { ok: true, card, fingerprint: keyCardFingerprint(card.keys) };
}

/** The fingerprint of a card's keys (both of them): SHA-256 of their canonical JSON, as 8 groups of 5 digits. */
export function keyCardFingerprint(keys: KeyCardBody['keys']): string[] {
  return fingerprintGroups(new Uint8Array(createHash('sha256').update(keyCardKeysText(keys), 'utf8').digest()));
}

/** Whether the card's `replaces` part was signed by `oldKey` (the raw Ed25519 key the importer trusted). */
export function replacesSignedBy(card: KeyCard, oldKey: Uint8Array): boolean {
  if (!card.replaces) return false;
  if (!Buffer.from(card.replaces.ed25519, 'base64').equals(Buffer.from(oldKey))) return false;
  return verifyWith(oldKey, Buffer.from(keyCardBodyText(card), 'utf8'), Buffer.from(card.replaces.signature, 'base64'));
}
