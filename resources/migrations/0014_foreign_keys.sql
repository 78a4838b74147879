-- Foreign keys (docs/architecture.md §4). SQLite adds a foreign key to an existing column only by rebuilding the
-- table: create it anew with REFERENCES, copy the rows (same keys and refs, so the members' name index, keyed by
-- ref, stays valid), drop the old table, rename, then create its indexes and triggers again exactly as they were
-- (the copy fires no trigger: no rev or change-log entry is made). Written by hand from drizzle-kit's output, whose
-- order and dropped triggers would not do:
-- - parents are rebuilt before their children get a key to them: dropping a table that another one's foreign key
--   names deletes its rows under that key first, which would count as orphaned children;
-- - units name themselves (merged_into_ref) as `__new_units`, which the rename turns into `units`;
-- - hardship_files keeps its table: members.id is a 16-byte blob and member_id UUID text, so the key is on a
--   virtual column computing the blob (ADD COLUMN may carry REFERENCES when the column defaults to NULL);
-- - references to users are kept to the office's own records (policy values, calendar, imports, audit log): a file
--   and its parts travel to the federation, whose users are others, so entered_by, recorded_by … have no key.
-- The migrations run in one transaction with foreign_keys=ON, where PRAGMA foreign_keys cannot change: the checks
-- are deferred to the commit instead, and applyMigrations runs foreign_key_check first, so that rows of an older
-- database naming a missing parent refuse the upgrade with the tables named (and the database stays as it was).
PRAGMA defer_foreign_keys=ON;
--> statement-breakpoint
CREATE TABLE `__new_units` (
	`ref` integer PRIMARY KEY NOT NULL,
	`id` text NOT NULL,
	`origin` text NOT NULL,
	`rev` integer DEFAULT 1 NOT NULL,
	`updated_at` text NOT NULL,
	`deleted_at` text,
	`kind` text NOT NULL,
	`name` text NOT NULL,
	`name_key` text NOT NULL,
	`merged_into_ref` integer,
	FOREIGN KEY (`merged_into_ref`) REFERENCES `__new_units`(`ref`) ON UPDATE no action ON DELETE no action
) STRICT;--> statement-breakpoint
INSERT INTO `__new_units`("ref", "id", "origin", "rev", "updated_at", "deleted_at", "kind", "name", "name_key", "merged_into_ref") SELECT "ref", "id", "origin", "rev", "updated_at", "deleted_at", "kind", "name", "name_key", "merged_into_ref" FROM `units`;--> statement-breakpoint
DROP TABLE `units`;--> statement-breakpoint
ALTER TABLE `__new_units` RENAME TO `units`;--> statement-breakpoint
CREATE UNIQUE INDEX `units_id_unique` ON `units` (`id`);--> statement-breakpoint
CREATE UNIQUE INDEX `units_kind_name_key` ON `units` (`kind`,`name_key`) WHERE deleted_at IS NULL;--> statement-breakpoint
CREATE TRIGGER `units_sync_insert` AFTER INSERT ON `units` BEGIN
  INSERT INTO change_log (table_name, record_id, op, rev) VALUES ('units', NEW.id, 'insert', NEW.rev);
END;
--> statement-breakpoint
CREATE TRIGGER `units_sync_update` AFTER UPDATE ON `units` BEGIN
  UPDATE `units` SET rev = OLD.rev + 1 WHERE ref = NEW.ref AND NEW.rev <= OLD.rev;
  INSERT INTO change_log (table_name, record_id, op, rev)
    VALUES ('units', NEW.id, 'update', (SELECT rev FROM `units` WHERE ref = NEW.ref));
END;
--> statement-breakpoint
CREATE TRIGGER `units_no_delete` BEFORE DELETE ON `units` BEGIN
  SELECT RAISE(ABORT, 'hard delete refused: set deleted_at');
