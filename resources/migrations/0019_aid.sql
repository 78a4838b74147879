CREATE TABLE `aid_batches` (
	`id` text PRIMARY KEY NOT NULL,
	`origin` text NOT NULL,
	`rev` integer DEFAULT 1 NOT NULL,
	`updated_at` text NOT NULL,
	`deleted_at` text,
	`program_id` text NOT NULL,
	`name` text NOT NULL,
	`method` text NOT NULL,
	`filters` text NOT NULL,
	`created_by` text NOT NULL,
	`created_at` text NOT NULL,
	FOREIGN KEY (`program_id`) REFERENCES `aid_programs`(`id`) ON UPDATE no action ON DELETE no action
) STRICT;
--> statement-breakpoint
CREATE INDEX `aid_batches_program` ON `aid_batches` (`program_id`);--> statement-breakpoint
CREATE TABLE `aid_certificates` (
	`id` text PRIMARY KEY NOT NULL,
	`serial` text NOT NULL,
	`file_id` text NOT NULL,
	`valid_until` text NOT NULL,
	`issued_by` text NOT NULL,
	`issued_at` text NOT NULL,
	`print_count` integer DEFAULT 1 NOT NULL,
	FOREIGN KEY (`file_id`) REFERENCES `hardship_files`(`id`) ON UPDATE no action ON DELETE no action
) STRICT;
--> statement-breakpoint
CREATE UNIQUE INDEX `aid_certificates_serial_unique` ON `aid_certificates` (`serial`);--> statement-breakpoint
CREATE INDEX `aid_certificates_file` ON `aid_certificates` (`file_id`);--> statement-breakpoint
CREATE TABLE `aid_payments` (
	`id` text PRIMARY KEY NOT NULL,
	`origin` text NOT NULL,
	`rev` integer DEFAULT 1 NOT NULL,
	`updated_at` text NOT NULL,
	`deleted_at` text,
	`program_id` text NOT NULL,
	`batch_id` text,
	`file_id` text,
	`year` integer NOT NULL,
	`type` text NOT NULL,
	`recipient_name` text NOT NULL,
	`recipient_id_number` text NOT NULL,
	`recipient_unit` text,
	`student_id` text,
	`school_stage` text,
	`amount_fen` integer NOT NULL,
	`suggested_fen` integer NOT NULL,
	`adjust_reason` text,
	`basis` text NOT NULL,
	`method` text NOT NULL,
	`status` text NOT NULL,
	`over_budget_reason` text,
	`note` text,
	`entered_by` text NOT NULL,
	`entered_at` text NOT NULL,
	`approved_by` text,
	`approved_at` text,
	`voucher_serial` text,
	`paid_on` text,
	`paid_by` text,
	`voided_by` text,
	`voided_at` text,
	`void_reason` text,
	`reissue_of` text,
	`print_count` integer DEFAULT 0 NOT NULL,
	FOREIGN KEY (`program_id`) REFERENCES `aid_programs`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`batch_id`) REFERENCES `aid_batches`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`file_id`) REFERENCES `hardship_files`(`id`) ON UPDATE no action ON DELETE no action
) STRICT;
--> statement-breakpoint
CREATE UNIQUE INDEX `aid_payments_serial` ON `aid_payments` (`voucher_serial`) WHERE voucher_serial IS NOT NULL;--> statement-breakpoint
CREATE UNIQUE INDEX `aid_payments_batch_file` ON `aid_payments` (`batch_id`,`file_id`,(CASE WHEN student_id IS NULL THEN '' ELSE student_id END)) WHERE batch_id IS NOT NULL AND file_id IS NOT NULL AND status <> 'voided' AND deleted_at IS NULL;--> statement-breakpoint
CREATE INDEX `aid_payments_file_year` ON `aid_payments` (`file_id`,`year`,`type`) WHERE status <> 'voided' AND deleted_at IS NULL;--> statement-breakpoint
CREATE INDEX `aid_payments_reissue` ON `aid_payments` (`reissue_of`) WHERE reissue_of IS NOT NULL;--> statement-breakpoint
CREATE INDEX `aid_payments_recipient` ON `aid_payments` (`recipient_id_number`);--> statement-breakpoint
CREATE INDEX `aid_payments_program` ON `aid_payments` (`program_id`,`entered_at`,`status`,`amount_fen`) WHERE deleted_at IS NULL;--> statement-breakpoint
CREATE INDEX `aid_payments_batch` ON `aid_payments` (`batch_id`,`entered_at`,`status`,`amount_fen`) WHERE deleted_at IS NULL;--> statement-breakpoint
CREATE INDEX `aid_payments_file` ON `aid_payments` (`file_id`,`entered_at`,`status`,`amount_fen`) WHERE deleted_at IS NULL;--> statement-breakpoint
CREATE INDEX `aid_payments_type` ON `aid_payments` (`type`,`entered_at`,`status`,`amount_fen`) WHERE deleted_at IS NULL;--> statement-breakpoint
CREATE INDEX `aid_payments_status` ON `aid_payments` (`status`,`entered_at`,`amount_fen`) WHERE deleted_at IS NULL;--> statement-breakpoint
CREATE INDEX `aid_payments_entered` ON `aid_payments` (`entered_at`,`status`,`amount_fen`) WHERE deleted_at IS NULL;--> statement-breakpoint
CREATE TABLE `aid_payment_totals` (
	`program_id` text NOT NULL,
	`batch_id` text NOT NULL,
	`type` text NOT NULL,
	`status` text NOT NULL,
	`count` integer NOT NULL,
	`amount_fen` integer NOT NULL,
	PRIMARY KEY(`program_id`, `batch_id`, `type`, `status`)
) STRICT;--> statement-breakpoint
CREATE TABLE `aid_programs` (
	`id` text PRIMARY KEY NOT NULL,
	`origin` text NOT NULL,
	`rev` integer DEFAULT 1 NOT NULL,
	`updated_at` text NOT NULL,
	`deleted_at` text,
	`type` text NOT NULL,
	`name` text NOT NULL,
	`year` integer NOT NULL,
	`fund_source` text NOT NULL,
	`budget_fen` integer,
	`status` text NOT NULL,
	`standard` text NOT NULL,
	`note` text,
	`created_by` text NOT NULL,
	`created_at` text NOT NULL
) STRICT;
--> statement-breakpoint
CREATE INDEX `aid_programs_year` ON `aid_programs` (`year`,`type`);--> statement-breakpoint
CREATE TABLE `document_serials` (
	`kind` text NOT NULL,
	`year` integer NOT NULL,
	`last` integer NOT NULL,
	PRIMARY KEY(`kind`, `year`)
) STRICT;
--> statement-breakpoint
CREATE TABLE `org_keys` (
	`id` text PRIMARY KEY NOT NULL,
	`purpose` text NOT NULL,
	`algorithm` text NOT NULL,
	`public_key` blob NOT NULL,
	`private_key` blob NOT NULL,
	`created_at` text NOT NULL,
	`retired_at` text
) STRICT;--> statement-breakpoint
-- Added by hand: programs, batches and payments travel (the pattern of 0001); nothing of aid is deleted, and the
-- office keys and serial counters are never removed either.
CREATE TRIGGER `aid_programs_sync_insert` AFTER INSERT ON `aid_programs` BEGIN
  INSERT INTO change_log (table_name, record_id, op, rev) VALUES ('aid_programs', NEW.id, 'insert', NEW.rev);
