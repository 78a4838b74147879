CREATE TABLE `policy_values` (
	`id` text PRIMARY KEY NOT NULL,
	`key` text NOT NULL,
	`region_code` text,
	`effective_from` text NOT NULL,
	`value` integer NOT NULL,
	`created_at` text NOT NULL,
	`created_by` text NOT NULL,
	`voided_at` text,
	`voided_by` text,
	`void_reason` text
) STRICT;
--> statement-breakpoint
CREATE INDEX `policy_values_key` ON `policy_values` (`key`,`region_code`,`effective_from`);--> statement-breakpoint
-- Added by hand: a value is voided, never deleted (files were judged with it).
CREATE TRIGGER `policy_values_no_delete` BEFORE DELETE ON `policy_values` BEGIN
  SELECT RAISE(ABORT, 'hard delete refused: void the value');
END;
