import { createPrivateKey, createPublicKey, generateKeyPairSync, type KeyObject } from 'node:crypto';
import { bech32 } from '@scure/base';

/**
 * The organisation's encryption identity in the age format (issue 12: batches are encrypted to the receiving office
 * with age). Native X25519 only, never age's post-quantum hybrid: Debian's `age` 1.1 reads X25519 files only.
 *
 * The pair is made with Node's X25519 and written in age's own encodings (bech32 of the raw 32 bytes, exactly what
 * age-encryption's generateX25519Identity and identityToRecipient produce; tests/core/exchange-identity.test.ts
 * checks both against the package). Node's generator is synchronous, so the key is made inside the same start-up
 * transaction as the Ed25519 key (createCore cannot wait for the package's promises).
 *
 * In the database (org_keys): the raw 32-byte public key and the PKCS#8 DER private key, like the Ed25519 row.
 */

export interface X25519KeyPair {
  publicKey: Buffer;
  privateKey: Buffer;
}

/** The fixed PKCS#8 and SPKI headers of an X25519 key (RFC 8410): the raw 32 bytes follow them. */
const PKCS8_PREFIX = Buffer.from('302e020100300506032b656e04220420', 'hex');
const SPKI_PREFIX = Buffer.from('302a300506032b656e032100', 'hex');
const RECIPIENT_PREFIX = 'age';
const IDENTITY_PREFIX = 'AGE-SECRET-KEY-';

export function generateX25519(): X25519KeyPair {
  const { publicKey, privateKey } = generateKeyPairSync('x25519');
  return { publicKey: rawPublicKey(publicKey), privateKey: privateKey.export({ format: 'der', type: 'pkcs8' }) };
}

function rawPublicKey(key: KeyObject): Buffer {
  return Buffer.from(key.export({ format: 'der', type: 'spki' }).subarray(SPKI_PREFIX.length));
}

/** The age recipient (`age1…`) of a raw X25519 public key: what the key card carries and a sender encrypts to. */
export function ageRecipient(publicKey: Uint8Array): string {
  if (publicKey.length !== 32) throw new Error('an X25519 public key has 32 bytes');
  return bech32.encodeFromBytes(RECIPIENT_PREFIX, publicKey);
}

/** The raw public key of an `age1…` recipient, or null for anything else (a hybrid `age1pq1…`, a bad checksum). */
export function recipientPublicKey(recipient: string): Buffer | null {
  try {
    const { prefix, bytes } = bech32.decodeToBytes(recipient);
    return prefix === RECIPIENT_PREFIX && bytes.length === 32 && recipient === recipient.toLowerCase() ? Buffer.from(bytes) : null;
  } catch {
    return null;
  }
}

/**
 * The age identity (`AGE-SECRET-KEY-1…`) of a stored private key: for age-encryption's Decrypter and Debian's `age
 * -d -i`. Secret: only the core's decryption of a batch addressed to this office may ask for it.
 */
export function ageIdentity(privateKeyDer: Uint8Array): string {
  const der = Buffer.from(privateKeyDer);
  if (der.length !== PKCS8_PREFIX.length + 32 || !der.subarray(0, PKCS8_PREFIX.length).equals(PKCS8_PREFIX)) {
    throw new Error('not an X25519 PKCS#8 key');
  }
  return bech32.encodeFromBytes(IDENTITY_PREFIX, der.subarray(PKCS8_PREFIX.length)).toUpperCase();
}

/** The raw public key of a stored private key: to check that a stored pair belongs together. */
export function x25519PublicKeyOf(privateKeyDer: Uint8Array): Buffer {
  return rawPublicKey(createPublicKey(createPrivateKey({ key: Buffer.from(privateKeyDer), format: 'der', type: 'pkcs8' })));
}
