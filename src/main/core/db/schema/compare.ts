import { index, integer, primaryKey, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { users } from './users';

/**
 * 信息比对: lists of other bodies (民政 低保 / 特困, 残联, a hospital) imported only to be compared with our files
 * (docs/domain.md "Comparison with outside lists"). They are someone else's data, so they are the one exception to
 * "nothing is deleted": an administrator deletes a list with a real DELETE (secure_delete on, WAL truncated), logged
 * in the audit log. No sync columns and no change log: these lists never travel to the federation, are never
 * exported in a batch, and no trigger forbids their deletion. The database is encrypted at rest like every table.
 */
export const compareLists = sqliteTable(
  'compare_lists',
  {
    /** The rows' reference to their list: 8 bytes on each of a list's 200,000 rows and index entries, not a UUID's 36. */
    ref: integer('ref').primaryKey(),
    id: text('id').notNull().unique(),
    /** The body that gave the list, as the clerk names it (XX区民政局). */
    source: text('source').notNull(),
    /** dibao | tekun | disability | hospital | other (shared/domain/compare-list.ts): decides who should be on it. */
    kind: text('kind').notNull(),
    fileName: text('file_name').notNull(),
    /** Headers of the extra columns kept, as a JSON array of text (in the order of compare_rows.extra). */
    extraHeaders: text('extra_headers').notNull(),
    /** Rows kept, and rows left out (ID number invalid or repeated): counts only. */
    rowCount: integer('row_count').notNull(),
    rejectedCount: integer('rejected_count').notNull(),
    importedBy: text('imported_by')
      .notNull()
      .references(() => users.id),
    importedAt: text('imported_at').notNull(),
  },
  (t) => [index('compare_lists_imported').on(t.importedAt)],
);

/**
 * A list's rows: only what the comparison needs — the normalised 18-digit ID number, the name as written, and the
 * extra columns the clerk chose (a JSON array of text, or null). The row number is the one in the clerk's file.
 */
export const compareRows = sqliteTable(
  'compare_rows',
  {
    listRef: integer('list_ref')
      .notNull()
      .references(() => compareLists.ref),
    rowNumber: integer('row_number').notNull(),
    idNumber: text('id_number').notNull(),
    name: text('name').notNull(),
    extra: text('extra'),
  },
  (t) => [primaryKey({ columns: [t.listRef, t.rowNumber] }), index('compare_rows_id_number').on(t.listRef, t.idNumber)],
);
