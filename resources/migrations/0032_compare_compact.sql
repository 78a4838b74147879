-- 信息比对 at a city's size (issue 13: a 200,000-row list imported and compared in ≤ 10 s). Written by hand from
-- drizzle-kit's output: drizzle-kit has no WITHOUT ROWID, and the rows are copied by joining the lists' new refs.
-- - compare_lists gets an integer `ref`, and compare_rows name their list by it: 8 bytes on each of a list's rows
--   and index entries instead of a 36-character UUID (the rows and their index in under half the pages);
-- - compare_rows is WITHOUT ROWID, clustered on (list_ref, row_number): the table is its primary key, with no
--   second copy of every row's key in an index of its own;
-- - hardship_files_compare holds a file's status and category by its id, and file_household_file a household's
--   people and ID numbers: the match of each list row against our files, and the 在档 households missing from a
--   list, read these indexes only, never a file's row (its page decrypted, the draft beside it; features/compare).
--   deleted_at is a column of both, not a WHERE, so that the indexes cover those queries.
-- The old tables are dropped (secure_delete overwrites their pages: the rows are another body's data) and no copy
-- is left. The migrations run in one transaction with foreign_keys=ON: the checks are deferred to its commit.
PRAGMA defer_foreign_keys=ON;
--> statement-breakpoint
CREATE TABLE `__new_compare_lists` (
	`ref` integer PRIMARY KEY NOT NULL,
	`id` text NOT NULL,
	`source` text NOT NULL,
	`kind` text NOT NULL,
	`file_name` text NOT NULL,
	`extra_headers` text NOT NULL,
	`row_count` integer NOT NULL,
	`rejected_count` integer NOT NULL,
	`imported_by` text NOT NULL,
	`imported_at` text NOT NULL,
	FOREIGN KEY (`imported_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
) STRICT;
--> statement-breakpoint
INSERT INTO `__new_compare_lists` (`id`, `source`, `kind`, `file_name`, `extra_headers`, `row_count`, `rejected_count`, `imported_by`, `imported_at`)
  SELECT `id`, `source`, `kind`, `file_name`, `extra_headers`, `row_count`, `rejected_count`, `imported_by`, `imported_at`
  FROM `compare_lists` ORDER BY `imported_at`, `id`;
--> statement-breakpoint
CREATE TABLE `__new_compare_rows` (
	`list_ref` integer NOT NULL,
	`row_number` integer NOT NULL,
	`id_number` text NOT NULL,
	`name` text NOT NULL,
	`extra` text,
	PRIMARY KEY(`list_ref`, `row_number`),
	FOREIGN KEY (`list_ref`) REFERENCES `__new_compare_lists`(`ref`) ON UPDATE no action ON DELETE no action
) STRICT, WITHOUT ROWID;
--> statement-breakpoint
INSERT INTO `__new_compare_rows` (`list_ref`, `row_number`, `id_number`, `name`, `extra`)
  SELECT l.`ref`, r.`row_number`, r.`id_number`, r.`name`, r.`extra`
  FROM `compare_rows` r JOIN `__new_compare_lists` l ON l.`id` = r.`list_id`;
--> statement-breakpoint
DROP TABLE `compare_rows`;
--> statement-breakpoint
DROP TABLE `compare_lists`;
--> statement-breakpoint
ALTER TABLE `__new_compare_lists` RENAME TO `compare_lists`;
--> statement-breakpoint
ALTER TABLE `__new_compare_rows` RENAME TO `compare_rows`;
--> statement-breakpoint
CREATE UNIQUE INDEX `compare_lists_id_unique` ON `compare_lists` (`id`);
--> statement-breakpoint
CREATE INDEX `compare_lists_imported` ON `compare_lists` (`imported_at`);
--> statement-breakpoint
CREATE INDEX `compare_rows_id_number` ON `compare_rows` (`list_ref`,`id_number`);
--> statement-breakpoint
DROP INDEX `file_household_file`;
--> statement-breakpoint
CREATE INDEX `file_household_file` ON `file_household` (`file_id`,`deleted_at`,`relation`,`id_number`);
--> statement-breakpoint
CREATE INDEX `hardship_files_compare` ON `hardship_files` (`id`,`status`,`category`,`deleted_at`);
