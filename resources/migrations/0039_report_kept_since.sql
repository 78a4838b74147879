-- Written by hand around drizzle-kit's index and column changes (it writes neither triggers nor backfills). A report as
-- of a past day (features/reports/file-states.ts) read every file with a step recorded since from its timeline
-- (last_step_at, 0036); each file now also keeps when its kept state became the timeline's answer (kept_since), the
-- state before that (prior_*) and when that one became the answer (prior_since), so that only a file with two
-- changes recorded since the as-of moment is grouped from its timeline. kept_since is the latest of: the earliest step
-- naming the kept entry day, the earliest naming the kept leaving day, and (left by exit) the earliest exit; the prior
-- state is stepDays over the steps before it, and prior_since the same rule over those (docs/architecture.md).
DROP INDEX `hardship_files_report`;--> statement-breakpoint
DROP INDEX `hardship_files_states`;--> statement-breakpoint
ALTER TABLE `hardship_files` ADD `kept_since` text;--> statement-breakpoint
ALTER TABLE `hardship_files` ADD `prior_entered_on` text;--> statement-breakpoint
ALTER TABLE `hardship_files` ADD `prior_left_on` text;--> statement-breakpoint
ALTER TABLE `hardship_files` ADD `prior_left_by` text;--> statement-breakpoint
ALTER TABLE `hardship_files` ADD `prior_since` text;--> statement-breakpoint
-- Like the other kept columns (migrations 0030, 0036), writing them is no change of the file: no rev, no change log.
DROP TRIGGER `hardship_files_sync_update`;--> statement-breakpoint
CREATE TRIGGER `hardship_files_sync_update` AFTER UPDATE ON `hardship_files`
  WHEN OLD.main_cause IS NEW.main_cause AND OLD.entered_on IS NEW.entered_on AND OLD.left_on IS NEW.left_on
    AND OLD.left_by IS NEW.left_by AND OLD.last_step_at IS NEW.last_step_at AND OLD.kept_since IS NEW.kept_since
    AND OLD.prior_entered_on IS NEW.prior_entered_on AND OLD.prior_left_on IS NEW.prior_left_on
    AND OLD.prior_left_by IS NEW.prior_left_by AND OLD.prior_since IS NEW.prior_since BEGIN
  UPDATE `hardship_files` SET rev = OLD.rev + 1 WHERE id = NEW.id AND NEW.rev <= OLD.rev;
  INSERT INTO change_log (table_name, record_id, op, rev)
    VALUES ('hardship_files', NEW.id, 'update', (SELECT rev FROM `hardship_files` WHERE id = NEW.id));
