ALTER TABLE `file_attachments` ADD `withdrawn_at` text;--> statement-breakpoint
ALTER TABLE `file_attachments` ADD `withdrawn_by` text;--> statement-breakpoint
ALTER TABLE `file_attachments` ADD `withdrawn_reason` text;--> statement-breakpoint
ALTER TABLE `file_objections` ADD `received_from` text;--> statement-breakpoint
ALTER TABLE `file_objections` ADD `contact` text;--> statement-breakpoint
ALTER TABLE `hardship_files` ADD `legacy_no` text;