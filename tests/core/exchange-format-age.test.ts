import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { buffer } from 'node:stream/consumers';
import { Decrypter, generateX25519Identity, identityToRecipient } from 'age-encryption';
import { afterAll, describe, expect, it } from 'vitest';
import { ageEncryptStream } from '../../src/main/core/exchange/format/age-encrypt';
import { tempFolder } from './support/exchange-batch';

/**
 * The writer's age encryption (Node's crypto, exchange/format/age-encrypt.ts) makes files that the age-encryption
 * package and Debian's `age` decrypt to the input, at the sizes where the STREAM's last chunk is special: empty,
 * one byte, exactly one and two 64 KiB chunks, one byte more, and input arriving in odd pieces.
 */

const folder = tempFolder();
afterAll(() => folder.remove());
const CHUNK = 64 * 1024;

async function encrypt(plaintext: Buffer, recipient: string, piece: number): Promise<Buffer> {
  const pieces: Buffer[] = [];
  for (let at = 0; at < plaintext.length; at += piece) pieces.push(plaintext.subarray(at, at + piece));
  return buffer(Readable.from(pieces).pipe(ageEncryptStream(recipient)));
}

describe('age encryption with Node’s crypto', () => {
  it('decrypts with the age-encryption package to the same bytes at every chunk boundary', async () => {
    const identity = await generateX25519Identity();
    const recipient = await identityToRecipient(identity);
    const decrypter = new Decrypter();
    decrypter.addIdentity(identity);
    for (const size of [0, 1, CHUNK - 1, CHUNK, CHUNK + 1, 2 * CHUNK, 3 * CHUNK + 17]) {
      for (const piece of [1_000, 7_919, CHUNK, 200_000]) {
        const plaintext = randomBytes(size);
        const file = await encrypt(plaintext, recipient, piece);
        expect(Buffer.from(await decrypter.decrypt(file)).equals(plaintext)).toBe(true);
      }
    }
  });

  it('decrypts with Debian’s age, and a changed byte is refused', async () => {
    const identity = await generateX25519Identity();
    const plaintext = randomBytes(5 * CHUNK + 123);
    const file = await encrypt(plaintext, await identityToRecipient(identity), 10_000);
    writeFileSync(join(folder.dir, 'id.txt'), `${identity}\n`, { mode: 0o600 });
    writeFileSync(join(folder.dir, 'ok.age'), file);
    const out = execFileSync('age', ['-d', '-i', 'id.txt', 'ok.age'], { cwd: folder.dir, maxBuffer: 1 << 24 });
    expect(out.equals(plaintext)).toBe(true);
    file[file.length - 100]! ^= 1;
    writeFileSync(join(folder.dir, 'bad.age'), file);
    expect(() => execFileSync('age', ['-d', '-i', 'id.txt', 'bad.age'], { cwd: folder.dir, stdio: 'pipe' })).toThrow();
  });

  it('refuses a recipient that is not an age X25519 key before writing anything', () => {
    expect(() => ageEncryptStream('age1notakey')).toThrow();
  });
});