END;
--> statement-breakpoint
-- The step's trigger keeps the three after the days, each from the row's columns written before it.
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
  UPDATE `hardship_files` SET kept_since = (SELECT nullif(max(
      coalesce(min(CASE WHEN CASE action WHEN 'approve' THEN date(at, 'localtime') WHEN 'confirmImport' THEN coalesce(on_date, date(at, 'localtime')) END = hardship_files.entered_on THEN at END), ''),
      coalesce(min(CASE WHEN CASE action WHEN 'exit' THEN coalesce(on_date, date(at, 'localtime')) WHEN 'close' THEN date(at, 'localtime') END = hardship_files.left_on THEN at END), ''),
      coalesce(min(CASE WHEN action = 'exit' AND hardship_files.left_by = 'exit' THEN at END), '')), '') FROM file_events INDEXED BY file_events_report WHERE file_id = hardship_files.id AND action IN ('approve', 'confirmImport', 'exit', 'close'))
  WHERE id = NEW.file_id AND kept_since IS NOT (SELECT nullif(max(
      coalesce(min(CASE WHEN CASE action WHEN 'approve' THEN date(at, 'localtime') WHEN 'confirmImport' THEN coalesce(on_date, date(at, 'localtime')) END = hardship_files.entered_on THEN at END), ''),
      coalesce(min(CASE WHEN CASE action WHEN 'exit' THEN coalesce(on_date, date(at, 'localtime')) WHEN 'close' THEN date(at, 'localtime') END = hardship_files.left_on THEN at END), ''),
      coalesce(min(CASE WHEN action = 'exit' AND hardship_files.left_by = 'exit' THEN at END), '')), '') FROM file_events INDEXED BY file_events_report WHERE file_id = hardship_files.id AND action IN ('approve', 'confirmImport', 'exit', 'close'));
  UPDATE `hardship_files` SET (prior_entered_on, prior_left_on, prior_left_by) = (SELECT min(CASE action WHEN 'approve' THEN date(at, 'localtime') WHEN 'confirmImport' THEN coalesce(on_date, date(at, 'localtime')) END), max(CASE action WHEN 'exit' THEN coalesce(on_date, date(at, 'localtime')) WHEN 'close' THEN date(at, 'localtime') END), max(CASE WHEN action IN ('exit', 'close') THEN action END)
      FROM file_events INDEXED BY file_events_report WHERE file_id = hardship_files.id AND action IN ('approve', 'confirmImport', 'exit', 'close') AND at < hardship_files.kept_since)
  WHERE id = NEW.file_id AND (prior_entered_on, prior_left_on, prior_left_by) IS NOT (SELECT min(CASE action WHEN 'approve' THEN date(at, 'localtime') WHEN 'confirmImport' THEN coalesce(on_date, date(at, 'localtime')) END), max(CASE action WHEN 'exit' THEN coalesce(on_date, date(at, 'localtime')) WHEN 'close' THEN date(at, 'localtime') END), max(CASE WHEN action IN ('exit', 'close') THEN action END)
      FROM file_events INDEXED BY file_events_report WHERE file_id = hardship_files.id AND action IN ('approve', 'confirmImport', 'exit', 'close') AND at < hardship_files.kept_since);
  UPDATE `hardship_files` SET prior_since = (SELECT nullif(max(
      coalesce(min(CASE WHEN CASE action WHEN 'approve' THEN date(at, 'localtime') WHEN 'confirmImport' THEN coalesce(on_date, date(at, 'localtime')) END = hardship_files.prior_entered_on THEN at END), ''),
      coalesce(min(CASE WHEN CASE action WHEN 'exit' THEN coalesce(on_date, date(at, 'localtime')) WHEN 'close' THEN date(at, 'localtime') END = hardship_files.prior_left_on THEN at END), ''),
      coalesce(min(CASE WHEN action = 'exit' AND hardship_files.prior_left_by = 'exit' THEN at END), '')), '')
      FROM file_events INDEXED BY file_events_report WHERE file_id = hardship_files.id AND action IN ('approve', 'confirmImport', 'exit', 'close') AND at < hardship_files.kept_since)
  WHERE id = NEW.file_id AND prior_since IS NOT (SELECT nullif(max(
      coalesce(min(CASE WHEN CASE action WHEN 'approve' THEN date(at, 'localtime') WHEN 'confirmImport' THEN coalesce(on_date, date(at, 'localtime')) END = hardship_files.prior_entered_on THEN at END), ''),
      coalesce(min(CASE WHEN CASE action WHEN 'exit' THEN coalesce(on_date, date(at, 'localtime')) WHEN 'close' THEN date(at, 'localtime') END = hardship_files.prior_left_on THEN at END), ''),
      coalesce(min(CASE WHEN action = 'exit' AND hardship_files.prior_left_by = 'exit' THEN at END), '')), '')
      FROM file_events INDEXED BY file_events_report WHERE file_id = hardship_files.id AND action IN ('approve', 'confirmImport', 'exit', 'close') AND at < hardship_files.kept_since);
END;
--> statement-breakpoint
-- Every file with a step, as the trigger keeps them (the three in turn).
UPDATE `hardship_files` SET kept_since = (SELECT nullif(max(
      coalesce(min(CASE WHEN CASE action WHEN 'approve' THEN date(at, 'localtime') WHEN 'confirmImport' THEN coalesce(on_date, date(at, 'localtime')) END = hardship_files.entered_on THEN at END), ''),
      coalesce(min(CASE WHEN CASE action WHEN 'exit' THEN coalesce(on_date, date(at, 'localtime')) WHEN 'close' THEN date(at, 'localtime') END = hardship_files.left_on THEN at END), ''),
      coalesce(min(CASE WHEN action = 'exit' AND hardship_files.left_by = 'exit' THEN at END), '')), '') FROM file_events INDEXED BY file_events_report WHERE file_id = hardship_files.id AND action IN ('approve', 'confirmImport', 'exit', 'close'))
  WHERE (entered_on IS NOT NULL OR left_on IS NOT NULL) AND kept_since IS NOT (SELECT nullif(max(
      coalesce(min(CASE WHEN CASE action WHEN 'approve' THEN date(at, 'localtime') WHEN 'confirmImport' THEN coalesce(on_date, date(at, 'localtime')) END = hardship_files.entered_on THEN at END), ''),
      coalesce(min(CASE WHEN CASE action WHEN 'exit' THEN coalesce(on_date, date(at, 'localtime')) WHEN 'close' THEN date(at, 'localtime') END = hardship_files.left_on THEN at END), ''),
      coalesce(min(CASE WHEN action = 'exit' AND hardship_files.left_by = 'exit' THEN at END), '')), '') FROM file_events INDEXED BY file_events_report WHERE file_id = hardship_files.id AND action IN ('approve', 'confirmImport', 'exit', 'close'));--> statement-breakpoint
