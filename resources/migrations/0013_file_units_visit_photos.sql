ALTER TABLE `file_attachments` ADD `visit_id` text;--> statement-breakpoint
-- Written by hand: drizzle-kit quotes an expression index's parts as column names.
CREATE INDEX `hardship_files_member` ON `hardship_files` (unhex(replace(`member_id`, '-', ''))) WHERE deleted_at IS NULL;