END;--> statement-breakpoint
CREATE TRIGGER `aid_programs_sync_update` AFTER UPDATE ON `aid_programs` BEGIN
  UPDATE `aid_programs` SET rev = OLD.rev + 1 WHERE id = NEW.id AND NEW.rev <= OLD.rev;
  INSERT INTO change_log (table_name, record_id, op, rev)
    VALUES ('aid_programs', NEW.id, 'update', (SELECT rev FROM `aid_programs` WHERE id = NEW.id));
END;--> statement-breakpoint
CREATE TRIGGER `aid_programs_no_delete` BEFORE DELETE ON `aid_programs` BEGIN
  SELECT RAISE(ABORT, 'hard delete refused: set deleted_at');
END;--> statement-breakpoint
CREATE TRIGGER `aid_batches_sync_insert` AFTER INSERT ON `aid_batches` BEGIN
  INSERT INTO change_log (table_name, record_id, op, rev) VALUES ('aid_batches', NEW.id, 'insert', NEW.rev);
END;--> statement-breakpoint
CREATE TRIGGER `aid_batches_sync_update` AFTER UPDATE ON `aid_batches` BEGIN
  UPDATE `aid_batches` SET rev = OLD.rev + 1 WHERE id = NEW.id AND NEW.rev <= OLD.rev;
  INSERT INTO change_log (table_name, record_id, op, rev)
    VALUES ('aid_batches', NEW.id, 'update', (SELECT rev FROM `aid_batches` WHERE id = NEW.id));
