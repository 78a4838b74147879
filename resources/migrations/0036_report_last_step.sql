-- Written by hand around drizzle-kit's index and column changes (it writes neither triggers nor backfills). A report as
-- of a past day (features/reports/file-states.ts) reads the files with no step recorded since from their kept states
-- and groups the timeline of the others only: each file now keeps when its latest report step was recorded
-- (last_step_at), so the two parts are told apart from the file's own index entry, where they were told apart by
-- the DISTINCT file ids of the later steps and a NOT IN per file (100,000 files as of last year-end: most of the
-- time). file_events_report takes the moment before the action, so a file's steps before an as-of moment are one
-- range (file_id=? AND at<?) rather than four.
DROP INDEX `file_events_report`;--> statement-breakpoint
CREATE INDEX `file_events_report` ON `file_events` (`file_id`,`at`,`action`,`on_date`) WHERE action IN ('approve', 'confirmImport', 'exit', 'close');--> statement-breakpoint
DROP INDEX `hardship_files_report`;--> statement-breakpoint
DROP INDEX `hardship_files_states`;--> statement-breakpoint
ALTER TABLE `hardship_files` ADD `last_step_at` text;--> statement-breakpoint
-- Like the other kept columns (migration 0030), writing it is no change of the file: no rev, no change log.
DROP TRIGGER `hardship_files_sync_update`;--> statement-breakpoint
CREATE TRIGGER `hardship_files_sync_update` AFTER UPDATE ON `hardship_files`
  WHEN OLD.main_cause IS NEW.main_cause AND OLD.entered_on IS NEW.entered_on AND OLD.left_on IS NEW.left_on
    AND OLD.left_by IS NEW.left_by AND OLD.last_step_at IS NEW.last_step_at BEGIN
  UPDATE `hardship_files` SET rev = OLD.rev + 1 WHERE id = NEW.id AND NEW.rev <= OLD.rev;
  INSERT INTO change_log (table_name, record_id, op, rev)
    VALUES ('hardship_files', NEW.id, 'update', (SELECT rev FROM `hardship_files` WHERE id = NEW.id));
END;
--> statement-breakpoint
-- The step's trigger of 0030 keeps last_step_at with the days, from the same grouping of the file's steps.
DROP TRIGGER `file_events_report_states`;--> statement-breakpoint
CREATE TRIGGER `file_events_report_states` AFTER INSERT ON `file_events`
  WHEN NEW.action IN ('approve', 'confirmImport', 'exit', 'close') BEGIN
  UPDATE `hardship_files` SET (entered_on, left_on, left_by, last_step_at) = (
    SELECT
      min(CASE action WHEN 'approve' THEN date(at, 'localtime') WHEN 'confirmImport' THEN coalesce(on_date, date(at, 'localtime')) END),
      max(CASE action WHEN 'exit' THEN coalesce(on_date, date(at, 'localtime')) WHEN 'close' THEN date(at, 'localtime') END),
      max(CASE WHEN action IN ('exit', 'close') THEN action END),
      max(at)
    FROM file_events INDEXED BY file_events_report
    WHERE file_id = NEW.file_id AND action IN ('approve', 'confirmImport', 'exit', 'close'))
  WHERE id = NEW.file_id AND (entered_on, left_on, left_by, last_step_at) IS NOT (
    SELECT
      min(CASE action WHEN 'approve' THEN date(at, 'localtime') WHEN 'confirmImport' THEN coalesce(on_date, date(at, 'localtime')) END),
      max(CASE action WHEN 'exit' THEN coalesce(on_date, date(at, 'localtime')) WHEN 'close' THEN date(at, 'localtime') END),
      max(CASE WHEN action IN ('exit', 'close') THEN action END),
      max(at)
    FROM file_events INDEXED BY file_events_report
    WHERE file_id = NEW.file_id AND action IN ('approve', 'confirmImport', 'exit', 'close'));
END;
--> statement-breakpoint
UPDATE `hardship_files` SET last_step_at = (
  SELECT max(at) FROM file_events e INDEXED BY file_events_report
  WHERE e.file_id = hardship_files.id AND e.action IN ('approve', 'confirmImport', 'exit', 'close'))
WHERE id IN (SELECT file_id FROM file_events WHERE action IN ('approve', 'confirmImport', 'exit', 'close'));--> statement-breakpoint
CREATE INDEX `hardship_files_report` ON `hardship_files` (`id`,`category`,`worker_type`,`entry_kind`,`main_cause`,`deleted_at`,`entered_on`,`left_on`,`left_by`,`last_step_at`);--> statement-breakpoint
CREATE INDEX `hardship_files_states` ON `hardship_files` (`category`,`worker_type`,`entry_kind`,`main_cause`,`entered_on`,`left_on`,`left_by`,`id`,`deleted_at`,`last_step_at`) WHERE deleted_at IS NULL AND entered_on IS NOT NULL;
