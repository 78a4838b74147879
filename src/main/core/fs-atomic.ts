import { chmodSync, closeSync, existsSync, fsyncSync, mkdirSync, openSync, renameSync, statSync, writeSync } from 'node:fs';
import { dirname } from 'node:path';

/**
 * Everything the program writes in its data folder is for the signed-in Windows/Linux user only: files 0600,
 * folders 0700, set explicitly because a worker thread cannot change the process's umask (on Windows these modes
 * only decide read-only-ness; the data folder under the user's profile is private there).
 */
export const FILE_MODE = 0o600;
export const DIR_MODE = 0o700;

/** Makes `dir` (and missing parents) private to the user; folders that exist are narrowed at start (data-folder.ts). */
export function ensurePrivateDir(dir: string): void {
  if (existsSync(dir)) return;
  mkdirSync(dir, { recursive: true, mode: DIR_MODE });
  chmodPrivate(dir, DIR_MODE);
}

/** chmod that tolerates a file gone meanwhile (a -shm file SQLite removed as the last connection closed). */
export function chmodPrivate(path: string, mode = FILE_MODE): void {
  try {
    chmodSync(path, mode);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
}

/** Write to a temporary file, fsync, then rename: a power cut leaves the old file or the new one, never half. */
export function writeFileAtomic(path: string, data: string | Buffer, mode = FILE_MODE): void {
  ensurePrivateDir(dirname(path));
  const tmp = `${path}.${process.pid}.tmp`;
  const fd = openSync(tmp, 'w', mode);
  try {
    writeSync(fd, typeof data === 'string' ? Buffer.from(data) : data);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  // A temporary file left by a crash keeps its old mode when opened again: set it.
  chmodPrivate(tmp, mode);
  renameSync(tmp, path);
}

/** Flushes a file (or a folder, so that a rename in it is on disk) before the program relies on it. */
export function fsyncFile(path: string): void {
  const isFolder = statSync(path).isDirectory();
  let fd: number;
  try {
    // Windows flushes only a file opened for writing.
    fd = openSync(path, isFolder ? 'r' : 'r+');
  } catch (error) {
    // Windows cannot open a folder at all (NTFS journals its renames): nothing to flush there.
    if (isFolder) return;
    throw error;
  }
  try {
    fsyncSync(fd);
  } catch (error) {
    // Some file systems cannot fsync a folder (EINVAL); the rename still happened.
    if (!isFolder) throw error;
  } finally {
    closeSync(fd);
  }
}
