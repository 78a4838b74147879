DROP INDEX `file_events_report_at`;--> statement-breakpoint
CREATE INDEX `file_events_report_at` ON `file_events` (`at`,`file_id`) WHERE action IN ('approve', 'confirmImport', 'exit', 'close');--> statement-breakpoint
DROP INDEX `hardship_files_report`;--> statement-breakpoint
CREATE INDEX `hardship_files_report` ON `hardship_files` (`id`,`category`,`worker_type`,`entry_kind`,`main_cause`,`deleted_at`,`entered_on`,`left_on`,`left_by`);