import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { AppError } from '@shared/errors';
import { schemaVersion, type Sqlite } from './client';

/**
 * Migrations are the SQL files drizzle-kit generated (resources/migrations, listed in meta/_journal.json), applied in
 * order. PRAGMA user_version counts how many are applied. A database with more than this program knows is from a
 * newer version: refused, never "repaired".
 */
export interface Migration {
  index: number;
  tag: string;
  statements: string[];
}

export function loadMigrations(migrationsDir: string): Migration[] {
  const journal = JSON.parse(readFileSync(join(migrationsDir, 'meta', '_journal.json'), 'utf8')) as {
    entries: { idx: number; tag: string }[];
  };
  return journal.entries
    .sort((a, b) => a.idx - b.idx)
    .map((entry) => ({
      index: entry.idx,
      tag: entry.tag,
      statements: readFileSync(join(migrationsDir, `${entry.tag}.sql`), 'utf8')
        .split('--> statement-breakpoint')
        .map((s) => s.trim())
        .filter(Boolean),
    }));
}

export function pendingMigrations(sqlite: Sqlite, migrations: Migration[]): Migration[] {
  const applied = schemaVersion(sqlite);
  if (applied > migrations.length) {
    throw new AppError('DB_TOO_NEW', { databaseVersion: applied, programVersion: migrations.length });
  }
  return migrations.slice(applied);
}

/**
 * Applies the pending migrations in one transaction: all of them, or none. A migration that rebuilds tables defers
 * the foreign keys to the commit (PRAGMA foreign_keys cannot change inside a transaction); rows that then name a
 * missing parent (an older database's damage, never fixed by guessing) refuse the whole upgrade, naming the tables.
 */
export function applyMigrations(sqlite: Sqlite, pending: Migration[]): void {
  if (pending.length === 0) return;
  const last = pending[pending.length - 1]!;
  sqlite
    .transaction(() => {
      for (const migration of pending) {
        for (const statement of migration.statements) sqlite.exec(statement);
      }
      const orphans = orphanedReferences(sqlite);
      if (orphans.length > 0) {
        throw new Error(`migration to version ${last.index + 1} refused: rows name a missing parent (${orphans.join(', ')})`);
      }
      sqlite.pragma(`user_version = ${last.index + 1}`);
    })
    .immediate();
}

/** "child → parent: count" for each foreign key with rows naming no parent row; the rows themselves are not shown. */
export function orphanedReferences(sqlite: Sqlite): string[] {
  const rows = sqlite.pragma('foreign_key_check') as { table: string; parent: string; fkid: number }[];
  const counts = new Map<string, number>();
  for (const row of rows) {
    const key = `${row.table} → ${row.parent}`;
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return [...counts].map(([key, count]) => `${key}: ${count}`).sort();
}
