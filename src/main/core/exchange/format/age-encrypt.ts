import { createCipheriv, createHmac, createPublicKey, diffieHellman, generateKeyPairSync, hkdfSync, randomBytes } from 'node:crypto';
import { Transform } from 'node:stream';
import { bech32 } from '@scure/base';

/**
 * age encryption (https://age-encryption.org/v1) to one X25519 recipient, with Node's own crypto (OpenSSL's
 * ChaCha20-Poly1305, X25519, HKDF and HMAC) instead of the age-encryption package's JavaScript ciphers: the same
 * file, byte for byte in form (the package, Debian's `age` and the reader decrypt it; tests/core/exchange-format-
 * interop.test.ts), at a fraction of the time — the package spent ~1 s per 40 MB of a batch, most of the crypto in an
 * export. Only the writer uses this; decryption stays with the package.
 */

const CHUNK = 64 * 1024;
const TAG = 16;
const b64 = (bytes: Buffer) => bytes.toString('base64').replace(/=+$/, '');
const chacha = (key: Buffer, nonce: Buffer, plaintext: Buffer) => {
  const cipher = createCipheriv('chacha20-poly1305', key, nonce, { authTagLength: TAG });
  return Buffer.concat([cipher.update(plaintext), cipher.final(), cipher.getAuthTag()]);
};
const hkdf = (ikm: Buffer, salt: Buffer, info: string) => Buffer.from(hkdfSync('sha256', ikm, salt, info, 32));

/** The recipient's X25519 public key from its `age1…` string. */
function recipientKey(recipient: string): Buffer {
  const { prefix, words } = bech32.decode(recipient as `${string}1${string}`, 1_000);
  const key = Buffer.from(bech32.fromWords(words));
  if (prefix !== 'age' || key.length !== 32) throw new Error('not an age X25519 recipient');
  return key;
}

/** The header (through its MAC line) and the payload key: the X25519 stanza as age's spec builds it. */
function header(recipient: string): { header: Buffer; payloadKey: Buffer } {
  const theirs = recipientKey(recipient);
  const fileKey = randomBytes(16);
  const ephemeral = generateKeyPairSync('x25519');
  const share = Buffer.from(ephemeral.publicKey.export({ format: 'jwk' }).x!, 'base64url');
  const publicKey = createPublicKey({ key: { kty: 'OKP', crv: 'X25519', x: theirs.toString('base64url') }, format: 'jwk' });
  const shared = diffieHellman({ privateKey: ephemeral.privateKey, publicKey });
  if (shared.every((b) => b === 0)) throw new Error('age: low-order recipient key');
  const wrapKey = hkdf(shared, Buffer.concat([share, theirs]), 'age-encryption.org/v1/X25519');
  const body = chacha(wrapKey, Buffer.alloc(12), fileKey);
  const text = `age-encryption.org/v1\n-> X25519 ${b64(share)}\n${b64(body)}\n---`;
  const mac = createHmac('sha256', hkdf(fileKey, Buffer.alloc(0), 'header'))
    .update(text)
    .digest();
  const nonce = randomBytes(16);
  return {
    header: Buffer.concat([Buffer.from(`${text} ${b64(mac)}\n`), nonce]),
    payloadKey: hkdf(fileKey, nonce, 'payload'),
  };
}

/**
 * A Transform whose output is the age file of its input: the header, then the STREAM of 64 KiB chunks (each
 * sealed with its counter; the last one flagged, never empty unless the whole input is).
 */
export function ageEncryptStream(recipient: string): Transform {
  const { header: head, payloadKey } = header(recipient);
  const nonce = Buffer.alloc(12);
  let counter = 0n;
  const seal = (plaintext: Buffer, last: boolean) => {
    nonce.writeBigUInt64BE(counter, 3); // the 11-byte big-endian counter: its top 3 bytes stay 0 below 2^64
    nonce[11] = last ? 1 : 0;
    counter++;
    return chacha(payloadKey, nonce, plaintext);
  };
  // The chunk being filled. A full one is sealed only when more input follows it: the last chunk carries the flag.
  const buffer = Buffer.alloc(CHUNK);
  let used = 0;
  let started = false;
  return new Transform({
    transform(input: Buffer, _encoding, done) {
      if (!started) {
        this.push(head);
        started = true;
      }
      let rest = input;
      while (rest.length > 0) {
        if (used === CHUNK) {
          this.push(seal(buffer, false));
          used = 0;
        }
        if (used === 0 && rest.length > CHUNK) {
          // A large input is sealed where it lies, chunk by chunk, as long as more of it follows.
          this.push(seal(rest.subarray(0, CHUNK), false));
          rest = rest.subarray(CHUNK);
          continue;
        }
        const n = rest.copy(buffer, used, 0, Math.min(CHUNK - used, rest.length));
        used += n;
        rest = rest.subarray(n);
      }
      done();
    },
    flush(done) {
      if (!started) this.push(head);
      done(null, seal(buffer.subarray(0, used), true));
    },
  });
}
