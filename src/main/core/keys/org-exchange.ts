import { v7 as uuidv7 } from 'uuid';
import type { Sqlite } from '../db/client';
import { ageIdentity, ageRecipient, generateX25519 } from './age-x25519';
import { insertSigningKey, readSigningKey, type OrgPublicKey } from './org-signing';

/**
 * The organisation's X25519 encryption identity (age), beside the Ed25519 signing key in `org_keys` (purpose
 * `exchange`): batches for this office are encrypted to its recipient (`age1…`, on the key card) and only the core
 * decrypts them. The private key is read only by `exchangeIdentities` and never returned by a channel or logged.
 */

export interface OrgExchangeKey {
  id: string;
  publicKey: Buffer;
  /** The age recipient, `age1…`. */
  recipient: string;
  createdAt: string;
}

const PURPOSE = 'exchange';
const ALGORITHM = 'x25519';

interface KeyRow {
  id: string;
  publicKey: Buffer;
  createdAt: string;
}

function toKey(row: KeyRow): OrgExchangeKey {
  const publicKey = Buffer.from(row.publicKey);
  return { id: row.id, publicKey, recipient: ageRecipient(publicKey), createdAt: row.createdAt };
}

export function readExchangeKey(sqlite: Sqlite): OrgExchangeKey | undefined {
  const row = sqlite
    .prepare(
      `SELECT id, public_key AS publicKey, created_at AS createdAt FROM org_keys
       WHERE purpose = ? AND algorithm = ? AND retired_at IS NULL ORDER BY created_at DESC, id DESC LIMIT 1`,
    )
    .get(PURPOSE, ALGORITHM) as KeyRow | undefined;
  return row && toKey(row);
}

/** A new identity stored for the organisation; call inside the transaction that needs it (setup, ensureExchangeKey). */
export function insertExchangeKey(sqlite: Sqlite, at: string): OrgExchangeKey {
  const pair = generateX25519();
  const id = uuidv7();
  sqlite
    .prepare(`INSERT INTO org_keys (id, purpose, algorithm, public_key, private_key, created_at) VALUES (?, ?, ?, ?, ?, ?)`)
    .run(id, PURPOSE, ALGORITHM, pair.publicKey, pair.privateKey, at);
  return toKey({ id, publicKey: pair.publicKey, createdAt: at });
}

/**
 * A database from before the encryption identity gets one at start (keys/org-signing.ts ensureSigningKey, the same
 * pattern: one IMMEDIATE transaction that looks before it inserts, so two programs starting together make one).
 */
export function ensureExchangeKey(
  sqlite: Sqlite,
  at: string,
  record: (key: OrgExchangeKey) => void,
): { created: boolean; key: OrgExchangeKey | undefined } {
  return sqlite
    .transaction(() => {
      const existing = readExchangeKey(sqlite);
      if (existing) return { created: false, key: existing };
      if (!sqlite.prepare('SELECT 1 FROM org WHERE deleted_at IS NULL LIMIT 1').get()) return { created: false, key: undefined };
      const key = insertExchangeKey(sqlite, at);
      record(key);
      return { created: true, key };
    })
    .immediate();
}

/**
 * Every identity this office has had, newest first, as age identity strings: a batch encrypted to a key replaced
 * since still opens. Secret: for the core's decryption only.
 */
export function exchangeIdentities(sqlite: Sqlite): string[] {
  const rows = sqlite
    .prepare('SELECT private_key AS privateKey FROM org_keys WHERE purpose = ? AND algorithm = ? ORDER BY created_at DESC, id DESC')
    .all(PURPOSE, ALGORITHM) as { privateKey: Buffer }[];
  return rows.map((row) => ageIdentity(row.privateKey));
}

export interface RetiredKeys {
  signing: OrgPublicKey;
  exchange: OrgExchangeKey;
  retiredAt: string;
}

/**
 * The keys the current ones replaced, or null if these are the first: org.replaceKeys retires both at the instant it
 * creates their successors, so they are the keys retired when the current signing key was made (a key a restore
 * retired, one only a backup had, is not). Their private signing key is still here: it signs the card's `replaces`.
 */
export function readReplacedKeys(sqlite: Sqlite): RetiredKeys | null {
  const current = readSigningKey(sqlite);
  if (!current) return null;
  const rows = sqlite
    .prepare(
      `SELECT id, purpose, public_key AS publicKey, created_at AS createdAt, retired_at AS retiredAt FROM org_keys
       WHERE retired_at = ? AND algorithm IN ('ed25519', 'x25519') ORDER BY created_at DESC, id DESC`,
    )
    .all(current.createdAt) as (KeyRow & { purpose: string; retiredAt: string })[];
  const signing = rows.find((r) => r.purpose === 'signing');
  const exchange = rows.find((r) => r.purpose === PURPOSE);
  if (!signing || !exchange) return null;
  return {
    signing: { id: signing.id, publicKey: Buffer.from(signing.publicKey), createdAt: signing.createdAt },
    exchange: toKey(exchange),
    retiredAt: signing.retiredAt,
  };
}

/**
 * Replaces both keys at `at`: the current ones get retired_at (and stay, so vouchers signed before still verify and
 * batches encrypted before still open), new ones are made. Inside the caller's transaction.
 */
export function replaceOrgKeys(sqlite: Sqlite, at: string): { signing: OrgPublicKey; exchange: OrgExchangeKey } {
  const current = readSigningKey(sqlite);
  const exchange = readExchangeKey(sqlite);
  const retire = sqlite.prepare('UPDATE org_keys SET retired_at = ? WHERE id = ?');
  for (const key of [current, exchange]) if (key) retire.run(at, key.id);
  return { signing: insertSigningKey(sqlite, at), exchange: insertExchangeKey(sqlite, at) };
}
