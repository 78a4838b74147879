import { keyCardBodyText, parseKeyCard, type KeyCard, type KeyCardProblem } from '@shared/domain/key-card';
import { ED25519_PUBLIC_KEY_BYTES, fingerprintOf, verifyWith } from './ed25519';

/**
 * A key card read from a file (a federation taking in a centre's card, issue 12): its shape, then its signature by
 * the Ed25519 key it carries. A card that passes is only self-consistent: it is trusted once an administrator has
 * compared the fingerprint returned here with the one the other office reads out or printed.
 */
export function readKeyCard(
  text: string,
): { ok: true; card: KeyCard; fingerprint: string[] } | { ok: false; problem: KeyCardProblem | 'bad-signature' } {
  const parsed = parseKeyCard(text);
  if (!parsed.ok) return parsed;
  const { card } = parsed;
  const publicKey = Buffer.from(card.keys.ed25519, 'base64');
  if (publicKey.length !== ED25519_PUBLIC_KEY_BYTES) return { ok: false, problem: 'bad-fields' };
  const signed = verifyWith(publicKey, Buffer.from(keyCardBodyText(card), 'utf8'), Buffer.from(card.signature, 'base64'));
  if (!signed) return { ok: false, problem: 'bad-signature' };
  return { ok: true, card, fingerprint: fingerprintOf(publicKey) };
}
