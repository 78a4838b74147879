CREATE TABLE `exchange_peers` (
	`id` text PRIMARY KEY NOT NULL,
	`code` text NOT NULL,
	`name` text NOT NULL,
	`region` text NOT NULL,
	`mode` text NOT NULL,
	`ed25519` blob NOT NULL,
	`x25519` text NOT NULL,
	`fingerprint` text NOT NULL,
	`card` text NOT NULL,
	`card_created_at` text NOT NULL,
	`status` text NOT NULL,
	`change` text NOT NULL,
	`replaces_id` text,
	`imported_at` text NOT NULL,
	`imported_by` text NOT NULL,
	`confirmed_at` text,
	`confirmed_by` text,
	`ended_at` text,
	FOREIGN KEY (`replaces_id`) REFERENCES `exchange_peers`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`imported_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`confirmed_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
) STRICT;
--> statement-breakpoint
CREATE INDEX `exchange_peers_code` ON `exchange_peers` (`code`);--> statement-breakpoint
CREATE UNIQUE INDEX `exchange_peers_trusted_code` ON `exchange_peers` (`code`) WHERE status = 'trusted';--> statement-breakpoint
-- Added by hand: other offices' keys are never removed (a replaced or withdrawn key stays, so what it signed can
-- still be checked); nothing here travels, so no sync triggers.
CREATE TRIGGER `exchange_peers_no_delete` BEFORE DELETE ON `exchange_peers` BEGIN
  SELECT RAISE(ABORT, 'hard delete refused');
END;
