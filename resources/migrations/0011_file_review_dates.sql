DROP INDEX `hardship_files_status`;--> statement-breakpoint
ALTER TABLE `hardship_files` ADD `reviewed_on` text;--> statement-breakpoint
CREATE INDEX `hardship_files_review` ON `hardship_files` (`status`,`reviewed_on`) WHERE deleted_at IS NULL;--> statement-breakpoint
CREATE INDEX `hardship_files_category` ON `hardship_files` (`category`,`updated_at`) WHERE deleted_at IS NULL;--> statement-breakpoint
CREATE INDEX `hardship_files_updated` ON `hardship_files` (`updated_at`) WHERE deleted_at IS NULL;--> statement-breakpoint
CREATE INDEX `hardship_files_status` ON `hardship_files` (`status`,`updated_at`) WHERE deleted_at IS NULL;--> statement-breakpoint
-- Added by hand: files approved before this migration were last reviewed the day they were approved.
UPDATE `hardship_files` SET `reviewed_on` = `approved_on` WHERE `approved_on` IS NOT NULL;
