import { index, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { users } from './users';

/**
 * 存量档案 imports awaiting a second person (four eyes, as approval has them). A clerk's import stages its files
 * (hardship_files with status 'staged', no number); a reviewer or administrator other than the one who staged it
 * confirms the batch (the files become 在档 and are numbered, all or none) or rejects it, or the stager withdraws
 * it (the staged files are then tombstoned). Kept whatever the outcome: it is the record of who did what.
 */
export const fileImports = sqliteTable(
  'file_imports',
  {
    id: text('id').primaryKey(),
    status: text('status').notNull(),
    sheetName: text('sheet_name').notNull(),
    stagedBy: text('staged_by')
      .notNull()
      .references(() => users.id),
    stagedAt: text('staged_at').notNull(),
    /** The check the clerk saw (counts and the category mapping), as JSON: contract existingFilesCheck. */
    summary: text('summary').notNull(),
    /** Each staged file: its id, its sheet row and the number the sheet keeps for it (null: numbered at confirmation). */
    rows: text('rows').notNull(),
    decidedBy: text('decided_by').references(() => users.id),
    decidedAt: text('decided_at'),
    /** Why it was rejected or withdrawn. */
    reason: text('reason'),
  },
  (t) => [index('file_imports_status').on(t.status, t.stagedAt)],
);
