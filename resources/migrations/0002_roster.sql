CREATE TABLE `members` (
	`ref` integer PRIMARY KEY NOT NULL,
	`id` blob NOT NULL,
	`origin_ref` integer NOT NULL,
	`rev` integer DEFAULT 1 NOT NULL,
	`updated_at` text NOT NULL,
	`deleted_at` text,
	`name` text NOT NULL,
	`id_number` text NOT NULL,
	`phone` text,
	`ethnicity` text,
	`unit_ref` integer,
	`union_ref` integer,
	`joined_on` text,
	`card_no` text,
	`status` text DEFAULT 'active' NOT NULL,
	`status_on` text,
	`status_reason` text,
	`note` text,
	`name_pinyin` text NOT NULL,
	`name_initials` text NOT NULL
) STRICT;
--> statement-breakpoint
CREATE UNIQUE INDEX `members_id_unique` ON `members` (`id`);--> statement-breakpoint
CREATE UNIQUE INDEX `members_id_number` ON `members` (`id_number`) WHERE deleted_at IS NULL;--> statement-breakpoint
CREATE INDEX `members_pinyin` ON `members` (`name_pinyin`);--> statement-breakpoint
CREATE INDEX `members_initials` ON `members` (`name_initials`);--> statement-breakpoint
CREATE INDEX `members_unit` ON `members` (`unit_ref`);--> statement-breakpoint
CREATE INDEX `members_union` ON `members` (`union_ref`);--> statement-breakpoint
CREATE INDEX `members_phone` ON `members` (`phone`) WHERE phone IS NOT NULL;--> statement-breakpoint
CREATE TABLE `origins` (
	`ref` integer PRIMARY KEY NOT NULL,
	`code` text NOT NULL
) STRICT;
--> statement-breakpoint
CREATE UNIQUE INDEX `origins_code_unique` ON `origins` (`code`);--> statement-breakpoint
CREATE TABLE `units` (
	`ref` integer PRIMARY KEY NOT NULL,
	`id` text NOT NULL,
	`origin` text NOT NULL,
	`rev` integer DEFAULT 1 NOT NULL,
	`updated_at` text NOT NULL,
	`deleted_at` text,
	`kind` text NOT NULL,
	`name` text NOT NULL,
	`name_key` text NOT NULL,
	`merged_into_ref` integer
) STRICT;
--> statement-breakpoint
CREATE UNIQUE INDEX `units_id_unique` ON `units` (`id`);--> statement-breakpoint
CREATE UNIQUE INDEX `units_kind_name_key` ON `units` (`kind`,`name_key`) WHERE deleted_at IS NULL;--> statement-breakpoint
CREATE INDEX `audit_log_record` ON `audit_log` (`record_id`,`seq`);