import { v7 as uuidv7 } from 'uuid';
import type { Sqlite } from '../db/client';
import { generateEd25519, signWith, verifyWith, fingerprintOf } from './ed25519';

/**
 * The organisation's Ed25519 signing key (vouchers' and certificates' QR codes, the key card; issue 12's batches).
 * It lives in `org_keys` inside the encrypted database: the private key is read only here, only to sign, and never
 * returned, logged or put in a channel's answer. Everything outside this module sees `OrgPublicKey`.
 */

export interface OrgPublicKey {
  id: string;
  publicKey: Buffer;
  createdAt: string;
}

interface KeyRow {
  id: string;
  publicKey: Buffer;
  createdAt: string;
}

const PURPOSE = 'signing';
const ALGORITHM = 'ed25519';

export function readSigningKey(sqlite: Sqlite): OrgPublicKey | undefined {
  const row = sqlite
    .prepare(
      `SELECT id, public_key AS publicKey, created_at AS createdAt FROM org_keys
       WHERE purpose = ? AND algorithm = ? AND retired_at IS NULL ORDER BY created_at DESC, id DESC LIMIT 1`,
    )
    .get(PURPOSE, ALGORITHM) as KeyRow | undefined;
  return row && { id: row.id, publicKey: Buffer.from(row.publicKey), createdAt: row.createdAt };
}

/** A new key pair stored for the organisation; call inside the transaction that needs it (setup, ensureSigningKey). */
export function insertSigningKey(sqlite: Sqlite, at: string): OrgPublicKey {
  const pair = generateEd25519();
  const id = uuidv7();
  sqlite
    .prepare(
      `INSERT INTO org_keys (id, purpose, algorithm, public_key, private_key, created_at)
       VALUES (?, ?, ?, ?, ?, ?)`,
    )
    .run(id, PURPOSE, ALGORITHM, pair.publicKey, pair.privateKey, at);
  return { id, publicKey: pair.publicKey, createdAt: at };
}

/**
 * A database that existed before the key: create it once, at start, after the migrations. One IMMEDIATE
 * transaction that looks before it inserts, so two copies of the program starting at once create one key between
 * them (the second waits for the first's write lock, then finds its key). Returns whether it created one; `record`
 * writes the audit entry inside the same transaction.
 */
export function ensureSigningKey(
  sqlite: Sqlite,
  at: string,
  record: (key: OrgPublicKey) => void,
): { created: boolean; key: OrgPublicKey | undefined } {
  return sqlite
    .transaction(() => {
      const existing = readSigningKey(sqlite);
      if (existing) return { created: false, key: existing };
      const org = sqlite.prepare('SELECT 1 FROM org WHERE deleted_at IS NULL LIMIT 1').get();
      if (!org) return { created: false, key: undefined }; // not set up yet: setup creates it
      const key = insertSigningKey(sqlite, at);
      record(key);
      return { created: true, key };
    })
    .immediate();
}

/** Signs with the organisation's current key; throws if there is none (a database the start did not finish). */
export function signAsOrg(sqlite: Sqlite, message: Uint8Array): { signature: Buffer; key: OrgPublicKey } {
  const key = readSigningKey(sqlite);
  if (!key) throw new Error('the organisation has no signing key');
  const { privateKey } = sqlite.prepare('SELECT private_key AS privateKey FROM org_keys WHERE id = ?').get(key.id) as {
    privateKey: Buffer;
  };
  return { signature: signWith(privateKey, message), key };
}

/** Signs with one of the organisation's keys, retired or not: the old key signs the card that replaces it. */
export function signWithOrgKey(sqlite: Sqlite, keyId: string, message: Uint8Array): Buffer {
  const { privateKey } = sqlite
    .prepare('SELECT private_key AS privateKey FROM org_keys WHERE id = ? AND purpose = ?')
    .get(keyId, PURPOSE) as {
    privateKey: Buffer;
  };
  return signWith(privateKey, message);
}

/** Whether `signature` over `message` was made by any key this organisation has had (vouchers outlive a key change). */
export function verifyAsOrg(sqlite: Sqlite, message: Uint8Array, signature: Uint8Array): boolean {
  const keys = sqlite
    .prepare('SELECT public_key AS publicKey FROM org_keys WHERE purpose = ? AND algorithm = ?')
    .all(PURPOSE, ALGORITHM) as { publicKey: Buffer }[];
  return keys.some((k) => verifyWith(k.publicKey, message, signature));
}

/**
 * The current private key (PKCS#8 DER), for the exchange's batch writer only: it signs a header it builds itself as
 * the payload streams (exchange/format). Never returned by a channel or logged.
 */
export function orgSigningKeyForBatch(sqlite: Sqlite): { privateKey: Buffer; key: OrgPublicKey } {
  const key = readSigningKey(sqlite);
  if (!key) throw new Error('the organisation has no signing key');
  const { privateKey } = sqlite.prepare('SELECT private_key AS privateKey FROM org_keys WHERE id = ?').get(key.id) as {
    privateKey: Buffer;
  };
  return { privateKey: Buffer.from(privateKey), key };
}

export { fingerprintOf, verifyWith };
