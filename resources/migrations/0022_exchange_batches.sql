CREATE TABLE `exchange_alarms` (
	`id` text PRIMARY KEY NOT NULL,
	`centre_code` text NOT NULL,
	`sequence` integer NOT NULL,
	`kind` text NOT NULL,
	`at` text NOT NULL,
	`by_user` text NOT NULL,
	`held_sha256` text NOT NULL,
	`offered_sha256` text NOT NULL,
	`settled_at` text,
	`settled_by` text,
	`settled_note` text,
	FOREIGN KEY (`by_user`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`settled_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
) STRICT;
--> statement-breakpoint
CREATE INDEX `exchange_alarms_centre` ON `exchange_alarms` (`centre_code`,`at`);--> statement-breakpoint
CREATE TABLE `exchange_attachments` (
	`id` text PRIMARY KEY NOT NULL,
	`centre_code` text NOT NULL,
	`record_table` text NOT NULL,
	`record_id` text NOT NULL,
	`name` text NOT NULL,
	`mime` text NOT NULL,
	`bytes` integer NOT NULL,
	`sha256` text NOT NULL,
	`content` blob NOT NULL
) STRICT;
--> statement-breakpoint
CREATE INDEX `exchange_attachments_record` ON `exchange_attachments` (`record_table`,`record_id`);--> statement-breakpoint
CREATE TABLE `exchange_people` (
	`id_number` text NOT NULL,
	`centre_code` text NOT NULL,
	`record_table` text NOT NULL,
	`record_id` text NOT NULL,
	`role` text NOT NULL,
	`active` integer NOT NULL,
	`year` integer,
	`amount_fen` integer
) STRICT;
--> statement-breakpoint
CREATE INDEX `exchange_people_id_number` ON `exchange_people` (`id_number`,`centre_code`);--> statement-breakpoint
CREATE INDEX `exchange_people_record` ON `exchange_people` (`record_table`,`record_id`);--> statement-breakpoint
CREATE TABLE `exchange_received` (
	`centre_code` text NOT NULL,
	`sequence` integer NOT NULL,
	`peer_id` text NOT NULL,
	`sha256` text NOT NULL,
	`bytes` integer NOT NULL,
	`created_at` text NOT NULL,
	`imported_at` text NOT NULL,
	`imported_by` text NOT NULL,
	`snapshot` integer NOT NULL,
	`change_after` integer NOT NULL,
	`change_through` integer NOT NULL,
	`applied` text NOT NULL,
	`refused` text NOT NULL,
	PRIMARY KEY(`centre_code`, `sequence`),
	FOREIGN KEY (`peer_id`) REFERENCES `exchange_peers`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`imported_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
) STRICT;
--> statement-breakpoint
CREATE TABLE `exchange_records` (
	`origin` text NOT NULL,
	`table_name` text NOT NULL,
	`id` text NOT NULL,
	`centre_code` text NOT NULL,
	`rev` integer NOT NULL,
	`updated_at` text NOT NULL,
	`deleted_at` text,
	`fields` text NOT NULL,
	`sequence` integer NOT NULL,
	PRIMARY KEY(`origin`, `table_name`, `id`)
) STRICT;
--> statement-breakpoint
CREATE INDEX `exchange_records_centre` ON `exchange_records` (`centre_code`,`table_name`,`updated_at`);--> statement-breakpoint
CREATE TABLE `exchange_sent` (
	`sequence` integer PRIMARY KEY NOT NULL,
	`recipient_peer_id` text NOT NULL,
	`created_at` text NOT NULL,
	`snapshot` integer NOT NULL,
	`change_after` integer NOT NULL,
	`change_through` integer NOT NULL,
	`counts` text NOT NULL,
	`attachments` integer NOT NULL,
	`bytes` integer NOT NULL,
	`sha256` text NOT NULL,
	`kept_file` text NOT NULL,
	`exported_by` text NOT NULL,
	`receipt_at` text,
	`receipt_outcome` text,
	`receipt_applied` text,
	`receipt_refused` text,
	`receipt_imported_by` text,
	FOREIGN KEY (`recipient_peer_id`) REFERENCES `exchange_peers`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`exported_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`receipt_imported_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
) STRICT;
--> statement-breakpoint
CREATE INDEX `exchange_sent_created` ON `exchange_sent` (`created_at`);--> statement-breakpoint
CREATE TABLE `exchange_sent_attachments` (
	`attachment_id` text PRIMARY KEY NOT NULL,
	`sequence` integer NOT NULL,
	FOREIGN KEY (`sequence`) REFERENCES `exchange_sent`(`sequence`) ON UPDATE no action ON DELETE no action
) STRICT;
--> statement-breakpoint
-- Added by hand: what was sent and received, the alarms and the centres' records are kept (nothing here travels,
-- so no sync triggers). exchange_people is derived from exchange_records and rewritten with it, so it has none.
CREATE TRIGGER `exchange_sent_no_delete` BEFORE DELETE ON `exchange_sent` BEGIN
  SELECT RAISE(ABORT, 'hard delete refused');
END;--> statement-breakpoint
CREATE TRIGGER `exchange_sent_attachments_no_delete` BEFORE DELETE ON `exchange_sent_attachments` BEGIN
  SELECT RAISE(ABORT, 'hard delete refused');
END;--> statement-breakpoint
CREATE TRIGGER `exchange_received_no_delete` BEFORE DELETE ON `exchange_received` BEGIN
  SELECT RAISE(ABORT, 'hard delete refused');
END;--> statement-breakpoint
CREATE TRIGGER `exchange_alarms_no_delete` BEFORE DELETE ON `exchange_alarms` BEGIN
  SELECT RAISE(ABORT, 'hard delete refused');
END;--> statement-breakpoint
CREATE TRIGGER `exchange_records_no_delete` BEFORE DELETE ON `exchange_records` BEGIN
  SELECT RAISE(ABORT, 'hard delete refused');
END;--> statement-breakpoint
CREATE TRIGGER `exchange_attachments_no_delete` BEFORE DELETE ON `exchange_attachments` BEGIN
  SELECT RAISE(ABORT, 'hard delete refused');
END;
