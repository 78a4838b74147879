-- Written by hand (drizzle-kit writes neither triggers nor backfills). The reports' states kept on each file
-- (features/reports/file-states.ts): the draft's main cause (one plain column for the two expression indexes of 0027
-- and 0029; a VIRTUAL generated column would do, but SQLite reads the row for it even from an index that holds it),
-- and the days the file came on record and left, kept by a trigger from the timeline's steps exactly as STATES_CTE
-- reads them when every step counts, in the office's local day ('localtime'). Triggers keep them in the transaction
-- of the write they follow, whoever writes (the lifecycle, the old files' import, the demo files, a bench).
DROP INDEX `hardship_files_report`;--> statement-breakpoint
DROP INDEX `hardship_files_in_force`;--> statement-breakpoint
ALTER TABLE `hardship_files` ADD `main_cause` text;--> statement-breakpoint
ALTER TABLE `hardship_files` ADD `entered_on` text;--> statement-breakpoint
ALTER TABLE `hardship_files` ADD `left_on` text;--> statement-breakpoint
ALTER TABLE `hardship_files` ADD `left_by` text;--> statement-breakpoint
-- The kept columns are derived from the draft and the timeline, which travel: writing them is no change of the file,
-- so it neither raises the file's rev nor enters the change log (only the triggers below write them).
DROP TRIGGER `hardship_files_sync_update`;--> statement-breakpoint
CREATE TRIGGER `hardship_files_sync_update` AFTER UPDATE ON `hardship_files`
  WHEN OLD.main_cause IS NEW.main_cause AND OLD.entered_on IS NEW.entered_on AND OLD.left_on IS NEW.left_on
    AND OLD.left_by IS NEW.left_by BEGIN
  UPDATE `hardship_files` SET rev = OLD.rev + 1 WHERE id = NEW.id AND NEW.rev <= OLD.rev;
  INSERT INTO change_log (table_name, record_id, op, rev)
    VALUES ('hardship_files', NEW.id, 'update', (SELECT rev FROM `hardship_files` WHERE id = NEW.id));
END;
--> statement-breakpoint
CREATE TRIGGER `hardship_files_main_cause_insert` AFTER INSERT ON `hardship_files`
  WHEN json_extract(NEW.draft, '$.mainCause') IS NOT NULL BEGIN
  UPDATE `hardship_files` SET main_cause = json_extract(NEW.draft, '$.mainCause') WHERE id = NEW.id;
END;
--> statement-breakpoint
CREATE TRIGGER `hardship_files_main_cause_update` AFTER UPDATE OF draft ON `hardship_files`
  WHEN json_extract(NEW.draft, '$.mainCause') IS NOT NEW.main_cause BEGIN
  UPDATE `hardship_files` SET main_cause = json_extract(NEW.draft, '$.mainCause') WHERE id = NEW.id;
END;
--> statement-breakpoint
UPDATE `hardship_files` SET main_cause = json_extract(draft, '$.mainCause') WHERE json_extract(draft, '$.mainCause') IS NOT NULL;--> statement-breakpoint
-- Every writer of a step (approve, confirmImport, exit, close: the lifecycle, the old files' import, the demo files)
-- keeps the file's days true in its own transaction: the timeline is append-only (file_events_no_change), so a step
-- inserted is the only change. The file's steps are grouped again, as STATES_CTE groups them; a step that changes
-- nothing writes nothing.
CREATE TRIGGER `file_events_report_states` AFTER INSERT ON `file_events`
  WHEN NEW.action IN ('approve', 'confirmImport', 'exit', 'close') BEGIN
  UPDATE `hardship_files` SET (entered_on, left_on, left_by) = (
    SELECT
      min(CASE action WHEN 'approve' THEN date(at, 'localtime') WHEN 'confirmImport' THEN coalesce(on_date, date(at, 'localtime')) END),
      max(CASE action WHEN 'exit' THEN coalesce(on_date, date(at, 'localtime')) WHEN 'close' THEN date(at, 'localtime') END),
      max(CASE WHEN action IN ('exit', 'close') THEN action END)
    FROM file_events INDEXED BY file_events_report
    WHERE file_id = NEW.file_id AND action IN ('approve', 'confirmImport', 'exit', 'close'))
  WHERE id = NEW.file_id AND (entered_on, left_on, left_by) IS NOT (
    SELECT
      min(CASE action WHEN 'approve' THEN date(at, 'localtime') WHEN 'confirmImport' THEN coalesce(on_date, date(at, 'localtime')) END),
      max(CASE action WHEN 'exit' THEN coalesce(on_date, date(at, 'localtime')) WHEN 'close' THEN date(at, 'localtime') END),
      max(CASE WHEN action IN ('exit', 'close') THEN action END)
    FROM file_events INDEXED BY file_events_report
    WHERE file_id = NEW.file_id AND action IN ('approve', 'confirmImport', 'exit', 'close'));
END;
--> statement-breakpoint
UPDATE `hardship_files` SET (entered_on, left_on, left_by) = (
  SELECT
    min(CASE action WHEN 'approve' THEN date(at, 'localtime') WHEN 'confirmImport' THEN coalesce(on_date, date(at, 'localtime')) END),
    max(CASE action WHEN 'exit' THEN coalesce(on_date, date(at, 'localtime')) WHEN 'close' THEN date(at, 'localtime') END),
    max(CASE WHEN action IN ('exit', 'close') THEN action END)
  FROM file_events e INDEXED BY file_events_report
  WHERE e.file_id = hardship_files.id AND e.action IN ('approve', 'confirmImport', 'exit', 'close'))
WHERE id IN (SELECT file_id FROM file_events WHERE action IN ('approve', 'confirmImport', 'exit', 'close'));--> statement-breakpoint
CREATE INDEX `hardship_files_states` ON `hardship_files` (`category`,`worker_type`,`entry_kind`,`main_cause`,`entered_on`,`left_on`,`left_by`,`id`,`deleted_at`) WHERE deleted_at IS NULL AND entered_on IS NOT NULL;--> statement-breakpoint
CREATE INDEX `hardship_files_report` ON `hardship_files` (`id`,`category`,`worker_type`,`entry_kind`,`main_cause`,`deleted_at`);--> statement-breakpoint
CREATE INDEX `hardship_files_in_force` ON `hardship_files` (`status`,`category`,`main_cause`) WHERE deleted_at IS NULL;--> statement-breakpoint
CREATE INDEX `file_events_report_at` ON `file_events` (`at`) WHERE action IN ('approve', 'confirmImport', 'exit', 'close');--> statement-breakpoint
-- The people table reads each file's people from this index alone (features/reports/people-counts.ts: school stage and
-- 文化程度 from the details); written by hand: drizzle-kit splits an expression with a comma into columns.
CREATE INDEX `file_household_people` ON `file_household` (`file_id`,`relation`,`id_number`,`deleted_at`,json_extract(details, '$.schoolStage'),json_extract(details, '$.educationLevel'));
