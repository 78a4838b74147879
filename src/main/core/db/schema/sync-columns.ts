import { integer, text } from 'drizzle-orm/sqlite-core';

/**
 * Columns every record that travels to the higher federation carries (docs/architecture.md §4). Triggers written in the
 * migrations bump `rev`, fill change_log and refuse hard deletes, so no write path can forget them
 * (see db/sync-triggers.ts and the test that checks every table with these columns has them).
 */
export function syncColumns() {
  return {
    id: text('id').primaryKey(),
    origin: text('origin').notNull(),
    rev: integer('rev').notNull().default(1),
    updatedAt: text('updated_at').notNull(),
    deletedAt: text('deleted_at'),
  };
}