UPDATE `hardship_files` SET (prior_entered_on, prior_left_on, prior_left_by) = (SELECT min(CASE action WHEN 'approve' THEN date(at, 'localtime') WHEN 'confirmImport' THEN coalesce(on_date, date(at, 'localtime')) END), max(CASE action WHEN 'exit' THEN coalesce(on_date, date(at, 'localtime')) WHEN 'close' THEN date(at, 'localtime') END), max(CASE WHEN action IN ('exit', 'close') THEN action END)
      FROM file_events INDEXED BY file_events_report WHERE file_id = hardship_files.id AND action IN ('approve', 'confirmImport', 'exit', 'close') AND at < hardship_files.kept_since)
  WHERE (entered_on IS NOT NULL OR left_on IS NOT NULL) AND (prior_entered_on, prior_left_on, prior_left_by) IS NOT (SELECT min(CASE action WHEN 'approve' THEN date(at, 'localtime') WHEN 'confirmImport' THEN coalesce(on_date, date(at, 'localtime')) END), max(CASE action WHEN 'exit' THEN coalesce(on_date, date(at, 'localtime')) WHEN 'close' THEN date(at, 'localtime') END), max(CASE WHEN action IN ('exit', 'close') THEN action END)
      FROM file_events INDEXED BY file_events_report WHERE file_id = hardship_files.id AND action IN ('approve', 'confirmImport', 'exit', 'close') AND at < hardship_files.kept_since);--> statement-breakpoint
UPDATE `hardship_files` SET prior_since = (SELECT nullif(max(
      coalesce(min(CASE WHEN CASE action WHEN 'approve' THEN date(at, 'localtime') WHEN 'confirmImport' THEN coalesce(on_date, date(at, 'localtime')) END = hardship_files.prior_entered_on THEN at END), ''),
      coalesce(min(CASE WHEN CASE action WHEN 'exit' THEN coalesce(on_date, date(at, 'localtime')) WHEN 'close' THEN date(at, 'localtime') END = hardship_files.prior_left_on THEN at END), ''),
      coalesce(min(CASE WHEN action = 'exit' AND hardship_files.prior_left_by = 'exit' THEN at END), '')), '')
      FROM file_events INDEXED BY file_events_report WHERE file_id = hardship_files.id AND action IN ('approve', 'confirmImport', 'exit', 'close') AND at < hardship_files.kept_since)
  WHERE (entered_on IS NOT NULL OR left_on IS NOT NULL) AND prior_since IS NOT (SELECT nullif(max(
      coalesce(min(CASE WHEN CASE action WHEN 'approve' THEN date(at, 'localtime') WHEN 'confirmImport' THEN coalesce(on_date, date(at, 'localtime')) END = hardship_files.prior_entered_on THEN at END), ''),
      coalesce(min(CASE WHEN CASE action WHEN 'exit' THEN coalesce(on_date, date(at, 'localtime')) WHEN 'close' THEN date(at, 'localtime') END = hardship_files.prior_left_on THEN at END), ''),
      coalesce(min(CASE WHEN action = 'exit' AND hardship_files.prior_left_by = 'exit' THEN at END), '')), '')
      FROM file_events INDEXED BY file_events_report WHERE file_id = hardship_files.id AND action IN ('approve', 'confirmImport', 'exit', 'close') AND at < hardship_files.kept_since);--> statement-breakpoint
CREATE INDEX `hardship_files_report` ON `hardship_files` (`id`,`category`,`worker_type`,`entry_kind`,`main_cause`,`deleted_at`,`entered_on`,`left_on`,`left_by`,`kept_since`,`prior_entered_on`,`prior_left_on`,`prior_left_by`,`prior_since`);--> statement-breakpoint
CREATE INDEX `hardship_files_states` ON `hardship_files` (`category`,`worker_type`,`entry_kind`,`main_cause`,`entered_on`,`left_on`,`left_by`,`id`,`deleted_at`,`kept_since`,`prior_entered_on`,`prior_left_on`,`prior_left_by`,`prior_since`) WHERE deleted_at IS NULL AND entered_on IS NOT NULL;--> statement-breakpoint
CREATE INDEX `hardship_files_prior_since` ON `hardship_files` (`prior_since`) WHERE prior_since IS NOT NULL;