END;--> statement-breakpoint
CREATE TRIGGER `aid_batches_no_delete` BEFORE DELETE ON `aid_batches` BEGIN
  SELECT RAISE(ABORT, 'hard delete refused: set deleted_at');
END;--> statement-breakpoint
CREATE TRIGGER `aid_payments_sync_insert` AFTER INSERT ON `aid_payments` BEGIN
  INSERT INTO change_log (table_name, record_id, op, rev) VALUES ('aid_payments', NEW.id, 'insert', NEW.rev);
END;--> statement-breakpoint
CREATE TRIGGER `aid_payments_sync_update` AFTER UPDATE ON `aid_payments` BEGIN
  UPDATE `aid_payments` SET rev = OLD.rev + 1 WHERE id = NEW.id AND NEW.rev <= OLD.rev;
  INSERT INTO change_log (table_name, record_id, op, rev)
    VALUES ('aid_payments', NEW.id, 'update', (SELECT rev FROM `aid_payments` WHERE id = NEW.id));
END;--> statement-breakpoint
CREATE TRIGGER `aid_payments_no_delete` BEFORE DELETE ON `aid_payments` BEGIN
  SELECT RAISE(ABORT, 'hard delete refused: set deleted_at');
END;--> statement-breakpoint
CREATE TRIGGER `aid_certificates_no_delete` BEFORE DELETE ON `aid_certificates` BEGIN
  SELECT RAISE(ABORT, 'hard delete refused');
END;--> statement-breakpoint
CREATE TRIGGER `document_serials_no_delete` BEFORE DELETE ON `document_serials` BEGIN
  SELECT RAISE(ABORT, 'hard delete refused');
END;--> statement-breakpoint
CREATE TRIGGER `org_keys_no_delete` BEFORE DELETE ON `org_keys` BEGIN
  SELECT RAISE(ABORT, 'hard delete refused');
END;--> statement-breakpoint
-- The payments list's totals (schema/aid.ts aidPaymentTotals), kept by the table's own triggers so no write path can
-- forget them: a payment adds to its group; a change of status, amount or deletion moves it from one group to another.
CREATE TRIGGER `aid_payment_totals_insert` AFTER INSERT ON `aid_payments` WHEN NEW.deleted_at IS NULL BEGIN
  INSERT INTO aid_payment_totals (program_id, batch_id, type, status, count, amount_fen)
    VALUES (NEW.program_id, coalesce(NEW.batch_id, ''), NEW.type, NEW.status, 1, NEW.amount_fen)
    ON CONFLICT (program_id, batch_id, type, status) DO UPDATE SET count = count + 1, amount_fen = amount_fen + excluded.amount_fen;
END;--> statement-breakpoint
CREATE TRIGGER `aid_payment_totals_update` AFTER UPDATE OF status, amount_fen, deleted_at, program_id, batch_id, type ON `aid_payments` BEGIN
  UPDATE aid_payment_totals SET count = count - 1, amount_fen = amount_fen - OLD.amount_fen
    WHERE OLD.deleted_at IS NULL AND program_id = OLD.program_id AND batch_id = coalesce(OLD.batch_id, '') AND type = OLD.type AND status = OLD.status;
  INSERT INTO aid_payment_totals (program_id, batch_id, type, status, count, amount_fen)
    SELECT NEW.program_id, coalesce(NEW.batch_id, ''), NEW.type, NEW.status, 1, NEW.amount_fen WHERE NEW.deleted_at IS NULL
    ON CONFLICT (program_id, batch_id, type, status) DO UPDATE SET count = count + 1, amount_fen = amount_fen + excluded.amount_fen;
END;