CREATE TABLE `roster_imports` (
	`id` text PRIMARY KEY NOT NULL,
	`at` text NOT NULL,
	`user_id` text,
	`user_name` text,
	`file_name` text NOT NULL,
	`file_hash` text NOT NULL,
	`format` text NOT NULL,
	`rows` integer NOT NULL,
	`new_count` integer NOT NULL,
	`updated_count` integer NOT NULL,
	`unchanged_count` integer NOT NULL,
	`skipped_count` integer NOT NULL,
	`rejected_count` integer NOT NULL
) STRICT;
--> statement-breakpoint
CREATE INDEX `roster_imports_hash` ON `roster_imports` (`file_hash`);