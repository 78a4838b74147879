import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { closeSync, fsyncSync, openSync, readFileSync, renameSync, unlinkSync, writeSync } from 'node:fs';
import { open, type FileHandle } from 'node:fs/promises';
import { Readable, Writable } from 'node:stream';
import { FILE_MODE } from './fs-atomic';

/**
 * Files that hold personal data outside the database (uploads in the inbox, documents in the outbox) are kept
 * sealed: AES-256-GCM in chunks of 64 KiB, so a 150 MB roster is written and read as a stream and a reader can
 * jump to any byte (the .xlsx reader reads the zip directory at the end first). The key lives in memory only
 * (files.ts), so a copy of the data folder yields nothing readable.
 *
 * Layout: "BFS1", an 8-byte random nonce prefix, then chunks of up to CHUNK bytes, each followed by its 16-byte
 * tag. Chunk i uses nonce = prefix ‖ uint32be(i) and the additional data [1] for the last chunk, [0] before it:
 * a file cut at a chunk boundary fails its check instead of reading as a shorter file.
 */
const MAGIC = Buffer.from('BFS1');
const PREFIX_BYTES = 8;
const HEADER_BYTES = MAGIC.length + PREFIX_BYTES;
export const SEALED_CHUNK = 64 * 1024;
const TAG_BYTES = 16;
const SEALED_CHUNK_BYTES = SEALED_CHUNK + TAG_BYTES;

function nonce(prefix: Buffer, index: number): Buffer {
  const iv = Buffer.alloc(12);
  prefix.copy(iv, 0);
  iv.writeUInt32BE(index, PREFIX_BYTES);
  return iv;
}

const LAST = Buffer.from([1]);
const NOT_LAST = Buffer.from([0]);

/** A sealed file's check failed: a damaged file, a file cut short, or one sealed with another key. */
export class SealedFileError extends Error {
  constructor() {
    super('a sealed file failed its integrity check');
  }
}

/** Writes a sealed file chunk by chunk (synchronous, one open descriptor); `end` seals the last chunk. */
export class SealedWriter {
  private readonly fd: number;
  private readonly prefix = randomBytes(PREFIX_BYTES);
  private pending: Buffer[] = [];
  private pendingBytes = 0;
  private index = 0;
  bytes = 0;

  constructor(
    private readonly path: string,
    private readonly key: Buffer,
  ) {
    this.fd = openSync(path, 'wx', FILE_MODE);
    writeSync(this.fd, Buffer.concat([MAGIC, this.prefix]));
  }

  write(data: Buffer): void {
    this.bytes += data.length;
    this.pending.push(data);
    this.pendingBytes += data.length;
    if (this.pendingBytes <= SEALED_CHUNK) return;
    // Keep at least one byte back: the last chunk is only known at `end`. (One big buffer is not copied.)
    let all = this.pending.length === 1 ? this.pending[0]! : Buffer.concat(this.pending);
    while (all.length > SEALED_CHUNK) {
      this.writeChunk(all.subarray(0, SEALED_CHUNK), false);
      all = all.subarray(SEALED_CHUNK);
    }
    this.pending = [all];
    this.pendingBytes = all.length;
  }

  end(): void {
    try {
      this.writeChunk(Buffer.concat(this.pending), true);
      fsyncSync(this.fd);
    } finally {
      closeSync(this.fd);
    }
  }

  /** Closes and removes a file whose writing failed. */
  abort(): void {
    try {
      closeSync(this.fd);
    } catch {
      // already closed
    }
    try {
      unlinkSync(this.path);
    } catch {
      // never created or already gone
    }
  }

  private writeChunk(plain: Buffer, last: boolean): void {
    const cipher = createCipheriv('aes-256-gcm', this.key, nonce(this.prefix, this.index++));
    cipher.setAAD(last ? LAST : NOT_LAST);
    const sealed = Buffer.concat([cipher.update(plain), cipher.final(), cipher.getAuthTag()]);
    writeSync(this.fd, sealed);
  }
}

/** Seals `bytes` into `path`: written beside it under a temporary name, then renamed (never half a file). */
export function writeSealedFile(path: string, key: Buffer, bytes: Buffer): void {
  const tmp = `${path}.${process.pid}.tmp`;
  const writer = new SealedWriter(tmp, key);
  try {
    writer.write(bytes);
    writer.end();
  } catch (error) {
    writer.abort();
    throw error;
  }
  renameSync(tmp, path);
}

/** A writable stream that seals into `path` (for files written by streaming: demo rosters, benchmarks). */
export function sealedWriteStream(path: string, key: Buffer): Writable {
  const writer = new SealedWriter(path, key);
  return new Writable({
    write(chunk: Buffer, _encoding, callback) {
      try {
        writer.write(Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk));
        callback();
      } catch (error) {
        callback(error as Error);
      }
    },
    final(callback) {
      try {
        writer.end();
        callback();
      } catch (error) {
        callback(error as Error);
      }
    },
    destroy(error, callback) {
      if (error) writer.abort();
      callback(error);
    },
  });
}

/**
 * A sealed file open for reading, with the parts of a FileHandle the readers use: its plain size, positional
 * reads and byte-range streams. Reads decrypt only the chunks they touch.
 */
