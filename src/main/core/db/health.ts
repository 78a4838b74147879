import { createHmac } from 'node:crypto';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { AppError } from '@shared/errors';
import { writeFileAtomic } from '../fs-atomic';
import { openDatabase, schemaVersion, type OpenDatabase, type Sqlite } from './client';

/**
 * Is the database whole? quick_check reads every page of every table and index, so with SQLite3 Multiple Ciphers
 * (ChaCha20-Poly1305, a MAC on every page) a flipped byte anywhere fails it ("unable to get the page"), as does a
 * file cut short. It skips integrity_check's cross-checks of indexes against rows, which are for SQLite's own
 * bugs, not for damage on disk. Measured on the demo data (128 MiB cache, a 2-core machine under load): 200 000
 * members (58 MB) quick_check 0.5–1.1 s, integrity_check 2.8 s; 1 000 000 members (290 MB) quick_check 8.9–18.6 s,
 * integrity_check 135 s (docs/architecture.md §4). PRAGMA cipher_integrity_check
 * exists in SQLite3MC but reports nothing for a ChaCha20 page with a bad MAC, so it is not used.
 */
export function passesQuickCheck(sqlite: Sqlite): boolean {
  try {
    return sqlite.pragma('quick_check(1)', { simple: true }) === 'ok';
  } catch {
    return false;
  }
}

/**
 * Checks a database file that is about to be relied on (a backup just written, a copy about to replace the
 * database): it opens with the key, passes quick_check and is not from a newer version. Throws DB_WRONG_KEY,
 * DB_DAMAGED or DB_TOO_NEW.
 */
export function checkDatabaseCopy(path: string, key: Buffer, knownVersions: number): void {
  openCheckedCopy(path, key, knownVersions).sqlite.close();
}

/** checkDatabaseCopy that leaves the copy open (read-only) for the caller to read more of it; the caller closes it. */
export function openCheckedCopy(path: string, key: Buffer, knownVersions: number): OpenDatabase {
  const copy = openDatabase(path, key, { readonly: true });
  try {
    if (!passesQuickCheck(copy.sqlite)) throw new AppError('DB_DAMAGED');
    if (schemaVersion(copy.sqlite) > knownVersions) throw new AppError('DB_TOO_NEW');
  } catch (error) {
    copy.sqlite.close();
    throw error;
  }
  return copy;
}

/** True when the key opens the file far enough to read its schema (page 1 decrypts and its MAC holds). */
export function keyOpens(path: string, key: Buffer): boolean {
  try {
    openDatabase(path, key, { readonly: true }).sqlite.close();
    return true;
  } catch {
    return false;
  }
}

export function fileSize(path: string): number | null {
  return existsSync(path) ? statSync(path).size : null;
}

/*
 * A wrong key and a damaged first page look the same to SQLite3MC (SQLITE_NOTADB: page 1's MAC fails either way).
 * The key check file tells them apart: an HMAC of a fixed text under the key, written once the database has opened
 * with that key. It reveals nothing of a 256-bit random key, and it lets the next start say "this key is the one
 * that opened the database before", so the clerk is shown "the database is damaged", not asked for the recovery code.
 */
const KEY_CHECK_TEXT = 'bangfu-desk key check v1';

function keyFingerprint(key: Buffer): string {
  return createHmac('sha256', key).update(KEY_CHECK_TEXT).digest('base64');
}

export function recordKeyCheck(path: string, key: Buffer): void {
  const fingerprint = keyFingerprint(key);
  if (readKeyCheck(path) !== fingerprint) writeFileAtomic(path, `${fingerprint}\n`, 0o600);
}

export function keyCheckVerdict(path: string, key: Buffer): 'matches' | 'differs' | 'unknown' {
  const recorded = readKeyCheck(path);
  if (recorded === null) return 'unknown';
  return recorded === keyFingerprint(key) ? 'matches' : 'differs';
}

function readKeyCheck(path: string): string | null {
  try {
    return readFileSync(path, 'utf8').trim() || null;
  } catch {
    return null;
  }
}
