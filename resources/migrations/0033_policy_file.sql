CREATE TABLE `policy_file_imports` (
	`id` text PRIMARY KEY NOT NULL,
	`source_code` text NOT NULL,
	`source_key` text NOT NULL,
	`issue` integer NOT NULL,
	`file_created_at` text NOT NULL,
	`sha256` text NOT NULL,
	`imported_at` text NOT NULL,
	`imported_by` text NOT NULL,
	`values_added` integer NOT NULL,
	`values_skipped` integer NOT NULL,
	`programs_added` integer NOT NULL,
	`programs_skipped` integer NOT NULL,
	FOREIGN KEY (`imported_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
) STRICT;
--> statement-breakpoint
CREATE UNIQUE INDEX `policy_file_imports_issue` ON `policy_file_imports` (`source_code`,`issue`);--> statement-breakpoint
CREATE TABLE `policy_file_issues` (
	`issue` integer PRIMARY KEY NOT NULL,
	`created_at` text NOT NULL,
	`created_by` text NOT NULL,
	`value_count` integer NOT NULL,
	`program_count` integer NOT NULL,
	`sha256` text NOT NULL,
	FOREIGN KEY (`created_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
) STRICT;
--> statement-breakpoint
CREATE TABLE `policy_file_programs` (
	`program_id` text PRIMARY KEY NOT NULL,
	`source_code` text NOT NULL,
	`source_issue` integer NOT NULL,
	`source_program_id` text NOT NULL,
	FOREIGN KEY (`program_id`) REFERENCES `aid_programs`(`id`) ON UPDATE no action ON DELETE no action
) STRICT;
--> statement-breakpoint
CREATE UNIQUE INDEX `policy_file_programs_source` ON `policy_file_programs` (`source_code`,`source_program_id`);--> statement-breakpoint
ALTER TABLE `policy_values` ADD `source_code` text;--> statement-breakpoint
ALTER TABLE `policy_values` ADD `source_issue` integer;