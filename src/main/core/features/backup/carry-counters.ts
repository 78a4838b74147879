import type { Sqlite } from '../../db/client';
import { openDatabase } from '../../db/client';

/*
 * Numbers handed out on paper are never handed out again: a voucher 2027-000004 or a hardship file number printed
 * before a restore stays in circulation whatever backup is put in place. So, like the keys (keys/carry-keys.ts), a
 * restore carries the high-water marks of the counters of the database it replaces into the restored one: each
 * (kind, year) of `document_serials` and each (region, year) of `file_numbers` ends at max(replaced, restored). The
 * records themselves are not carried (they are what the restore rolls back); only their numbers stay used.
 */

export interface CounterRows {
  serials: { kind: string; year: number; last: number }[];
  fileNumbers: { regionCode: string; year: number; last: number }[];
}

const NONE: CounterRows = { serials: [], fileNumbers: [] };

function hasTable(sqlite: Sqlite, name: string): boolean {
  return sqlite.prepare("SELECT 1 FROM sqlite_schema WHERE type = 'table' AND name = ?").get(name) !== undefined;
}

/** The counters of a database; none of a table it predates. */
export function readCounters(sqlite: Sqlite): CounterRows {
  return {
    serials: hasTable(sqlite, 'document_serials')
      ? (sqlite.prepare('SELECT kind, year, last FROM document_serials').all() as CounterRows['serials'])
      : [],
    fileNumbers: hasTable(sqlite, 'file_numbers')
      ? (sqlite.prepare('SELECT region_code AS regionCode, year, last FROM file_numbers').all() as CounterRows['fileNumbers'])
      : [],
  };
}

/** The counters of a database file that may be damaged: whatever still reads (a failed page throws, never lies). */
export function readCountersOfFile(path: string, key: Buffer): CounterRows {
  try {
    const { sqlite } = openDatabase(path, key, { readonly: true });
    try {
      return readCounters(sqlite);
    } finally {
      sqlite.close();
    }
  } catch {
    return NONE;
  }
}

/**
 * Raises the counters of `sqlite` (the restored database, migrated) to at least `carried`. Call inside the
 * transaction that records it. Returns how many counters were raised (a counter the backup lacked counts too).
 */
export function carryCounters(sqlite: Sqlite, carried: CounterRows): number {
  let raised = 0;
  const serial = sqlite.prepare(
    `INSERT INTO document_serials (kind, year, last) VALUES (?, ?, ?)
     ON CONFLICT (kind, year) DO UPDATE SET last = excluded.last WHERE excluded.last > last`,
  );
  for (const row of carried.serials) raised += serial.run(row.kind, row.year, row.last).changes;
  const fileNumber = sqlite.prepare(
    `INSERT INTO file_numbers (region_code, year, last) VALUES (?, ?, ?)
     ON CONFLICT (region_code, year) DO UPDATE SET last = excluded.last WHERE excluded.last > last`,
  );
  for (const row of carried.fileNumbers) raised += fileNumber.run(row.regionCode, row.year, row.last).changes;
  return raised;
}
