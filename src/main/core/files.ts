import { createHash } from 'node:crypto';
import { closeSync, existsSync, openSync, readdirSync, readSync, renameSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { Writable } from 'node:stream';
import { v7 as uuidv7 } from 'uuid';
import type { FileRef } from '@shared/contract';
import { AppError } from '@shared/errors';
import { ensurePrivateDir } from './fs-atomic';
import {
  openSealedFile,
  readSealedFileSync,
  SealedFileError,
  SealedWriter,
  sealedPlainSize,
  sealedWriteStream,
  writeSealedFile,
  type SealedFile,
} from './sealed-file';

/**
 * Files cross between the core and the host by id, never by path from the renderer:
 * - the outbox holds documents the core made (PDFs, exports); the host saves them through a dialog or a download;
 * - the inbox holds files the clerk picked; the host copies them in and the core reads them by upload id.
 *
 * Both hold personal data (a roster, a 申报表, the recovery sheet), so both are sealed (sealed-file.ts) with a key
 * that this run of the program made and keeps in memory only: the host makes it and hands it to the core. A copy
 * of the data folder, or what a crash leaves behind, cannot be read by anyone. Each file's name starts with the
 * run that wrote it (`<pid>-<tag>-`): at start the sweep removes what runs no longer alive left, and never what a
 * second copy of the program, still running on the same folder, is using.
 */
const ID = /^[0-9a-f-]{36}$/;
const DAY_MS = 86_400_000;

export interface TransientFiles {
  outboxDir: string;
  inboxDir: string;
  key: Buffer;
  /** `<pid>-<tag>-`: the start of every name this run writes (the tag tells two cores of one process apart). */
  owner: string;
}

export function transientFiles(dirs: { outboxDir: string; inboxDir: string }, key: Buffer): TransientFiles {
  if (key.length !== 32) throw new Error('the transient-file key must be 32 bytes');
  const tag = createHash('sha256').update(key).digest('hex').slice(0, 8);
  return { outboxDir: dirs.outboxDir, inboxDir: dirs.inboxDir, key, owner: `${process.pid}-${tag}-` };
}

interface OutboxMeta {
  name: string;
  mime: string;
}

function pathOf(files: TransientFiles, dir: string, id: string): string {
  return join(dir, `${files.owner}${id}`);
}

/** Gone, or not one of ours (sealed by another run): either way the clerk makes or picks it again. */
function goneOrForeign(error: unknown): boolean {
  return (error as NodeJS.ErrnoException).code === 'ENOENT' || error instanceof SealedFileError;
}

async function openOwn(path: string, key: Buffer): Promise<SealedFile> {
  try {
    return await openSealedFile(path, key);
  } catch (error) {
    if (goneOrForeign(error)) throw new AppError('FILE_NOT_FOUND');
    throw error;
  }
}

export function putOutboxFile(files: TransientFiles, name: string, mime: string, bytes: Buffer): FileRef {
  const fileId = uuidv7();
  const path = pathOf(files, files.outboxDir, fileId);
  ensurePrivateDir(files.outboxDir);
  writeSealedFile(`${path}.meta`, files.key, Buffer.from(JSON.stringify({ name, mime } satisfies OutboxMeta)));
  writeSealedFile(path, files.key, bytes);
  return { fileId, name, mime, bytes: bytes.length };
}

/**
 * Puts a copy of a file the core already has (a backup: hundreds of MB at a million members) into the outbox, read
 * and sealed 1 MB at a time rather than whole in memory.
 */
export function putOutboxFileFrom(files: TransientFiles, name: string, mime: string, sourcePath: string): FileRef {
  const fileId = uuidv7();
  const path = pathOf(files, files.outboxDir, fileId);
  ensurePrivateDir(files.outboxDir);
  writeSealedFile(`${path}.meta`, files.key, Buffer.from(JSON.stringify({ name, mime } satisfies OutboxMeta)));
  const tmp = `${path}.${process.pid}.tmp`;
  const writer = new SealedWriter(tmp, files.key);
  const source = openSync(sourcePath, 'r');
  try {
    const buffer = Buffer.alloc(1 << 20);
    for (let read; (read = readSync(source, buffer, 0, buffer.length, null)) > 0;) writer.write(Buffer.from(buffer.subarray(0, read)));
    writer.end();
  } catch (error) {
    writer.abort();
    rmSync(`${path}.meta`, { force: true });
    throw error;
  } finally {
    closeSync(source);
  }
  renameSync(tmp, path);
  return { fileId, name, mime, bytes: writer.bytes };
}

/** An outbox document, open for reading (the caller closes `file`). */
export async function openOutboxFile(files: TransientFiles, fileId: string): Promise<OutboxMeta & { file: SealedFile }> {
  if (!ID.test(fileId)) throw new AppError('FILE_NOT_FOUND');
  const path = pathOf(files, files.outboxDir, fileId);
  const metaFile = await openOwn(`${path}.meta`, files.key);
  let meta: OutboxMeta;
  try {
    meta = JSON.parse((await metaFile.readAll()).toString('utf8')) as OutboxMeta;
  } finally {
    await metaFile.close();
  }
  return { ...meta, file: await openOwn(path, files.key) };
}

/** An outbox document's name, type and content, whole (documents are a few MB at most). */
export async function readOutboxFile(files: TransientFiles, fileId: string): Promise<OutboxMeta & { bytes: Buffer }> {
  const { file, ...meta } = await openOutboxFile(files, fileId);
  try {
    return { ...meta, bytes: await file.readAll() };
  } finally {
    await file.close();
  }
}

export interface Upload {
  uploadId: string;
  name: string;
  bytes: number;
}

export function putInboxFile(files: TransientFiles, name: string, bytes: Buffer): Upload {
  const uploadId = uuidv7();
  ensurePrivateDir(files.inboxDir);
  writeSealedFile(pathOf(files, files.inboxDir, uploadId), files.key, bytes);
  return { uploadId, name, bytes: bytes.length };
}

/** A place in the inbox for a file written by streaming (large generated files); its upload id is known at once. */
export function reserveInboxFile(files: TransientFiles, name: string): Upload & { stream: Writable } {
  const uploadId = uuidv7();
  ensurePrivateDir(files.inboxDir);
  return { uploadId, name, bytes: 0, stream: sealedWriteStream(pathOf(files, files.inboxDir, uploadId), files.key) };
}

/** Where an upload is and the key that opens it: what the roster readers take (FileLocation), also in a thread. */
export function inboxFileLocation(files: TransientFiles, uploadId: string): { sealedPath: string; key: Buffer } {
  const path = pathOf(files, files.inboxDir, uploadId);
  if (!ID.test(uploadId) || !existsSync(path)) throw new AppError('FILE_NOT_FOUND');
  return { sealedPath: path, key: files.key };
}

/** An upload open for reading (the caller closes it). */
export function openInboxFile(files: TransientFiles, uploadId: string): Promise<SealedFile> {
  return openOwn(inboxFileLocation(files, uploadId).sealedPath, files.key);
}

export async function readInboxFile(files: TransientFiles, uploadId: string): Promise<Buffer> {
  const file = await openInboxFile(files, uploadId);
  try {
    return await file.readAll();
  } finally {
    await file.close();
  }
}

/** An upload's size, without reading it (to refuse one too large before it is read). */
export function inboxFileSize(files: TransientFiles, uploadId: string): number {
  try {
    return sealedPlainSize(statSync(inboxFileLocation(files, uploadId).sealedPath).size);
  } catch (error) {
    if (error instanceof SealedFileError) throw new AppError('FILE_NOT_FOUND');
    throw error;
  }
}

/** A small upload (a photo, a scanned page) read whole. */
export function readInboxFileSync(files: TransientFiles, uploadId: string): Buffer {
  try {
    return readSealedFileSync(inboxFileLocation(files, uploadId).sealedPath, files.key);
  } catch (error) {
    if (goneOrForeign(error)) throw new AppError('FILE_NOT_FOUND');
    throw error;
  }
}

/** An upload whose use is over (its import is committed): removed now rather than when the program quits. */
export function removeInboxFile(files: TransientFiles, uploadId: string): void {
  if (ID.test(uploadId)) rmSync(pathOf(files, files.inboxDir, uploadId), { force: true });
}

/** At quit: this run's files cannot be opened by any later run, so they go. */
export function removeOwnFiles(files: TransientFiles): void {
  for (const dir of [files.inboxDir, files.outboxDir]) {
    if (!existsSync(dir)) continue;
    for (const name of readdirSync(dir)) if (name.startsWith(files.owner)) rmSync(join(dir, name), { force: true });
  }
}

function isRunning(pid: number): boolean {
  if (pid === process.pid) return true;
  try {
    process.kill(pid, 0); // signal 0: only asks whether the process exists
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * At start: removes from the inbox or outbox what no running copy of the program can still use — files of runs
 * whose process is gone (a crash, a power cut), files of any run older than a day, and anything not named as a
 * run's file (what versions before sealing left in clear, a stray folder).
 */
export function sweepLeftovers(dir: string, now: Date, maxAgeMs = DAY_MS): void {
  if (!existsSync(dir)) return;
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    const owner = /^(\d+)-[0-9a-f]{8}-/.exec(name);
    try {
      if (owner && isRunning(Number(owner[1])) && now.getTime() - statSync(path).mtimeMs <= maxAgeMs) continue;
      rmSync(path, { force: true, recursive: true });
    } catch (error) {
      // Gone meanwhile: a second copy of the program starting at the same moment swept it first.
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    }
  }
}

/** Logs: cleared when older than their retention. */
export function sweepTransientFiles(dir: string, now: Date, maxAgeMs = DAY_MS): void {
  if (!existsSync(dir)) return;
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    try {
      if (now.getTime() - statSync(path).mtimeMs > maxAgeMs) rmSync(path, { force: true });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    }
  }
}
