DROP INDEX `file_events_report_at`;--> statement-breakpoint
CREATE INDEX `file_events_report_at` ON `file_events` (`at`,`file_id`) WHERE action IN ('approve', 'confirmImport', 'exit', 'close');