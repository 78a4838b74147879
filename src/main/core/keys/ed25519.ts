import { createHash, createPrivateKey, createPublicKey, generateKeyPairSync, sign, verify, type KeyObject } from 'node:crypto';
import { fingerprintGroups } from '@shared/domain/key-fingerprint';

/**
 * Ed25519 with Node's crypto, in the forms the database and the key card keep: the public key as its raw 32 bytes
 * (what the fingerprint hashes and the card carries, readable by any Ed25519 library) and the private key as PKCS#8
 * DER (what Node imports without a detour through JWK). The private key is only ever handled as bytes read from
 * the encrypted database and passed to `signWith`: nothing here logs or returns it.
 */

export interface Ed25519KeyPair {
  publicKey: Buffer;
  privateKey: Buffer;
}

/** The fixed SubjectPublicKeyInfo header of an Ed25519 key (RFC 8410): the raw key follows these 12 bytes. */
const SPKI_PREFIX = Buffer.from('302a300506032b6570032100', 'hex');
export const ED25519_PUBLIC_KEY_BYTES = 32;

export function generateEd25519(): Ed25519KeyPair {
  const { publicKey, privateKey } = generateKeyPairSync('ed25519');
  return {
    publicKey: rawPublicKey(publicKey),
    privateKey: privateKey.export({ format: 'der', type: 'pkcs8' }),
  };
}

function rawPublicKey(key: KeyObject): Buffer {
  const spki = key.export({ format: 'der', type: 'spki' });
  return Buffer.from(spki.subarray(SPKI_PREFIX.length));
}

export function publicKeyObject(raw: Uint8Array): KeyObject {
  if (raw.length !== ED25519_PUBLIC_KEY_BYTES) throw new Error('an Ed25519 public key has 32 bytes');
  return createPublicKey({ key: Buffer.concat([SPKI_PREFIX, raw]), format: 'der', type: 'spki' });
}

/** The raw public key of a PKCS#8 private key: to check that a stored pair belongs together. */
export function publicKeyOf(privateKeyDer: Uint8Array): Buffer {
  return rawPublicKey(createPublicKey(createPrivateKey({ key: Buffer.from(privateKeyDer), format: 'der', type: 'pkcs8' })));
}

export function signWith(privateKeyDer: Uint8Array, message: Uint8Array): Buffer {
  return sign(null, message, createPrivateKey({ key: Buffer.from(privateKeyDer), format: 'der', type: 'pkcs8' }));
}

/** False for any signature that does not verify, including one of the wrong length or a malformed public key. */
export function verifyWith(publicKey: Uint8Array, message: Uint8Array, signature: Uint8Array): boolean {
  try {
    return verify(null, message, publicKeyObject(publicKey), signature);
  } catch {
    return false;
  }
}

/** The fingerprint digits of a raw public key (shared/domain/key-fingerprint.ts). */
export function fingerprintOf(publicKey: Uint8Array): string[] {
  return fingerprintGroups(new Uint8Array(createHash('sha256').update(publicKey).digest()));
}
