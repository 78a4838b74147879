import { createReadStream } from 'node:fs';
import { open, readFile } from 'node:fs/promises';
import type { Readable } from 'node:stream';
import { openSealedFile, type SealedFile } from '../../../sealed-file';

/**
 * What the readers need of a file: its size, positional reads (the zip directory), byte-range streams and the
 * whole content (.xls). A roster upload is sealed in the inbox (sealed-file.ts); fixtures and tools read a plain
 * path. Both are opened here, so the readers do not know which one they have.
 */
export type ByteFile = Pick<SealedFile, 'size' | 'read' | 'stream' | 'readAll' | 'close'>;

/** A plain path, or a sealed file with its key (a Uint8Array, as it arrives in a reader thread). */
export type FileLocation = string | { sealedPath: string; key: Uint8Array };

export function locationName(location: FileLocation): string {
  return typeof location === 'string' ? location : location.sealedPath;
}

export async function openByteFile(location: FileLocation): Promise<ByteFile> {
  if (typeof location !== 'string') {
    const key = Buffer.from(location.key.buffer, location.key.byteOffset, location.key.byteLength);
    return openSealedFile(location.sealedPath, key);
  }
  const path = location;
  const handle = await open(path, 'r');
  let size: number;
  try {
    size = (await handle.stat()).size;
  } catch (error) {
    await handle.close();
    throw error;
  }
  return {
    size,
    read: (buffer, offset, length, position) => handle.read(buffer, offset, length, position),
    stream: (options = {}): Readable => createReadStream(path, { ...options, highWaterMark: 1 << 20 }),
    readAll: () => readFile(path),
    close: () => handle.close(),
  };
}

/** Runs `use` on a file given as either a location or an already open file (closing only what it opened). */
export async function withByteFile<T>(file: ByteFile | FileLocation, use: (file: ByteFile) => Promise<T>): Promise<T> {
  if (typeof file === 'object' && 'read' in file) return use(file);
  const opened = await openByteFile(file);
  try {
    return await use(opened);
  } finally {
    await opened.close();
  }
}