END;
--> statement-breakpoint
CREATE TABLE `__new_members` (
	`ref` integer PRIMARY KEY NOT NULL,
	`id` blob NOT NULL,
	`origin_ref` integer NOT NULL,
	`rev` integer DEFAULT 1 NOT NULL,
	`updated_at` integer NOT NULL,
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
	`name_initials` text NOT NULL,
	FOREIGN KEY (`origin_ref`) REFERENCES `origins`(`ref`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`unit_ref`) REFERENCES `units`(`ref`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`union_ref`) REFERENCES `units`(`ref`) ON UPDATE no action ON DELETE no action
) STRICT;--> statement-breakpoint
INSERT INTO `__new_members`("ref", "id", "origin_ref", "rev", "updated_at", "deleted_at", "name", "id_number", "phone", "ethnicity", "unit_ref", "union_ref", "joined_on", "card_no", "status", "status_on", "status_reason", "note", "name_pinyin", "name_initials") SELECT "ref", "id", "origin_ref", "rev", "updated_at", "deleted_at", "name", "id_number", "phone", "ethnicity", "unit_ref", "union_ref", "joined_on", "card_no", "status", "status_on", "status_reason", "note", "name_pinyin", "name_initials" FROM `members`;--> statement-breakpoint
DROP TABLE `members`;--> statement-breakpoint
ALTER TABLE `__new_members` RENAME TO `members`;--> statement-breakpoint
CREATE UNIQUE INDEX `members_id_unique` ON `members` (`id`);--> statement-breakpoint
CREATE UNIQUE INDEX `members_id_number` ON `members` (`id_number`) WHERE deleted_at IS NULL;--> statement-breakpoint
CREATE INDEX `members_pinyin` ON `members` (`name_pinyin`);--> statement-breakpoint
CREATE INDEX `members_initials` ON `members` (`name_initials`,`name_pinyin`);--> statement-breakpoint
CREATE INDEX `members_unit` ON `members` (`unit_ref`);--> statement-breakpoint
CREATE INDEX `members_union` ON `members` (`union_ref`);--> statement-breakpoint
CREATE INDEX `members_phone` ON `members` (`phone`) WHERE phone IS NOT NULL;--> statement-breakpoint
CREATE INDEX `members_id_tail` ON `members` (substr(id_number, 15));--> statement-breakpoint
CREATE TRIGGER `members_grams_insert` AFTER INSERT ON `members` BEGIN
  INSERT INTO members_grams (rowid, grams) VALUES (NEW.ref, bangfu_grams(NEW.name));
END;
--> statement-breakpoint
CREATE TRIGGER `members_grams_update` AFTER UPDATE OF name ON `members` BEGIN
  INSERT INTO members_grams (members_grams, rowid, grams) VALUES ('delete', OLD.ref, bangfu_grams(OLD.name));
  INSERT INTO members_grams (rowid, grams) VALUES (NEW.ref, bangfu_grams(NEW.name));
END;
--> statement-breakpoint
CREATE TRIGGER `members_sync_insert` AFTER INSERT ON `members` BEGIN
  INSERT INTO change_log (table_name, record_ref, op, rev) VALUES ('members', NEW.ref, 'insert', NEW.rev);
END;
--> statement-breakpoint
CREATE TRIGGER `members_sync_update` AFTER UPDATE ON `members` BEGIN
  UPDATE `members` SET rev = OLD.rev + 1 WHERE ref = NEW.ref AND NEW.rev <= OLD.rev;
  INSERT INTO change_log (table_name, record_ref, op, rev)
    VALUES ('members', NEW.ref, 'update', (SELECT rev FROM `members` WHERE ref = NEW.ref));
END;
--> statement-breakpoint
CREATE TRIGGER `members_no_delete` BEFORE DELETE ON `members` BEGIN
  SELECT RAISE(ABORT, 'hard delete refused: set deleted_at');
