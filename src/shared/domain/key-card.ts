/**
 * The key card (`.bfkey`): an organisation's public keys with who it is, signed by its own Ed25519 key, so that
 * another office can take it in and, once an administrator has confirmed the fingerprint by phone or on paper, check
 * everything the organisation signs (vouchers, exchange batches) and encrypt batches to it.
 *
 *   { "format": "bangfu-keycard", "version": 1,
 *     "org": { "name", "code" (统一社会信用代码), "region" (行政区划代码), "mode" },
 *     "keys": { "ed25519": base64 of the raw 32-byte public key, "x25519": the age recipient "age1…" },
 *     "created": ISO instant,
 *     "replaces": { "ed25519": the old key (base64), "fingerprint": the old card's fingerprint, "signature": base64
 *                   Ed25519 by the OLD key over the canonical body }          — only on a card that replaces keys
 *     "signature": base64 Ed25519 by keys.ed25519 over the canonical body }
 *
 * The canonical body is the card without `signature` and without `replaces.signature`, as JSON with every object's
 * keys in code-point order, no spaces, UTF-8: any program can rebuild it from the parsed file (a reader must not
 * trust the file's own bytes, whose key order and spacing are free). Both signatures cover the same bytes.
 * The fingerprint covers both keys: SHA-256 of the canonical JSON of `keys` alone (key-fingerprint.ts), so a
 * renamed organisation keeps its fingerprint and any other key changes it.
 * A reader ignores unknown keys in `keys` only if it knows the version.
 */

export const KEY_CARD_FORMAT = 'bangfu-keycard';
export const KEY_CARD_VERSION = 1;
export const KEY_CARD_EXTENSION = '.bfkey';

export interface KeyCardBody {
  format: typeof KEY_CARD_FORMAT;
  version: number;
  org: { name: string; code: string; region: string; mode: 'centre' | 'federation' };
  keys: { ed25519: string; x25519: string } & Record<string, string>;
  created: string;
  replaces?: { ed25519: string; fingerprint: string };
}

export interface KeyCard extends Omit<KeyCardBody, 'replaces'> {
  replaces?: { ed25519: string; fingerprint: string; signature: string };
  signature: string;
}

type Json = string | number | boolean | null | Json[] | { [key: string]: Json };

/** JSON with sorted keys and no whitespace: the bytes the signature covers (as UTF-8). */
export function canonicalJson(value: Json): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const keys = Object.keys(value).sort();
    return `{${keys.map((k) => `${JSON.stringify(k)}:${canonicalJson(value[k]!)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

export function keyCardBodyText(card: KeyCardBody | KeyCard): string {
  const { format, version, org, keys, created, replaces } = card;
  const body: { [key: string]: Json } = { format, version, org: { ...org }, keys: { ...keys }, created };
  if (replaces) body.replaces = { ed25519: replaces.ed25519, fingerprint: replaces.fingerprint };
  return canonicalJson(body);
}

/** The bytes the fingerprint hashes (SHA-256, in the core): the card's keys alone, canonical. */
export function keyCardKeysText(keys: KeyCardBody['keys']): string {
  return canonicalJson({ ...keys });
}

/** The `.bfkey` file's text: the card in a readable layout (the signature does not depend on it). */
export function keyCardFileText(card: KeyCard): string {
  return `${JSON.stringify(card, null, 2)}\n`;
}

export type KeyCardProblem = 'not-json' | 'not-a-key-card' | 'newer-version' | 'bad-fields' | 'no-exchange-key';

const BASE64 = /^[A-Za-z0-9+/]+={0,2}$/;
/** An age X25519 recipient: `age1` and 58 bech32 characters (the checksum is checked in the core). */
export const AGE_RECIPIENT = /^age1[qpzry9x8gf2tvdw0s3jn54khce6mua7l]{58}$/;
const FINGERPRINT_TEXT = /^\d{5}( \d{5}){7}$/;

/**
 * Reads a `.bfkey` file's text into a card, checking its shape only (the signature is checked by the core with
 * the key it carries, keys/key-card.ts). A card from a newer version is named as such, not as damage.
 */
export function parseKeyCard(text: string): { ok: true; card: KeyCard } | { ok: false; problem: KeyCardProblem } {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return { ok: false, problem: 'not-json' };
  }
  if (typeof value !== 'object' || value === null || (value as { format?: unknown }).format !== KEY_CARD_FORMAT) {
    return { ok: false, problem: 'not-a-key-card' };
  }
  const card = value as Partial<KeyCard>;
  if (typeof card.version !== 'number' || card.version > KEY_CARD_VERSION) return { ok: false, problem: 'newer-version' };
  const org = card.org as Partial<KeyCard['org']> | undefined;
  const keys = card.keys as Record<string, unknown> | undefined;
  const fieldsOk =
    card.version === KEY_CARD_VERSION &&
    typeof org === 'object' &&
    org !== null &&
    [org.name, org.code, org.region].every((v) => typeof v === 'string' && v !== '') &&
    (org.mode === 'centre' || org.mode === 'federation') &&
    typeof keys === 'object' &&
    keys !== null &&
    Object.values(keys).every((v) => typeof v === 'string') &&
    typeof keys.ed25519 === 'string' &&
    BASE64.test(keys.ed25519) &&
    typeof card.created === 'string' &&
    typeof card.signature === 'string' &&
    BASE64.test(card.signature) &&
    (card.replaces === undefined || replacesOk(card.replaces));
  if (!fieldsOk) return { ok: false, problem: 'bad-fields' };
  // A card exported before the encryption identity existed: the other office must upgrade and export again.
  if (keys.x25519 === undefined) return { ok: false, problem: 'no-exchange-key' };
  if (typeof keys.x25519 !== 'string' || !AGE_RECIPIENT.test(keys.x25519)) return { ok: false, problem: 'bad-fields' };
  return { ok: true, card: card as KeyCard };
}

function replacesOk(value: unknown): boolean {
  if (typeof value !== 'object' || value === null) return false;
  const r = value as Record<string, unknown>;
  return (
    typeof r.ed25519 === 'string' &&
    BASE64.test(r.ed25519) &&
    typeof r.fingerprint === 'string' &&
    FINGERPRINT_TEXT.test(r.fingerprint) &&
    typeof r.signature === 'string' &&
    BASE64.test(r.signature)
  );
}
