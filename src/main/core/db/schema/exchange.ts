import { sql } from 'drizzle-orm';
import { blob, index, sqliteTable, text, uniqueIndex, type AnySQLiteColumn } from 'drizzle-orm/sqlite-core';
import { users } from './users';

/**
 * The other offices whose key cards this office took in (issue 12, docs/domain.md "Key cards"): a centre trusts
 * its federation, a federation its centres. One row per card key: a key change adds a row that points to the one
 * it replaces, which stays (retired) so what it signed can still be checked. Nothing is deleted, and nothing here
 * travels: each office's trust is its own (no sync columns; the users are this office's).
 */
export const exchangePeers = sqliteTable(
  'exchange_peers',
  {
    id: text('id').primaryKey(),
    /** The other office's 统一社会信用代码, as its card says. */
    code: text('code').notNull(),
    name: text('name').notNull(),
    region: text('region').notNull(),
    mode: text('mode', { enum: ['centre', 'federation'] }).notNull(),
    /** The raw 32-byte Ed25519 public key. */
    ed25519: blob('ed25519', { mode: 'buffer' }).notNull(),
    /** The age recipient, age1…. */
    x25519: text('x25519').notNull(),
    /** 40 digits: the card's fingerprint over both keys. */
    fingerprint: text('fingerprint').notNull(),
    /** The card as it was imported (.bfkey text): printed for the confirmation record, checked again at will. */
    card: text('card').notNull(),
    cardCreatedAt: text('card_created_at').notNull(),
    /** pending (imported, fingerprint not yet confirmed) → trusted → replaced (by a newer key) or withdrawn. */
    status: text('status', { enum: ['pending', 'trusted', 'replaced', 'withdrawn'] }).notNull(),
    /** How the key came: a first card, a change signed by the trusted old key, or a new start after a lost key. */
    change: text('change', { enum: ['new', 'signed', 'restart'] }).notNull(),
    replacesId: text('replaces_id').references((): AnySQLiteColumn => exchangePeers.id),
    importedAt: text('imported_at').notNull(),
    importedBy: text('imported_by')
      .notNull()
      .references(() => users.id),
    confirmedAt: text('confirmed_at'),
    confirmedBy: text('confirmed_by').references(() => users.id),
    /** When it was replaced or withdrawn. */
    endedAt: text('ended_at'),
  },
  (t) => [
    index('exchange_peers_code').on(t.code),
    // One trusted key per office at a time (a key change retires the old row in the same transaction).
    uniqueIndex('exchange_peers_trusted_code')
      .on(t.code)
      .where(sql`status = 'trusted'`),
  ],
);
