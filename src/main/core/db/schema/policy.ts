import { index, integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { aidPrograms } from './aid';
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
    /** Set for a value taken from the federation's policy file (issue 12): its code and the file's issue number. */
    sourceCode: text('source_code'),
    sourceIssue: integer('source_issue'),
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

/*
 * Policy files (issue 12, docs/exchange-format.md "The policy file"): the federation signs its policy values and
 * programs into a `.bfp`; a centre takes them in as new dated values. Neither table travels.
 */

/** The federation's side: one row per policy file it issued, numbered from 1. */
export const policyFileIssues = sqliteTable('policy_file_issues', {
  issue: integer('issue').primaryKey(),
  createdAt: text('created_at').notNull(),
  createdBy: text('created_by')
    .notNull()
    .references(() => users.id),
  valueCount: integer('value_count').notNull(),
  programCount: integer('program_count').notNull(),
  /** SHA-256 of the whole file, lowercase hex. */
  sha256: text('sha256').notNull(),
});

/** The centre's side: one row per policy file it took in (a repeat adds none; an older issue is refused). */
export const policyFileImports = sqliteTable(
  'policy_file_imports',
  {
    id: text('id').primaryKey(),
    /** The federation's 统一社会信用代码 and the key fingerprint (SHA-256 hex) that signed the file. */
    sourceCode: text('source_code').notNull(),
    sourceKey: text('source_key').notNull(),
    issue: integer('issue').notNull(),
    fileCreatedAt: text('file_created_at').notNull(),
    sha256: text('sha256').notNull(),
    importedAt: text('imported_at').notNull(),
    importedBy: text('imported_by')
      .notNull()
      .references(() => users.id),
    valuesAdded: integer('values_added').notNull(),
    valuesSkipped: integer('values_skipped').notNull(),
    programsAdded: integer('programs_added').notNull(),
    programsSkipped: integer('programs_skipped').notNull(),
  },
  (t) => [uniqueIndex('policy_file_imports_issue').on(t.sourceCode, t.issue)],
);

/**
 * A program a centre took from a policy file: the centre's own program (its origin, so it travels up like the
 * others) and which federation program it came from, so that the same program in a later file is not added twice.
 */
export const policyFilePrograms = sqliteTable(
  'policy_file_programs',
  {
    programId: text('program_id')
      .primaryKey()
      .references(() => aidPrograms.id),
    sourceCode: text('source_code').notNull(),
    sourceIssue: integer('source_issue').notNull(),
    /** The program's id at the federation. */
    sourceProgramId: text('source_program_id').notNull(),
  },
  (t) => [uniqueIndex('policy_file_programs_source').on(t.sourceCode, t.sourceProgramId)],
);
