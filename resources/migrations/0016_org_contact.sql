ALTER TABLE `org` ADD `contact_phone` text;--> statement-breakpoint
ALTER TABLE `org` ADD `contact_address` text;