import { isUtf8 } from 'node:buffer';
import type { TextEncoding } from './types';
import { withByteFile, type ByteFile, type FileLocation } from './byte-file';

/**
 * Which encoding a CSV is in, detected, never asked — a clerk does not know, and guessing wrong turns every name
 * into mojibake:
 *
 * 1. a byte-order mark decides: EF BB BF is Excel's "CSV UTF-8", FF FE its "Unicode text" (UTF-16LE), FE FF UTF-16BE;
 * 2. no BOM but NUL bytes in every other position: UTF-16 without a BOM (some exporters write it);
 * 3. otherwise, if the whole file is valid UTF-8, it is UTF-8 (which covers plain ASCII);
 * 4. otherwise GB18030 — what Excel on Chinese Windows saves as "CSV (逗号分隔)" is code page 936 (GBK), and
 *    GB18030 is its superset, so it also reads the rare characters (of names!) GBK lacks.
 *
 * Step 3 reads the file to its end (stopping at the first invalid byte): a GBK file whose first rows happen to be
 * ASCII must not be taken for UTF-8. Chinese text in GBK is practically never valid UTF-8 for more than a few bytes.
 */

export interface DetectedEncoding {
  encoding: TextEncoding;
  /** Bytes of BOM at the start (the decoder drops the BOM itself; this is for information and tests). */
  bomLength: number;
}

export function encodingFromBom(head: Uint8Array): DetectedEncoding | null {
  if (head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf) return { encoding: 'utf-8', bomLength: 3 };
  if (head[0] === 0xff && head[1] === 0xfe) return { encoding: 'utf-16le', bomLength: 2 };
  if (head[0] === 0xfe && head[1] === 0xff) return { encoding: 'utf-16be', bomLength: 2 };
  return null;
}

/** UTF-16 without BOM: text in the Latin range has a NUL in every other byte. Null when not that. */
export function utf16WithoutBom(head: Uint8Array): TextEncoding | null {
  const n = Math.min(head.length, 4096) & ~1;
  if (n < 4) return null;
  let evenNul = 0;
  let oddNul = 0;
  for (let i = 0; i < n; i += 2) {
    if (head[i] === 0) evenNul++;
    if (head[i + 1] === 0) oddNul++;
  }
  const pairs = n / 2;
  if (oddNul > pairs * 0.3 && evenNul === 0) return 'utf-16le';
  if (evenNul > pairs * 0.3 && oddNul === 0) return 'utf-16be';
  return null;
}

/** Trailing bytes that start a UTF-8 sequence the chunk cuts off: carried into the next chunk. */
function incompleteTail(chunk: Buffer): number {
  for (let back = 1; back <= Math.min(3, chunk.length); back++) {
    const byte = chunk[chunk.length - back]!;
    if ((byte & 0xc0) === 0x80) continue; // a continuation byte: look further back for the lead byte
    const length = byte >= 0xf0 ? 4 : byte >= 0xe0 ? 3 : byte >= 0xc0 ? 2 : 1;
    return length > back ? back : 0;
  }
  return 0;
}

/** Whole-file strict UTF-8 check, chunk by chunk (node:buffer isUtf8: no strings made), stopping at the first error. */
export function isFileUtf8(file: ByteFile | FileLocation, start = 0): Promise<boolean> {
  return withByteFile(file, (opened) => isStreamUtf8(opened.stream({ start })));
}

async function isStreamUtf8(stream: NodeJS.ReadableStream & { destroy(): void }): Promise<boolean> {
  let carry: Buffer = Buffer.alloc(0);
  try {
    for await (const chunk of stream as AsyncIterable<Buffer>) {
      const data = carry.length ? Buffer.concat([carry, chunk]) : chunk;
      const cut = data.length - incompleteTail(data);
      if (!isUtf8(data.subarray(0, cut))) return false;
      carry = Buffer.from(data.subarray(cut));
    }
    // A sequence cut off by the end of the file: one damaged character, not another encoding.
    return true;
  } finally {
    stream.destroy();
  }
}

export async function detectEncoding(file: ByteFile | FileLocation, head: Uint8Array): Promise<DetectedEncoding> {
  const bom = encodingFromBom(head);
  if (bom) return bom;
  const utf16 = utf16WithoutBom(head);
  if (utf16) return { encoding: utf16, bomLength: 0 };
  return { encoding: (await isFileUtf8(file)) ? 'utf-8' : 'gb18030', bomLength: 0 };
}
