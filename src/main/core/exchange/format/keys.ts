import { createHash, createPrivateKey, createPublicKey, sign, verify, type KeyObject } from 'node:crypto';
import { publicKeyObject } from '../../keys/ed25519';

/**
 * The Ed25519 keys the format signs with, in either form a caller holds them: a KeyObject, or bytes as the
 * database keeps them (the private key as PKCS#8 DER, the public key as its raw 32 bytes, keys/ed25519.ts).
 */
export type Ed25519Private = KeyObject | Uint8Array;
export type Ed25519Public = KeyObject | Uint8Array;

const SPKI_PREFIX_BYTES = 12;

function privateObject(key: Ed25519Private): KeyObject {
  return key instanceof Uint8Array ? createPrivateKey({ key: Buffer.from(key), format: 'der', type: 'pkcs8' }) : key;
}

function publicObject(key: Ed25519Public): KeyObject {
  return key instanceof Uint8Array ? publicKeyObject(key) : key;
}

export function rawPublicKey(key: Ed25519Public): Buffer {
  if (key instanceof Uint8Array) return Buffer.from(key);
  const object = key.type === 'private' ? createPublicKey(key) : key;
  return Buffer.from(object.export({ format: 'der', type: 'spki' }).subarray(SPKI_PREFIX_BYTES));
}

export function publicOfPrivate(key: Ed25519Private): Buffer {
  return rawPublicKey(createPublicKey(privateObject(key)));
}

/**
 * A key's fingerprint in the files: the SHA-256 of its raw 32 bytes in lowercase hex. The digits an administrator
 * reads over the phone (shared/domain/key-fingerprint.ts) are cut from this same digest.
 */
export function keyFingerprint(key: Ed25519Public): string {
  return createHash('sha256').update(rawPublicKey(key)).digest('hex');
}

export function signBytes(key: Ed25519Private, message: Uint8Array): Buffer {
  return sign(null, message, privateObject(key));
}

/** False for any signature that does not verify, a malformed key included. */
export function verifyBytes(key: Ed25519Public, message: Uint8Array, signature: Uint8Array): boolean {
  try {
    return verify(null, message, publicObject(key), signature);
  } catch {
    return false;
  }
}
