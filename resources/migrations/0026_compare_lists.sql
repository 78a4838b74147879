CREATE TABLE `compare_lists` (
	`id` text PRIMARY KEY NOT NULL,
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
CREATE INDEX `compare_lists_imported` ON `compare_lists` (`imported_at`);--> statement-breakpoint
CREATE TABLE `compare_rows` (
	`list_id` text NOT NULL,
	`row_number` integer NOT NULL,
	`id_number` text NOT NULL,
	`name` text NOT NULL,
	`extra` text,
	PRIMARY KEY(`list_id`, `row_number`),
	FOREIGN KEY (`list_id`) REFERENCES `compare_lists`(`id`) ON UPDATE no action ON DELETE no action
) STRICT;
--> statement-breakpoint
CREATE INDEX `compare_rows_id_number` ON `compare_rows` (`list_id`,`id_number`);