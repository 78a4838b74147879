CREATE TABLE `file_attachments` (
	`id` text PRIMARY KEY NOT NULL,
	`file_id` text NOT NULL,
	`type` text NOT NULL,
	`file_name` text NOT NULL,
	`mime` text NOT NULL,
	`size` integer NOT NULL,
	`content` blob NOT NULL,
	`added_by` text NOT NULL,
	`added_at` text NOT NULL,
	`deleted_at` text
) STRICT;
--> statement-breakpoint
CREATE INDEX `file_attachments_file` ON `file_attachments` (`file_id`);--> statement-breakpoint
CREATE TABLE `file_events` (
	`seq` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`file_id` text NOT NULL,
	`at` text NOT NULL,
	`user_id` text,
	`action` text NOT NULL,
	`from_status` text,
	`to_status` text NOT NULL,
	`reason` text,
	`code` text,
	`on_date` text
) STRICT;
--> statement-breakpoint
CREATE INDEX `file_events_file` ON `file_events` (`file_id`,`seq`);--> statement-breakpoint
CREATE TABLE `file_household` (
	`id` text PRIMARY KEY NOT NULL,
	`file_id` text NOT NULL,
	`position` integer NOT NULL,
	`relation` text NOT NULL,
	`name` text NOT NULL,
	`id_number` text NOT NULL,
	`details` text NOT NULL,
	`deleted_at` text
) STRICT;
--> statement-breakpoint
CREATE INDEX `file_household_file` ON `file_household` (`file_id`);--> statement-breakpoint
CREATE INDEX `file_household_id_number` ON `file_household` (`id_number`) WHERE deleted_at IS NULL;--> statement-breakpoint
CREATE TABLE `file_numbers` (
	`region_code` text NOT NULL,
	`year` integer NOT NULL,
	`last` integer NOT NULL,
	PRIMARY KEY(`region_code`, `year`)
) STRICT;
--> statement-breakpoint
CREATE TABLE `file_objections` (
	`id` text PRIMARY KEY NOT NULL,
	`file_id` text NOT NULL,
	`received_on` text NOT NULL,
	`content` text NOT NULL,
	`status` text NOT NULL,
	`decided_by` text,
	`decided_at` text,
	`decision` text
) STRICT;
--> statement-breakpoint
CREATE INDEX `file_objections_file` ON `file_objections` (`file_id`);--> statement-breakpoint
CREATE TABLE `file_visits` (
	`id` text PRIMARY KEY NOT NULL,
	`file_id` text NOT NULL,
	`kind` text NOT NULL,
	`date` text NOT NULL,
	`visitors` text NOT NULL,
	`items` text NOT NULL,
	`all_clear` integer NOT NULL,
	`must_visit_reason` text,
	`head_signed` integer NOT NULL,
	`note` text,
	`recorded_by` text NOT NULL,
	`recorded_at` text NOT NULL
) STRICT;
--> statement-breakpoint
CREATE INDEX `file_visits_file` ON `file_visits` (`file_id`,`date`);--> statement-breakpoint
CREATE TABLE `hardship_files` (
	`id` text PRIMARY KEY NOT NULL,
	`origin` text NOT NULL,
	`rev` integer DEFAULT 1 NOT NULL,
	`updated_at` text NOT NULL,
	`deleted_at` text,
	`file_no` text,
	`status` text NOT NULL,
	`member_id` text,
	`head_name` text NOT NULL,
	`head_id_number` text NOT NULL,
	`worker_type` text NOT NULL,
	`entry_kind` text NOT NULL,
	`category` text,
	`draft` text NOT NULL,
	`entered_by` text NOT NULL,
	`visits_count_from` text,
	`notice_ends_on` text,
	`annual_review_by` text,
	`approved_by` text,
	`approved_on` text
) STRICT;
--> statement-breakpoint
CREATE UNIQUE INDEX `hardship_files_file_no_unique` ON `hardship_files` (`file_no`);--> statement-breakpoint
CREATE INDEX `hardship_files_status` ON `hardship_files` (`status`);--> statement-breakpoint
CREATE INDEX `hardship_files_head` ON `hardship_files` (`head_id_number`);--> statement-breakpoint
-- Added by hand: hardship_files travels (the pattern of 0001); its parts are never deleted.
CREATE TRIGGER `hardship_files_sync_insert` AFTER INSERT ON `hardship_files` BEGIN
  INSERT INTO change_log (table_name, record_id, op, rev) VALUES ('hardship_files', NEW.id, 'insert', NEW.rev);
END;
--> statement-breakpoint
CREATE TRIGGER `hardship_files_sync_update` AFTER UPDATE ON `hardship_files` BEGIN
  UPDATE `hardship_files` SET rev = OLD.rev + 1 WHERE id = NEW.id AND NEW.rev <= OLD.rev;
  INSERT INTO change_log (table_name, record_id, op, rev)
    VALUES ('hardship_files', NEW.id, 'update', (SELECT rev FROM `hardship_files` WHERE id = NEW.id));
END;
--> statement-breakpoint
CREATE TRIGGER `hardship_files_no_delete` BEFORE DELETE ON `hardship_files` BEGIN
  SELECT RAISE(ABORT, 'hard delete refused: set deleted_at');
END;
--> statement-breakpoint
CREATE TRIGGER `file_household_no_delete` BEFORE DELETE ON `file_household` BEGIN
  SELECT RAISE(ABORT, 'hard delete refused: set deleted_at');
END;
--> statement-breakpoint
CREATE TRIGGER `file_visits_no_delete` BEFORE DELETE ON `file_visits` BEGIN
  SELECT RAISE(ABORT, 'hard delete refused');
END;
--> statement-breakpoint
CREATE TRIGGER `file_objections_no_delete` BEFORE DELETE ON `file_objections` BEGIN
  SELECT RAISE(ABORT, 'hard delete refused');
END;
--> statement-breakpoint
CREATE TRIGGER `file_attachments_no_delete` BEFORE DELETE ON `file_attachments` BEGIN
  SELECT RAISE(ABORT, 'hard delete refused: set deleted_at');
END;
--> statement-breakpoint
CREATE TRIGGER `file_events_no_change` BEFORE UPDATE ON `file_events` BEGIN
  SELECT RAISE(ABORT, 'the file timeline is append-only');
END;
--> statement-breakpoint
CREATE TRIGGER `file_events_no_delete` BEFORE DELETE ON `file_events` BEGIN
  SELECT RAISE(ABORT, 'the file timeline is append-only');
END;