END;
--> statement-breakpoint
CREATE TABLE `__new_file_visits` (
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
	`recorded_at` text NOT NULL,
	FOREIGN KEY (`file_id`) REFERENCES `hardship_files`(`id`) ON UPDATE no action ON DELETE no action
) STRICT;--> statement-breakpoint
INSERT INTO `__new_file_visits`("id", "file_id", "kind", "date", "visitors", "items", "all_clear", "must_visit_reason", "head_signed", "note", "recorded_by", "recorded_at") SELECT "id", "file_id", "kind", "date", "visitors", "items", "all_clear", "must_visit_reason", "head_signed", "note", "recorded_by", "recorded_at" FROM `file_visits`;--> statement-breakpoint
DROP TABLE `file_visits`;--> statement-breakpoint
ALTER TABLE `__new_file_visits` RENAME TO `file_visits`;--> statement-breakpoint
CREATE INDEX `file_visits_file` ON `file_visits` (`file_id`,`date`);--> statement-breakpoint
CREATE TRIGGER `file_visits_no_delete` BEFORE DELETE ON `file_visits` BEGIN
  SELECT RAISE(ABORT, 'hard delete refused');
END;
--> statement-breakpoint
CREATE TABLE `__new_file_attachments` (
	`id` text PRIMARY KEY NOT NULL,
	`file_id` text NOT NULL,
	`type` text NOT NULL,
	`file_name` text NOT NULL,
	`mime` text NOT NULL,
	`size` integer NOT NULL,
	`content` blob NOT NULL,
	`added_by` text NOT NULL,
	`added_at` text NOT NULL,
	`deleted_at` text,
	`visit_id` text,
	FOREIGN KEY (`file_id`) REFERENCES `hardship_files`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`visit_id`) REFERENCES `file_visits`(`id`) ON UPDATE no action ON DELETE no action
) STRICT;--> statement-breakpoint
INSERT INTO `__new_file_attachments`("id", "file_id", "type", "file_name", "mime", "size", "content", "added_by", "added_at", "deleted_at", "visit_id") SELECT "id", "file_id", "type", "file_name", "mime", "size", "content", "added_by", "added_at", "deleted_at", "visit_id" FROM `file_attachments`;--> statement-breakpoint
DROP TABLE `file_attachments`;--> statement-breakpoint
ALTER TABLE `__new_file_attachments` RENAME TO `file_attachments`;--> statement-breakpoint
CREATE INDEX `file_attachments_file` ON `file_attachments` (`file_id`);--> statement-breakpoint
CREATE TRIGGER `file_attachments_no_delete` BEFORE DELETE ON `file_attachments` BEGIN
  SELECT RAISE(ABORT, 'hard delete refused: set deleted_at');
END;
--> statement-breakpoint
CREATE TABLE `__new_file_household` (
	`id` text PRIMARY KEY NOT NULL,
	`file_id` text NOT NULL,
	`position` integer NOT NULL,
	`relation` text NOT NULL,
	`name` text NOT NULL,
	`id_number` text NOT NULL,
	`details` text NOT NULL,
	`deleted_at` text,
	FOREIGN KEY (`file_id`) REFERENCES `hardship_files`(`id`) ON UPDATE no action ON DELETE no action
) STRICT;--> statement-breakpoint
INSERT INTO `__new_file_household`("id", "file_id", "position", "relation", "name", "id_number", "details", "deleted_at") SELECT "id", "file_id", "position", "relation", "name", "id_number", "details", "deleted_at" FROM `file_household`;--> statement-breakpoint
DROP TABLE `file_household`;--> statement-breakpoint
ALTER TABLE `__new_file_household` RENAME TO `file_household`;--> statement-breakpoint
CREATE INDEX `file_household_file` ON `file_household` (`file_id`);--> statement-breakpoint
CREATE INDEX `file_household_id_number` ON `file_household` (`id_number`) WHERE deleted_at IS NULL;--> statement-breakpoint
CREATE TRIGGER `file_household_no_delete` BEFORE DELETE ON `file_household` BEGIN
  SELECT RAISE(ABORT, 'hard delete refused: set deleted_at');
