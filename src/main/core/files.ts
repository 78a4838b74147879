import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, unlinkSync } from 'node:fs';
import { join } from 'node:path';
import { v7 as uuidv7 } from 'uuid';
import type { FileRef } from '@shared/contract';
import { AppError } from '@shared/errors';
import { writeFileAtomic } from './fs-atomic';

/**
 * Files cross between the core and the host by id, never by path from the renderer:
 * - the outbox holds documents the core made (PDFs, exports); the host saves them through a dialog or a download;
 * - the inbox holds files the clerk picked; the host copies them in and the core reads them by upload id.
 */
const ID = /^[0-9a-f-]{36}$/;

interface OutboxMeta {
  name: string;
  mime: string;
}

export function putOutboxFile(outboxDir: string, name: string, mime: string, bytes: Buffer): FileRef {
  const fileId = uuidv7();
  writeFileAtomic(join(outboxDir, fileId), bytes, 0o600);
  writeFileAtomic(join(outboxDir, `${fileId}.json`), JSON.stringify({ name, mime } satisfies OutboxMeta));
  return { fileId, name, mime, bytes: bytes.length };
}

export function readOutboxFile(outboxDir: string, fileId: string): { path: string; name: string; mime: string } {
  if (!ID.test(fileId) || !existsSync(join(outboxDir, fileId))) throw new AppError('FILE_NOT_FOUND');
  const meta = JSON.parse(readFileSync(join(outboxDir, `${fileId}.json`), 'utf8')) as OutboxMeta;
  return { path: join(outboxDir, fileId), ...meta };
}

export interface Upload {
  uploadId: string;
  name: string;
  bytes: number;
}

export function putInboxFile(inboxDir: string, name: string, bytes: Buffer): Upload {
  const uploadId = uuidv7();
  writeFileAtomic(join(inboxDir, uploadId), bytes, 0o600);
  writeFileAtomic(join(inboxDir, `${uploadId}.json`), JSON.stringify({ name }));
  return { uploadId, name, bytes: bytes.length };
}

/** A place in the inbox for a file written by streaming (large generated files); its upload id is known at once. */
export function reserveInboxFile(inboxDir: string, name: string): Upload & { path: string } {
  const uploadId = uuidv7();
  mkdirSync(inboxDir, { recursive: true });
  writeFileAtomic(join(inboxDir, `${uploadId}.json`), JSON.stringify({ name }));
  return { uploadId, name, bytes: 0, path: join(inboxDir, uploadId) };
}

export function inboxFilePath(inboxDir: string, uploadId: string): string {
  const path = join(inboxDir, uploadId);
  if (!ID.test(uploadId) || !existsSync(path)) throw new AppError('FILE_NOT_FOUND');
  return path;
}

/** Documents and uploads are transient copies of data the database holds: cleared when older than a day (logs: older than their retention). */
export function sweepTransientFiles(dir: string, now: Date, maxAgeMs = 86_400_000): void {
  if (!existsSync(dir)) return;
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    try {
      if (now.getTime() - statSync(path).mtimeMs > maxAgeMs) unlinkSync(path);
    } catch (error) {
      // Gone meanwhile: a second copy of the program starting at the same moment swept it first.
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    }
  }
}
