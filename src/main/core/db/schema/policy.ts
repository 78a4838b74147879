import { index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { users } from './users';

/**
 * Policy values (shared/domain/policy.ts): one row per value with its effective date, never edited. A mistaken
 * value is voided (voided_at, by, reason) and kept, since files judged while it was in force were judged with it.
 * Triggers refuse DELETE. Local to the office: the federation keeps its own.
 */
export const policyValues = sqliteTable(
  'policy_values',
  {
    id: text('id').primaryKey(),
    key: text('key').notNull(),
    /** Six digits for values by region (the 低保 line); null for office-wide values. */
    regionCode: text('region_code'),
    effectiveFrom: text('effective_from').notNull(),
    value: integer('value').notNull(),
    createdAt: text('created_at').notNull(),
    createdBy: text('created_by')
      .notNull()
      .references(() => users.id),
    voidedAt: text('voided_at'),
    voidedBy: text('voided_by').references(() => users.id),
    voidReason: text('void_reason'),
  },
  (t) => [index('policy_values_key').on(t.key, t.regionCode, t.effectiveFrom)],
);

/**
 * The working calendar (工作日): public holidays (放假) and the weekends moved to work (调休上班), as the State
 * Council publishes them each year; weekdays and weekends need no row. A day's setting is changed by voiding its
 * row and adding another, so a notice counted under the old setting can still be explained.
 */
export const calendarDays = sqliteTable(
  'calendar_days',
  {
    id: text('id').primaryKey(),
    date: text('date').notNull(),
    kind: text('kind', { enum: ['holiday', 'workday'] }).notNull(),
    createdAt: text('created_at').notNull(),
    createdBy: text('created_by')
      .notNull()
      .references(() => users.id),
    voidedAt: text('voided_at'),
    voidedBy: text('voided_by').references(() => users.id),
  },
  (t) => [index('calendar_days_date').on(t.date)],
);