END;
--> statement-breakpoint
CREATE TABLE `__new_file_objections` (
	`id` text PRIMARY KEY NOT NULL,
	`file_id` text NOT NULL,
	`received_on` text NOT NULL,
	`content` text NOT NULL,
	`status` text NOT NULL,
	`decided_by` text,
	`decided_at` text,
	`decision` text,
	FOREIGN KEY (`file_id`) REFERENCES `hardship_files`(`id`) ON UPDATE no action ON DELETE no action
) STRICT;--> statement-breakpoint
INSERT INTO `__new_file_objections`("id", "file_id", "received_on", "content", "status", "decided_by", "decided_at", "decision") SELECT "id", "file_id", "received_on", "content", "status", "decided_by", "decided_at", "decision" FROM `file_objections`;--> statement-breakpoint
DROP TABLE `file_objections`;--> statement-breakpoint
ALTER TABLE `__new_file_objections` RENAME TO `file_objections`;--> statement-breakpoint
CREATE INDEX `file_objections_file` ON `file_objections` (`file_id`);--> statement-breakpoint
CREATE TRIGGER `file_objections_no_delete` BEFORE DELETE ON `file_objections` BEGIN
  SELECT RAISE(ABORT, 'hard delete refused');
END;
--> statement-breakpoint
CREATE TABLE `__new_file_events` (
	`seq` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`file_id` text NOT NULL,
	`at` text NOT NULL,
	`user_id` text,
	`action` text NOT NULL,
	`from_status` text,
	`to_status` text NOT NULL,
	`reason` text,
	`code` text,
	`on_date` text,
	FOREIGN KEY (`file_id`) REFERENCES `hardship_files`(`id`) ON UPDATE no action ON DELETE no action
) STRICT;--> statement-breakpoint
INSERT INTO `__new_file_events`("seq", "file_id", "at", "user_id", "action", "from_status", "to_status", "reason", "code", "on_date") SELECT "seq", "file_id", "at", "user_id", "action", "from_status", "to_status", "reason", "code", "on_date" FROM `file_events`;--> statement-breakpoint
DROP TABLE `file_events`;--> statement-breakpoint
ALTER TABLE `__new_file_events` RENAME TO `file_events`;--> statement-breakpoint
CREATE INDEX `file_events_file` ON `file_events` (`file_id`,`seq`);--> statement-breakpoint
CREATE TRIGGER `file_events_no_change` BEFORE UPDATE ON `file_events` BEGIN
  SELECT RAISE(ABORT, 'the file timeline is append-only');
END;
--> statement-breakpoint
CREATE TRIGGER `file_events_no_delete` BEFORE DELETE ON `file_events` BEGIN
  SELECT RAISE(ABORT, 'the file timeline is append-only');
