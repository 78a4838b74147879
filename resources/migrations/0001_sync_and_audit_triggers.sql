-- Travelling tables (sync columns): every insert and update lands in change_log; an update that did not raise
-- `rev` gets it raised; hard deletes are refused (tombstones via deleted_at). Pattern for every future travelling
-- table: the three triggers below with the table's name (tests/core/migrations.test.ts checks every table with sync columns has them).
CREATE TRIGGER `org_sync_insert` AFTER INSERT ON `org` BEGIN
  INSERT INTO change_log (table_name, record_id, op, rev) VALUES ('org', NEW.id, 'insert', NEW.rev);
END;
--> statement-breakpoint
CREATE TRIGGER `org_sync_update` AFTER UPDATE ON `org` BEGIN
  UPDATE `org` SET rev = OLD.rev + 1 WHERE id = NEW.id AND NEW.rev <= OLD.rev;
  INSERT INTO change_log (table_name, record_id, op, rev)
    VALUES ('org', NEW.id, 'update', (SELECT rev FROM `org` WHERE id = NEW.id));
END;
--> statement-breakpoint
CREATE TRIGGER `org_no_delete` BEFORE DELETE ON `org` BEGIN
  SELECT RAISE(ABORT, 'hard delete refused: set deleted_at');
END;
--> statement-breakpoint
-- The audit log is append-only.
CREATE TRIGGER `audit_log_no_update` BEFORE UPDATE ON `audit_log` BEGIN
  SELECT RAISE(ABORT, 'audit log is append-only');
END;
--> statement-breakpoint
CREATE TRIGGER `audit_log_no_delete` BEFORE DELETE ON `audit_log` BEGIN
  SELECT RAISE(ABORT, 'audit log is append-only');
END;
