CREATE TABLE `file_imports` (
	`id` text PRIMARY KEY NOT NULL,
	`status` text NOT NULL,
	`sheet_name` text NOT NULL,
	`staged_by` text NOT NULL REFERENCES `users`(`id`),
	`staged_at` text NOT NULL,
	`summary` text NOT NULL,
	`rows` text NOT NULL,
	`decided_by` text REFERENCES `users`(`id`),
	`decided_at` text,
	`reason` text
) STRICT;
--> statement-breakpoint
CREATE INDEX `file_imports_status` ON `file_imports` (`status`,`staged_at`);--> statement-breakpoint
-- Added by hand: an import's record is kept whatever became of it (who staged, who decided).
CREATE TRIGGER `file_imports_no_delete` BEFORE DELETE ON `file_imports` BEGIN
  SELECT RAISE(ABORT, 'hard delete refused');
END;
