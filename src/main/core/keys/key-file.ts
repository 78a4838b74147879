import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { writeFileAtomic } from '../fs-atomic';

/**
 * The database key kept as a file in the data folder: only for the web host and tests (docs/architecture.md §4).
 * Electron keeps the same 32 bytes wrapped by safeStorage (src/main/electron/keychain.ts).
 */
export function readKeyFile(path: string): Buffer | null {
  if (!existsSync(path)) return null;
  const key = Buffer.from(readFileSync(path, 'utf8').trim(), 'hex');
  return key.length === 32 ? key : null;
}

export function writeKeyFile(path: string, key: Buffer): void {
  writeFileAtomic(path, key.toString('hex'), 0o600);
}

export function newDatabaseKey(): Buffer {
  return randomBytes(32);
}
