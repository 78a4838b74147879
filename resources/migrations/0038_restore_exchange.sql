-- A restore and the exchange (features/backup/carry-exchange.ts): what a restore leaves for the next batch, the
-- highest rev each batch carried, and the federation's mark on a record a later snapshot no longer held.
CREATE TABLE `exchange_restart` (
	`id` integer PRIMARY KEY NOT NULL,
	`rev_base` integer DEFAULT 0 NOT NULL,
	`snapshot_due_since` text
) STRICT;
--> statement-breakpoint
ALTER TABLE `exchange_records` ADD `withdrawn_in` integer;--> statement-breakpoint
ALTER TABLE `exchange_sent` ADD `rev_high` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
-- Added by hand: batches sent before this migration carried revs of at most the highest rev held now (a rev only
-- grows and nothing is hard-deleted), so that bound stands in for the rev each carried.
UPDATE `exchange_sent` SET `rev_high` = (SELECT max(r) FROM (
  SELECT coalesce(max(rev), 0) AS r FROM `org` UNION ALL SELECT coalesce(max(rev), 0) FROM `units`
  UNION ALL SELECT coalesce(max(rev), 0) FROM `members` UNION ALL SELECT coalesce(max(rev), 0) FROM `hardship_files`
  UNION ALL SELECT coalesce(max(rev), 0) FROM `aid_programs` UNION ALL SELECT coalesce(max(rev), 0) FROM `aid_batches`
  UNION ALL SELECT coalesce(max(rev), 0) FROM `aid_payments`));