export interface SealedFile {
  readonly size: number;
  read(buffer: Buffer, offset: number, length: number, position: number): Promise<{ bytesRead: number }>;
  /** Bytes `start` to `end` inclusive (as fs.createReadStream counts), chunk by chunk. */
  stream(options?: { start?: number; end?: number }): Readable;
  readAll(): Promise<Buffer>;
  close(): Promise<void>;
}

/** The plain size of a sealed file of `sealedSize` bytes (without reading it). */
export function sealedPlainSize(sealedSize: number): number {
  const body = sealedSize - HEADER_BYTES;
  const chunks = Math.max(1, Math.ceil(body / SEALED_CHUNK_BYTES));
  const size = body - chunks * TAG_BYTES;
  if (size < 0) throw new SealedFileError();
  return size;
}

/** The nonce prefix a sealed file's header carries; throws for a header that is not one. */
function prefixOf(header: Buffer): Buffer {
  if (header.length < HEADER_BYTES || !header.subarray(0, MAGIC.length).equals(MAGIC)) throw new SealedFileError();
  return header.subarray(MAGIC.length, HEADER_BYTES);
}

const chunkCount = (size: number) => Math.max(1, Math.ceil(size / SEALED_CHUNK));

/** Where chunk `index` of a file of `size` plain bytes lies in the sealed file, its plain length, and whether it is the last. */
function chunkAt(index: number, size: number): { start: number; plainLength: number; last: boolean } {
  const last = index === chunkCount(size) - 1;
  return { start: HEADER_BYTES + index * SEALED_CHUNK_BYTES, plainLength: last ? size - index * SEALED_CHUNK : SEALED_CHUNK, last };
}

/** A small sealed file read whole, synchronously (attachments of at most a few MB). */
export function readSealedFileSync(path: string, key: Buffer): Buffer {
  const sealed = readFileSync(path);
  const prefix = prefixOf(sealed);
  const size = sealedPlainSize(sealed.length);
  const parts: Buffer[] = [];
  for (let index = 0; index < chunkCount(size); index++) {
    const { start, plainLength, last } = chunkAt(index, size);
    parts.push(openChunk(key, prefix, index, last, sealed.subarray(start, start + plainLength + TAG_BYTES)));
  }
  return Buffer.concat(parts);
}

function openChunk(key: Buffer, prefix: Buffer, index: number, last: boolean, sealed: Buffer): Buffer {
  const plainLength = sealed.length - TAG_BYTES;
  try {
    const decipher = createDecipheriv('aes-256-gcm', key, nonce(prefix, index));
    decipher.setAAD(last ? LAST : NOT_LAST);
    decipher.setAuthTag(sealed.subarray(plainLength));
    return Buffer.concat([decipher.update(sealed.subarray(0, plainLength)), decipher.final()]);
  } catch {
    throw new SealedFileError();
  }
}

export async function openSealedFile(path: string, key: Buffer): Promise<SealedFile> {
  const handle = await open(path, 'r');
  try {
    const fileSize = (await handle.stat()).size;
    const header = Buffer.alloc(HEADER_BYTES);
    await readFully(handle, header, 0);
    const prefix = prefixOf(header);
    return sealedFile(handle, key, prefix, sealedPlainSize(fileSize));
  } catch (error) {
    await handle.close();
    throw error;
  }
}

async function readFully(handle: FileHandle, buffer: Buffer, position: number): Promise<void> {
  let done = 0;
  while (done < buffer.length) {
    const { bytesRead } = await handle.read(buffer, done, buffer.length - done, position + done);
    if (bytesRead === 0) throw new SealedFileError();
    done += bytesRead;
  }
}

function sealedFile(handle: FileHandle, key: Buffer, prefix: Buffer, size: number): SealedFile {
  // The chunk read last: small positional reads (a zip directory, record by record) mostly stay in one chunk.
  let cached: { index: number; plain: Buffer } | null = null;
  const chunk = async (index: number): Promise<Buffer> => {
    if (cached?.index === index) return cached.plain;
    const { start, plainLength, last } = chunkAt(index, size);
    const sealed = Buffer.alloc(plainLength + TAG_BYTES);
    await readFully(handle, sealed, start);
    const plain = openChunk(key, prefix, index, last, sealed);
    cached = { index, plain };
    return plain;
  };

  async function* range(start: number, endInclusive: number): AsyncGenerator<Buffer> {
    let position = start;
    const end = Math.min(endInclusive + 1, size);
    while (position < end) {
      const index = Math.floor(position / SEALED_CHUNK);
      const plain = await chunk(index);
      const from = position - index * SEALED_CHUNK;
      const to = Math.min(plain.length, end - index * SEALED_CHUNK);
      // A copy: the cached chunk is reused by the next read.
      yield Buffer.from(plain.subarray(from, to));
      position += to - from;
    }
  }

  return {
    size,
    async read(buffer, offset, length, position) {
      let bytesRead = 0;
      for await (const piece of range(position, position + length - 1)) {
        piece.copy(buffer, offset + bytesRead);
        bytesRead += piece.length;
      }
      return { bytesRead };
    },
    stream(options = {}) {
      return Readable.from(range(options.start ?? 0, options.end ?? size - 1), { objectMode: false });
    },
    async readAll() {
      const parts: Buffer[] = [];
      for await (const piece of range(0, size - 1)) parts.push(piece);
      return Buffer.concat(parts);
    },
    close: () => handle.close(),
  };
}
