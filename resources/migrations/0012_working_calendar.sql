CREATE TABLE `calendar_days` (
	`id` text PRIMARY KEY NOT NULL,
	`date` text NOT NULL,
	`kind` text NOT NULL,
	`created_at` text NOT NULL,
	`created_by` text NOT NULL,
	`voided_at` text,
	`voided_by` text
) STRICT;
--> statement-breakpoint
CREATE INDEX `calendar_days_date` ON `calendar_days` (`date`);--> statement-breakpoint
-- Added by hand: a day's setting is voided, never deleted.
CREATE TRIGGER `calendar_days_no_delete` BEFORE DELETE ON `calendar_days` BEGIN
  SELECT RAISE(ABORT, 'hard delete refused: void the row');
END;
