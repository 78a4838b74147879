import type { Sqlite } from '../db/client';
import { openDatabase } from '../db/client';

/*
 * The organisation's keys are its identity, not data a restore rolls back: a voucher printed yesterday was signed
 * with the key the database had yesterday, whatever backup is put in place today. So a restore carries every row
 * of `org_keys` of the database it replaces into the restored one (any purpose: the signing key, issue 12's
 * exchange key, what comes later). The replaced database's state wins: its active key stays active, its retired
 * keys stay retired; a key only the backup had is kept, retired, so what it signed still verifies. The rows hold
 * private keys: they pass from one encrypted database to the other in memory only, never to a file, log or audit.
 */

export interface OrgKeyRow {
  id: string;
  purpose: string;
  algorithm: string;
  publicKey: Buffer;
  privateKey: Buffer;
  createdAt: string;
  retiredAt: string | null;
}

const SELECT_KEYS = `SELECT id, purpose, algorithm, public_key AS publicKey, private_key AS privateKey,
  created_at AS createdAt, retired_at AS retiredAt FROM org_keys`;

/** Every key row of a database; none when it predates the table (a database from before migration 0019). */
export function readOrgKeys(sqlite: Sqlite): OrgKeyRow[] {
  const table = sqlite.prepare("SELECT 1 FROM sqlite_schema WHERE type = 'table' AND name = 'org_keys'").get();
  return table ? (sqlite.prepare(SELECT_KEYS).all() as OrgKeyRow[]) : [];
}

/**
 * The keys of a database file that may be damaged (the damaged screen's restore): whatever of `org_keys` still
 * reads. A page that fails its MAC throws rather than returning wrong bytes, so what is read is what was written;
 * nothing readable means nothing to carry (the restored backup's own keys then stay as they are).
 */
export function readOrgKeysOfFile(path: string, key: Buffer): OrgKeyRow[] {
  try {
    const { sqlite } = openDatabase(path, key, { readonly: true });
    try {
      return readOrgKeys(sqlite);
    } finally {
      sqlite.close();
    }
  } catch {
    return [];
  }
}

export interface CarryCounts {
  /** Keys of the replaced database the restored one did not have, added. */
  added: number;
  /** Keys whose retired state was brought in line with the replaced database's. */
  updated: number;
  /** Keys only the restored backup had that were active, now retired. */
  retired: number;
}

/**
 * Puts `carried` (the replaced database's keys) into `sqlite` (the restored one, migrated). Call inside the
 * transaction that records it. A purpose the carried keys have no active key for keeps the restored database's
 * keys as they are: retiring them would leave it without one, and a new key would be made at the next start.
 */
export function carryOrgKeys(sqlite: Sqlite, carried: OrgKeyRow[], at: string): CarryCounts {
  const counts: CarryCounts = { added: 0, updated: 0, retired: 0 };
  const present = new Map(readOrgKeys(sqlite).map((row) => [row.id, row]));
  const insert = sqlite.prepare(
    `INSERT INTO org_keys (id, purpose, algorithm, public_key, private_key, created_at, retired_at) VALUES (?, ?, ?, ?, ?, ?, ?)`,
  );
  const setRetired = sqlite.prepare('UPDATE org_keys SET retired_at = ? WHERE id = ?');
  for (const row of carried) {
    const there = present.get(row.id);
    if (!there) {
      insert.run(row.id, row.purpose, row.algorithm, row.publicKey, row.privateKey, row.createdAt, row.retiredAt);
      counts.added++;
    } else if (there.retiredAt !== row.retiredAt) {
      setRetired.run(row.retiredAt, row.id);
      counts.updated++;
    }
  }
  const carriedIds = new Set(carried.map((row) => row.id));
  const activePurposes = new Set(carried.filter((row) => row.retiredAt === null).map((row) => row.purpose));
  for (const row of present.values()) {
    if (carriedIds.has(row.id) || row.retiredAt !== null || !activePurposes.has(row.purpose)) continue;
    setRetired.run(at, row.id);
    counts.retired++;
  }
  return counts;
}
