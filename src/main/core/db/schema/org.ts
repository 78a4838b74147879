import { integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { syncColumns } from './sync-columns';

/** The office running this program. One row; `id` is also the `origin` of every record it creates. */
export const org = sqliteTable('org', {
  ...syncColumns(),
  name: text('name').notNull(),
  creditCode: text('credit_code').notNull(),
  regionCode: text('region_code').notNull(),
  mode: text('mode', { enum: ['centre', 'federation'] }).notNull(),
  idleLockMinutes: integer('idle_lock_minutes').notNull().default(10),
  /** The centre's own phone and address, printed on the 公示 as where to object (not personal data). */
  contactPhone: text('contact_phone'),
  contactAddress: text('contact_address'),
  createdAt: text('created_at').notNull(),
});
