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

/** What a copy cut short leaves: the first half of the file. */
export function cutInHalf(path: string): void {
  truncateSync(path, Math.floor(statSync(path).size / 2));
}
