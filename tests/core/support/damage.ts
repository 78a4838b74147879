import { closeSync, openSync, readSync, statSync, truncateSync, writeSync } from 'node:fs';

/** What a failing disk or a bad copy does to a file: a few bytes inverted at `offset` (default: the middle). */
export function flipBytes(path: string, offset = Math.floor(statSync(path).size / 2), count = 16): void {
  const fd = openSync(path, 'r+');
  try {
    const bytes = Buffer.alloc(count);
    readSync(fd, bytes, 0, count, offset);
    for (let i = 0; i < count; i++) bytes[i] = bytes[i]! ^ 0xff;
    writeSync(fd, bytes, 0, count, offset);
  } finally {
    closeSync(fd);
  }
}

/** A copy of `bytes` with the bits of `mask` inverted in the byte at `at`: one byte changed, as a tamperer might. */
export function withBitsFlipped(bytes: Buffer, at: number, mask = 0x01): Buffer {
  const copy = Buffer.from(bytes);
  copy[at] = copy[at]! ^ mask;
  return copy;
}

/** What a copy cut short leaves: the first half of the file. */
export function cutInHalf(path: string): void {
  truncateSync(path, Math.floor(statSync(path).size / 2));
}