END;
--> statement-breakpoint
CREATE TABLE `__new_roster_imports` (
	`id` text PRIMARY KEY NOT NULL,
	`at` text NOT NULL,
	`user_id` text,
	`user_name` text,
	`file_name` text NOT NULL,
	`file_hash` text NOT NULL,
	`format` text NOT NULL,
	`rows` integer NOT NULL,
	`new_count` integer NOT NULL,
	`updated_count` integer NOT NULL,
	`unchanged_count` integer NOT NULL,
	`skipped_count` integer NOT NULL,
	`rejected_count` integer NOT NULL,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
) STRICT;--> statement-breakpoint
INSERT INTO `__new_roster_imports`("id", "at", "user_id", "user_name", "file_name", "file_hash", "format", "rows", "new_count", "updated_count", "unchanged_count", "skipped_count", "rejected_count") SELECT "id", "at", "user_id", "user_name", "file_name", "file_hash", "format", "rows", "new_count", "updated_count", "unchanged_count", "skipped_count", "rejected_count" FROM `roster_imports`;--> statement-breakpoint
DROP TABLE `roster_imports`;--> statement-breakpoint
ALTER TABLE `__new_roster_imports` RENAME TO `roster_imports`;--> statement-breakpoint
CREATE INDEX `roster_imports_hash` ON `roster_imports` (`file_hash`);--> statement-breakpoint
CREATE TABLE `__new_policy_values` (
	`id` text PRIMARY KEY NOT NULL,
	`key` text NOT NULL,
	`region_code` text,
	`effective_from` text NOT NULL,
	`value` integer NOT NULL,
	`created_at` text NOT NULL,
	`created_by` text NOT NULL,
	`voided_at` text,
	`voided_by` text,
	`void_reason` text,
	FOREIGN KEY (`created_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`voided_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
) STRICT;--> statement-breakpoint
INSERT INTO `__new_policy_values`("id", "key", "region_code", "effective_from", "value", "created_at", "created_by", "voided_at", "voided_by", "void_reason") SELECT "id", "key", "region_code", "effective_from", "value", "created_at", "created_by", "voided_at", "voided_by", "void_reason" FROM `policy_values`;--> statement-breakpoint
DROP TABLE `policy_values`;--> statement-breakpoint
ALTER TABLE `__new_policy_values` RENAME TO `policy_values`;--> statement-breakpoint
CREATE INDEX `policy_values_key` ON `policy_values` (`key`,`region_code`,`effective_from`);--> statement-breakpoint
CREATE TRIGGER `policy_values_no_delete` BEFORE DELETE ON `policy_values` BEGIN
  SELECT RAISE(ABORT, 'hard delete refused: void the value');
END;
--> statement-breakpoint
CREATE TABLE `__new_calendar_days` (
	`id` text PRIMARY KEY NOT NULL,
	`date` text NOT NULL,
	`kind` text NOT NULL,
	`created_at` text NOT NULL,
	`created_by` text NOT NULL,
	`voided_at` text,
	`voided_by` text,
	FOREIGN KEY (`created_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`voided_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
) STRICT;--> statement-breakpoint
INSERT INTO `__new_calendar_days`("id", "date", "kind", "created_at", "created_by", "voided_at", "voided_by") SELECT "id", "date", "kind", "created_at", "created_by", "voided_at", "voided_by" FROM `calendar_days`;--> statement-breakpoint
DROP TABLE `calendar_days`;--> statement-breakpoint
ALTER TABLE `__new_calendar_days` RENAME TO `calendar_days`;--> statement-breakpoint
CREATE INDEX `calendar_days_date` ON `calendar_days` (`date`);--> statement-breakpoint
CREATE TRIGGER `calendar_days_no_delete` BEFORE DELETE ON `calendar_days` BEGIN
  SELECT RAISE(ABORT, 'hard delete refused: void the row');
END;
--> statement-breakpoint
CREATE TABLE `__new_audit_log` (
	`seq` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`at` text NOT NULL,
	`user_id` text,
	`user_name` text,
	`action` text NOT NULL,
	`record_type` text,
	`record_id` text,
	`summary` text NOT NULL,
	`prev_hash` text NOT NULL,
	`hash` text NOT NULL,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
) STRICT;--> statement-breakpoint
INSERT INTO `__new_audit_log`("seq", "at", "user_id", "user_name", "action", "record_type", "record_id", "summary", "prev_hash", "hash") SELECT "seq", "at", "user_id", "user_name", "action", "record_type", "record_id", "summary", "prev_hash", "hash" FROM `audit_log`;--> statement-breakpoint
DROP TABLE `audit_log`;--> statement-breakpoint
ALTER TABLE `__new_audit_log` RENAME TO `audit_log`;--> statement-breakpoint
CREATE INDEX `audit_log_at` ON `audit_log` (`at`);--> statement-breakpoint
CREATE INDEX `audit_log_user` ON `audit_log` (`user_id`,`seq`);--> statement-breakpoint
CREATE INDEX `audit_log_action` ON `audit_log` (`action`,`seq`);--> statement-breakpoint
CREATE INDEX `audit_log_record` ON `audit_log` (`record_id`,`seq`);--> statement-breakpoint
CREATE TRIGGER `audit_log_no_update` BEFORE UPDATE ON `audit_log` BEGIN
  SELECT RAISE(ABORT, 'audit log is append-only');
END;
--> statement-breakpoint
CREATE TRIGGER `audit_log_no_delete` BEFORE DELETE ON `audit_log` BEGIN
  SELECT RAISE(ABORT, 'audit log is append-only');
END;
--> statement-breakpoint
ALTER TABLE `hardship_files` ADD `member_key` blob GENERATED ALWAYS AS (unhex(replace(member_id, '-', ''))) VIRTUAL REFERENCES members(id);
