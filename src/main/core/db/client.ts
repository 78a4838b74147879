import Database from 'better-sqlite3';
import { drizzle, type BetterSQLite3Database } from 'drizzle-orm/better-sqlite3';
import { AppError } from '@shared/errors';
import { nameGrams } from '../features/roster/name-grams';
import * as schema from './schema';

export type Sqlite = Database.Database;
export type Db = BetterSQLite3Database<typeof schema>;

export interface OpenDatabase {
  sqlite: Sqlite;
  db: Db;
}

/**
 * The page size a database is created with (a centre's; a federation's is made again at setup, below). SQLite3
 * Multiple Ciphers encrypts each page whole with its own nonce and tag, so a bigger page means fewer pages to split,
 * encrypt and write, and more to decrypt for one row read cold. An encrypted database cannot change it later (VACUUM
 * and VACUUM INTO keep it): it is fixed when the file is created.
 */
export const NEW_DATABASE_PAGE_SIZE = 4096;

/**
 * A federation's database, made again at setup while it holds only its schema (lifecycle.ts recreateEmptyDatabase):
 * it takes in its centres' millions of records, where bigger pages cut the import's page splits, WAL frames and
 * their encryption; a centre keeps 4 KiB pages, whose cold reads of one page decrypt less (docs/architecture.md).
 */
export const FEDERATION_PAGE_SIZE = 16384;

/** Applies the raw 32-byte key (SQLite3 Multiple Ciphers, default cipher ChaCha20-Poly1305). */
export function applyKey(sqlite: Sqlite, key: Buffer): void {
  if (key.length !== 32) throw new Error('database key must be 32 bytes');
  sqlite.pragma(`key = "x'${key.toString('hex')}'"`);
}

/**
 * Opens (or creates) the encrypted database and sets the pragmas of docs/architecture.md §4.
 * A wrong key shows up as SQLITE_NOTADB on the first read: it becomes DB_WRONG_KEY, never a crash. A damaged first
 * page reads the same (its MAC fails), so a caller that holds other evidence of the key tells them apart
 * (db/start.ts). A file cut short reads as SQLITE_CORRUPT: DB_DAMAGED.
 */
export function openDatabase(path: string, key: Buffer, options: { readonly?: boolean; pageSize?: number } = {}): OpenDatabase {
  const sqlite = new Database(path, { readonly: options.readonly ?? false, fileMustExist: options.readonly ?? false });
  try {
    applyKey(sqlite, key);
    sqlite.prepare('SELECT count(*) FROM sqlite_schema').get();
  } catch (error) {
    sqlite.close();
    if ((error as { code?: string }).code === 'SQLITE_NOTADB') throw new AppError('DB_WRONG_KEY');
    if (isDatabaseDamaged(error)) throw new AppError('DB_DAMAGED');
    throw error;
  }
  // SQLite3 Multiple Ciphers encrypts the database, its journal and its WAL, not SQLite's temporary files: TEMP tables
  // (a federation report's shadows hold every file's names and ID numbers) and sorts that spill (an ORDER BY, CREATE
  // INDEX) would reach the OS temp folder in clear. In memory they never touch a disk; the
  // price is their size in RAM while a statement or call runs (tests/core/db-temp-store.test.ts).
  sqlite.pragma('temp_store = MEMORY');
  registerFunctions(sqlite);
  if (!options.readonly) {
    // Takes effect only on a file with no page yet (before WAL, before the first table); an existing database keeps
    // the page size it was created with, so this is a no-op on every later open.
    sqlite.pragma(`page_size = ${options.pageSize ?? NEW_DATABASE_PAGE_SIZE}`);
    sqlite.pragma('journal_mode = WAL');
    sqlite.pragma('synchronous = FULL');
  }
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('cache_size = -131072'); // 128 MiB
  sqlite.pragma('busy_timeout = 5000');
  return { sqlite, db: drizzle(sqlite, { schema }) };
}

/** SQL functions the schema's triggers call; every connection of the program has them. */
function registerFunctions(sqlite: Sqlite): void {
  sqlite.function('bangfu_grams', { deterministic: true }, (name: unknown) => nameGrams(String(name ?? '')));
}

export function schemaVersion(sqlite: Sqlite): number {
  return sqlite.pragma('user_version', { simple: true }) as number;
}

/**
 * Another program on this database (a second copy of the program: the single-instance lock is per user) held its
 * write lock longer than busy_timeout, e.g. during an import. The clerk is asked to try again, as for an import in
 * this program (BUSY), not told of an internal error.
 */
export function isDatabaseBusy(error: unknown): boolean {
  return (error as { code?: unknown } | null)?.code === 'SQLITE_BUSY';
}

/** SQLite's words for a file whose pages are not what it wrote: a bad MAC, a page past the end, a malformed tree. */
export function isDatabaseDamaged(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return code === 'SQLITE_CORRUPT' || code === 'SQLITE_CORRUPT_INDEX' || code === 'SQLITE_IOERR_SHORT_READ';
}
