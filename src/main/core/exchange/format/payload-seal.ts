import { createHash } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { Readable, Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { createGzip } from 'node:zlib';
import { ageEncryptStream } from './age-encrypt';

/**
 * A batch's payload (docs/exchange-format.md): the NDJSON bytes gzip'd, encrypted with age to one recipient and
 * written to a temporary file, with the length and SHA-256 of what was written. The same code runs in the core's
 * thread or in a thread of its own (payload-thread.ts), so both write the same file.
 */

export interface PayloadTarget {
  /** The temporary file the payload is written to (0600). */
  tmp: string;
  ageRecipient: string;
  gzipLevel: number;
}

export interface PayloadSealed {
  bytes: number;
  sha256: string;
}

export function hashing(hash: ReturnType<typeof createHash>, onBytes?: (n: number) => void): Transform {
  return new Transform({
    transform(chunk: Buffer, _encoding, done) {
      hash.update(chunk);
      onBytes?.(chunk.length);
      done(null, chunk);
    },
  });
}

export async function sealPayload(plaintext: AsyncIterable<Buffer>, target: PayloadTarget, signal?: AbortSignal): Promise<PayloadSealed> {
  const hash = createHash('sha256');
  let bytes = 0;
  // One pipeline: an error or a cancel anywhere destroys every stage, and it settles once the temporary file is closed.
  await pipeline(
    // One chunk ahead at most (a page of members is a few MB): the default of 16 would hold 16 of them.
    Readable.from(plaintext, { highWaterMark: 1 }),
    createGzip({ level: target.gzipLevel }),
    ageEncryptStream(target.ageRecipient),
    hashing(hash, (n) => (bytes += n)),
    createWriteStream(target.tmp, { mode: 0o600 }),
    { signal },
  );
  return { bytes, sha256: hash.digest('hex') };
}
