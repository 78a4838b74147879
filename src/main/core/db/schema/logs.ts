import { sql } from 'drizzle-orm';
import { check, index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { users } from './users';

/**
 * Who did what to which record. Each entry's hash covers its fields and the previous entry's hash, so an edited or
 * removed entry breaks the chain ("verify chain"). Triggers refuse UPDATE and DELETE on this table.
 */
export const auditLog = sqliteTable(
  'audit_log',
  {
    seq: integer('seq').primaryKey({ autoIncrement: true }),
    at: text('at').notNull(),
    userId: text('user_id').references(() => users.id),
    userName: text('user_name'),
    action: text('action').notNull(),
    recordType: text('record_type'),
    recordId: text('record_id'),
    summary: text('summary').notNull(),
    prevHash: text('prev_hash').notNull(),
    hash: text('hash').notNull(),
  },
  (t) => [
    index('audit_log_at').on(t.at),
    index('audit_log_user').on(t.userId, t.seq),
    index('audit_log_action').on(t.action, t.seq),
    // A record's history (a member's 修改记录).
    index('audit_log_record').on(t.recordId, t.seq),
  ],
);

/**
 * Filled by triggers on every travelling table: what changed since the last batch to the federation. Read in seq
 * order from the last batch on, so it needs no other index (one cost 55 bytes per member at a million members).
 * Small tables name the record by its UUID (record_id); the roster's big table by its integer ref (record_ref),
 * which is 3 bytes instead of 36 and a million entries long after one import.
 */
export const changeLog = sqliteTable(
  'change_log',
  {
    seq: integer('seq').primaryKey({ autoIncrement: true }),
    tableName: text('table_name').notNull(),
    recordId: text('record_id'),
    recordRef: integer('record_ref'),
    /** A bulk import's inserts are one entry: refs record_ref … record_ref + record_count − 1 (null: one record). */
    recordCount: integer('record_count'),
    op: text('op', { enum: ['insert', 'update'] }).notNull(),
    rev: integer('rev').notNull(),
  },
  () => [check('change_log_one_record_key', sql`(record_id IS NULL) <> (record_ref IS NULL)`)],
);
