DROP INDEX `members_initials`;--> statement-breakpoint
CREATE INDEX `members_initials` ON `members` (`name_initials`,`name_pinyin`);