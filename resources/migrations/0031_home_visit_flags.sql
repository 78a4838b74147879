-- The visit flags (待入户调查, 入户调查已过期) of the files list and the home page read from indexes alone: each file under
-- way or in 复核 (hardship_files_visit_flags: its id and visits_count_from), its latest six-clears visit of the round
-- (file_visits_latest, in the order the flags read) and where that round began (file_events_round_start).
-- schema/hardship.ts says why each one is there.
CREATE INDEX `file_events_round_start` ON `file_events` (`file_id`,`at`,`action`) WHERE action IN ('upholdObjection', 'startAnnualReview');--> statement-breakpoint
CREATE INDEX `file_visits_latest` ON `file_visits` (`file_id`,`kind`,`date`,`recorded_at`,`all_clear`,`head_signed`);--> statement-breakpoint
CREATE INDEX `hardship_files_visit_flags` ON `hardship_files` (`status`,`id`,`visits_count_from`,`deleted_at`) WHERE deleted_at IS NULL;