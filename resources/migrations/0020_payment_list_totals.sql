CREATE TABLE `aid_payment_period_totals` (
	`grain` text NOT NULL,
	`period` text NOT NULL,
	`type` text NOT NULL,
	`status` text NOT NULL,
	`count` integer NOT NULL,
	`amount_fen` integer NOT NULL,
	PRIMARY KEY(`grain`, `period`, `type`, `status`)
) STRICT;
--> statement-breakpoint
CREATE TABLE `aid_payment_unit_totals` (
	`unit_ref` integer NOT NULL,
	`program_id` text NOT NULL,
	`batch_id` text NOT NULL,
	`type` text NOT NULL,
	`status` text NOT NULL,
	`count` integer NOT NULL,
	`amount_fen` integer NOT NULL,
	PRIMARY KEY(`unit_ref`, `program_id`, `batch_id`, `type`, `status`)
) STRICT;
--> statement-breakpoint
ALTER TABLE `aid_payments` ADD `unit_ref` integer REFERENCES units(ref);--> statement-breakpoint
-- Added by hand. The unit each payment was paid through (schema/aid.ts aidPayments.unitRef), for the payments already
-- written: the unit of their file's member today, the best record there is of it. Local and derived, so the backfill
-- does not travel: the sync trigger is set aside for it (it would raise every payment's rev and log a change) and
-- put back exactly as 0019 wrote it. The index is built after, in one sort.
DROP TRIGGER `aid_payments_sync_update`;--> statement-breakpoint
UPDATE `aid_payments` SET unit_ref = (
    SELECT m.unit_ref FROM hardship_files f JOIN members m ON m.id = f.member_key WHERE f.id = aid_payments.file_id)
  WHERE file_id IS NOT NULL;--> statement-breakpoint
CREATE TRIGGER `aid_payments_sync_update` AFTER UPDATE ON `aid_payments` BEGIN
  UPDATE `aid_payments` SET rev = OLD.rev + 1 WHERE id = NEW.id AND NEW.rev <= OLD.rev;
  INSERT INTO change_log (table_name, record_id, op, rev)
    VALUES ('aid_payments', NEW.id, 'update', (SELECT rev FROM `aid_payments` WHERE id = NEW.id));
END;--> statement-breakpoint
CREATE INDEX `aid_payments_unit` ON `aid_payments` (`unit_ref`,`entered_at`,`status`,`amount_fen`) WHERE deleted_at IS NULL;--> statement-breakpoint
-- The list's totals by unit and by period (schema/aid.ts), kept by the payments table's own triggers as 0019 keeps
-- aid_payment_totals, so no write path can forget them, then filled from the rows already there.
CREATE TRIGGER `aid_payment_unit_totals_insert` AFTER INSERT ON `aid_payments` WHEN NEW.deleted_at IS NULL AND NEW.unit_ref IS NOT NULL BEGIN
  INSERT INTO aid_payment_unit_totals (unit_ref, program_id, batch_id, type, status, count, amount_fen)
    VALUES (NEW.unit_ref, NEW.program_id, coalesce(NEW.batch_id, ''), NEW.type, NEW.status, 1, NEW.amount_fen)
    ON CONFLICT (unit_ref, program_id, batch_id, type, status) DO UPDATE SET count = count + 1, amount_fen = amount_fen + excluded.amount_fen;
END;--> statement-breakpoint
CREATE TRIGGER `aid_payment_unit_totals_update` AFTER UPDATE OF status, amount_fen, deleted_at, program_id, batch_id, type, unit_ref ON `aid_payments` BEGIN
  UPDATE aid_payment_unit_totals SET count = count - 1, amount_fen = amount_fen - OLD.amount_fen
    WHERE OLD.deleted_at IS NULL AND unit_ref = OLD.unit_ref AND program_id = OLD.program_id AND batch_id = coalesce(OLD.batch_id, '')
      AND type = OLD.type AND status = OLD.status;
  INSERT INTO aid_payment_unit_totals (unit_ref, program_id, batch_id, type, status, count, amount_fen)
    SELECT NEW.unit_ref, NEW.program_id, coalesce(NEW.batch_id, ''), NEW.type, NEW.status, 1, NEW.amount_fen
    WHERE NEW.deleted_at IS NULL AND NEW.unit_ref IS NOT NULL
    ON CONFLICT (unit_ref, program_id, batch_id, type, status) DO UPDATE SET count = count + 1, amount_fen = amount_fen + excluded.amount_fen;
END;--> statement-breakpoint
CREATE TRIGGER `aid_payment_period_totals_insert` AFTER INSERT ON `aid_payments` WHEN NEW.deleted_at IS NULL BEGIN
  INSERT INTO aid_payment_period_totals (grain, period, type, status, count, amount_fen)
    VALUES ('m', substr(NEW.entered_at, 1, 7), NEW.type, NEW.status, 1, NEW.amount_fen),
           ('d', substr(NEW.entered_at, 1, 10), NEW.type, NEW.status, 1, NEW.amount_fen)
    ON CONFLICT (grain, period, type, status) DO UPDATE SET count = count + 1, amount_fen = amount_fen + excluded.amount_fen;
END;--> statement-breakpoint
CREATE TRIGGER `aid_payment_period_totals_update` AFTER UPDATE OF status, amount_fen, deleted_at, type, entered_at ON `aid_payments` BEGIN
  UPDATE aid_payment_period_totals SET count = count - 1, amount_fen = amount_fen - OLD.amount_fen
    WHERE OLD.deleted_at IS NULL AND grain = 'm' AND period = substr(OLD.entered_at, 1, 7) AND type = OLD.type AND status = OLD.status;
  UPDATE aid_payment_period_totals SET count = count - 1, amount_fen = amount_fen - OLD.amount_fen
    WHERE OLD.deleted_at IS NULL AND grain = 'd' AND period = substr(OLD.entered_at, 1, 10) AND type = OLD.type AND status = OLD.status;
  INSERT INTO aid_payment_period_totals (grain, period, type, status, count, amount_fen)
    SELECT 'm', substr(NEW.entered_at, 1, 7), NEW.type, NEW.status, 1, NEW.amount_fen WHERE NEW.deleted_at IS NULL
    UNION ALL
    SELECT 'd', substr(NEW.entered_at, 1, 10), NEW.type, NEW.status, 1, NEW.amount_fen WHERE NEW.deleted_at IS NULL
    ON CONFLICT (grain, period, type, status) DO UPDATE SET count = count + 1, amount_fen = amount_fen + excluded.amount_fen;
END;--> statement-breakpoint
INSERT INTO aid_payment_unit_totals (unit_ref, program_id, batch_id, type, status, count, amount_fen)
  SELECT unit_ref, program_id, coalesce(batch_id, ''), type, status, count(*), sum(amount_fen) FROM aid_payments
  WHERE deleted_at IS NULL AND unit_ref IS NOT NULL GROUP BY unit_ref, program_id, coalesce(batch_id, ''), type, status;--> statement-breakpoint
INSERT INTO aid_payment_period_totals (grain, period, type, status, count, amount_fen)
  SELECT 'm', substr(entered_at, 1, 7), type, status, count(*), sum(amount_fen) FROM aid_payments
  WHERE deleted_at IS NULL GROUP BY substr(entered_at, 1, 7), type, status;--> statement-breakpoint
INSERT INTO aid_payment_period_totals (grain, period, type, status, count, amount_fen)
  SELECT 'd', substr(entered_at, 1, 10), type, status, count(*), sum(amount_fen) FROM aid_payments
  WHERE deleted_at IS NULL GROUP BY substr(entered_at, 1, 10), type, status;
