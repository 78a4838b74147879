-- Roster search and sync (see src/main/core/db/schema/roster.ts and features/roster/member-search.ts).
--
-- Names: a contentless FTS5 table of the name's characters and adjacent character pairs ("单雄信" → 单 雄 信 单雄 雄信),
-- so any part of a name of one or two characters is one token, and longer parts are the AND of their pairs (then
-- checked with LIKE). detail=none keeps it to a few bytes per member. bangfu_grams() is registered by the program on
-- every connection (db/client.ts); its output must never change for existing rows, or deletes from the index would
-- miss: a new algorithm needs a new function name and a rebuild.
CREATE VIRTUAL TABLE `members_grams` USING fts5(grams, content='', tokenize='unicode61', detail='none', columnsize=0);
--> statement-breakpoint
CREATE TRIGGER `members_grams_insert` AFTER INSERT ON `members` BEGIN
  INSERT INTO members_grams (rowid, grams) VALUES (NEW.ref, bangfu_grams(NEW.name));
END;
--> statement-breakpoint
CREATE TRIGGER `members_grams_update` AFTER UPDATE OF name ON `members` BEGIN
  INSERT INTO members_grams (members_grams, rowid, grams) VALUES ('delete', OLD.ref, bangfu_grams(OLD.name));
  INSERT INTO members_grams (rowid, grams) VALUES (NEW.ref, bangfu_grams(NEW.name));
END;
--> statement-breakpoint
-- ID tail: the last four characters find a member from "the last 4–6 digits" in one index probe.
CREATE INDEX `members_id_tail` ON `members` (substr(id_number, 15));
--> statement-breakpoint
-- Sync: the pattern of 0001 for travelling tables. members.id is a 16-byte UUID: change_log gets its text form.
CREATE TRIGGER `members_sync_insert` AFTER INSERT ON `members` BEGIN
  INSERT INTO change_log (table_name, record_id, op, rev) VALUES ('members', lower(substr(hex(NEW.id), 1, 8) || '-' || substr(hex(NEW.id), 9, 4) || '-' || substr(hex(NEW.id), 13, 4) || '-' || substr(hex(NEW.id), 17, 4) || '-' || substr(hex(NEW.id), 21)), 'insert', NEW.rev);
END;
--> statement-breakpoint
CREATE TRIGGER `members_sync_update` AFTER UPDATE ON `members` BEGIN
  UPDATE `members` SET rev = OLD.rev + 1 WHERE ref = NEW.ref AND NEW.rev <= OLD.rev;
  INSERT INTO change_log (table_name, record_id, op, rev)
    VALUES ('members', lower(substr(hex(NEW.id), 1, 8) || '-' || substr(hex(NEW.id), 9, 4) || '-' || substr(hex(NEW.id), 13, 4) || '-' || substr(hex(NEW.id), 17, 4) || '-' || substr(hex(NEW.id), 21)), 'update', (SELECT rev FROM `members` WHERE ref = NEW.ref));
END;
--> statement-breakpoint
CREATE TRIGGER `members_no_delete` BEFORE DELETE ON `members` BEGIN
  SELECT RAISE(ABORT, 'hard delete refused: set deleted_at');
END;
--> statement-breakpoint
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
