import { sql } from 'drizzle-orm';
import { blob, index, integer, sqliteTable, text, uniqueIndex, type AnySQLiteColumn } from 'drizzle-orm/sqlite-core';
import { users } from './users';

/**
 * The roster is the big table (a million members): every byte per row counts (target ≤ 300 bytes per member with
 * its indexes, measured by `npm run bench`). So, unlike the small tables:
 * - members.id is the UUIDv7 as 16 bytes (BLOB), not 36 characters; the contract still speaks text UUIDs;
 * - members point to their office, unit and union by small integer refs, not by UUID text;
 * - gender and birth date are not stored: they are read from the ID number (GB 11643);
 * - updated_at is an integer of milliseconds.
 * Search indexes that drizzle cannot express (the name n-gram FTS table, the ID-tail expression index) and the sync
 * triggers live in the custom migration 0003_roster_search.sql (created again as they were by the migrations that
 * rebuild the table: 0008, and the one that gave it its foreign keys).
 */

/** The offices whose records this database holds, so that big tables can name them by a small integer. */
export const origins = sqliteTable('origins', {
  ref: integer('ref').primaryKey(),
  code: text('code').notNull().unique(),
});

/** 工作单位 (kind employer) and 基层工会 (kind union), as the roster names them; renamed and merged by clerks. */
export const units = sqliteTable(
  'units',
  {
    ref: integer('ref').primaryKey(),
    id: text('id').notNull().unique(),
    origin: text('origin').notNull(),
    rev: integer('rev').notNull().default(1),
    updatedAt: text('updated_at').notNull(),
    deletedAt: text('deleted_at'),
    kind: text('kind', { enum: ['employer', 'union'] }).notNull(),
    name: text('name').notNull(),
    /** The name folded for matching: half-width, no spaces, lower case ("某某 公司" = "某某公司"). */
    nameKey: text('name_key').notNull(),
    /** Set when merged into another unit (then also deleted_at): the old spelling stays as history. */
    mergedIntoRef: integer('merged_into_ref').references((): AnySQLiteColumn => units.ref),
  },
  (t) => [
    uniqueIndex('units_kind_name_key')
      .on(t.kind, t.nameKey)
      .where(sql`deleted_at IS NULL`),
  ],
);

export const members = sqliteTable(
  'members',
  {
    ref: integer('ref').primaryKey(),
    id: blob('id', { mode: 'buffer' }).notNull().unique(),
    originRef: integer('origin_ref')
      .notNull()
      .references(() => origins.ref),
    rev: integer('rev').notNull().default(1),
    /** Milliseconds since 1970 (UTC), not ISO text: 6 bytes instead of 24 on a million rows; ISO in the contract. */
    updatedAt: integer('updated_at').notNull(),
    deletedAt: text('deleted_at'),
    name: text('name').notNull(),
    /** Normalised 18 characters (GB 11643). */
    idNumber: text('id_number').notNull(),
    phone: text('phone'),
    /** GB 3304 code. */
    ethnicity: text('ethnicity'),
    unitRef: integer('unit_ref').references(() => units.ref),
    unionRef: integer('union_ref').references(() => units.ref),
    joinedOn: text('joined_on'),
    cardNo: text('card_no'),
    status: text('status', { enum: ['active', 'transferred', 'withdrawn', 'deceased'] })
      .notNull()
      .default('active'),
    statusOn: text('status_on'),
    statusReason: text('status_reason'),
    note: text('note'),
    /** Full pinyin with surnames read as surnames ("shanxiongxin"): search by pinyin and the default sort. */
    namePinyin: text('name_pinyin').notNull(),
    /** Initials ("sxx"): search by initials. */
    nameInitials: text('name_initials').notNull(),
  },
  (t) => [
    uniqueIndex('members_id_number')
      .on(t.idNumber)
      .where(sql`deleted_at IS NULL`),
    index('members_pinyin').on(t.namePinyin),
    // Initials then pinyin: a page of an initials search is read in index order, without sorting thousands of rows.
    index('members_initials').on(t.nameInitials, t.namePinyin),
    index('members_unit').on(t.unitRef),
    index('members_union').on(t.unionRef),
    index('members_phone')
      .on(t.phone)
      .where(sql`phone IS NOT NULL`),
  ],
);

/** 导入记录: one row per committed roster file (its content hash warns when the same file comes again). */
export const rosterImports = sqliteTable(
  'roster_imports',
  {
    id: text('id').primaryKey(),
    at: text('at').notNull(),
    userId: text('user_id').references(() => users.id),
    userName: text('user_name'),
    fileName: text('file_name').notNull(),
    fileHash: text('file_hash').notNull(),
    format: text('format').notNull(),
    rows: integer('rows').notNull(),
    newCount: integer('new_count').notNull(),
    updatedCount: integer('updated_count').notNull(),
    unchangedCount: integer('unchanged_count').notNull(),
    skippedCount: integer('skipped_count').notNull(),
    rejectedCount: integer('rejected_count').notNull(),
  },
  (t) => [index('roster_imports_hash').on(t.fileHash)],
);
