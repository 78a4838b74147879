-- Written by hand (docs/architecture.md §4: expression indexes drizzle-kit cannot say): the federation's views of
-- its centres (features/federation). Each index is partial on one table's live records, and its expressions are
-- written exactly as the queries of features/federation/*.repo.ts write them, or SQLite would not use it.
-- Counts held per centre and table, and a table's pages in update order, from the index alone.
CREATE INDEX `exchange_records_live` ON `exchange_records` (`centre_code`, `table_name`, `updated_at`) WHERE deleted_at IS NULL;--> statement-breakpoint
-- One record by its id (a file's page, the duplicate lists' places): ids are UUIDs, unique across centres.
CREATE INDEX `exchange_records_id` ON `exchange_records` (`id`, `table_name`);--> statement-breakpoint
CREATE INDEX `exchange_records_file_status` ON `exchange_records` (`centre_code`, json_extract(`fields`, '$.status'), `updated_at`)
  WHERE table_name = 'hardship_files' AND deleted_at IS NULL;--> statement-breakpoint
CREATE INDEX `exchange_records_file_category` ON `exchange_records` (`centre_code`, json_extract(`fields`, '$.category'), `updated_at`)
  WHERE table_name = 'hardship_files' AND deleted_at IS NULL;--> statement-breakpoint
CREATE INDEX `exchange_records_file_no` ON `exchange_records` (`centre_code`, json_extract(`fields`, '$.file_no'))
  WHERE table_name = 'hardship_files' AND deleted_at IS NULL;--> statement-breakpoint
CREATE INDEX `exchange_records_file_head` ON `exchange_records` (`centre_code`, json_extract(`fields`, '$.head_name'))
  WHERE table_name = 'hardship_files' AND deleted_at IS NULL;--> statement-breakpoint
CREATE INDEX `exchange_records_file_head_tail` ON `exchange_records` (`centre_code`, substr(json_extract(`fields`, '$.head_id_number'), -4))
  WHERE table_name = 'hardship_files' AND deleted_at IS NULL;--> statement-breakpoint
CREATE INDEX `exchange_records_member_name` ON `exchange_records` (`centre_code`, json_extract(`fields`, '$.name'))
  WHERE table_name = 'members' AND deleted_at IS NULL;--> statement-breakpoint
CREATE INDEX `exchange_records_member_id` ON `exchange_records` (`centre_code`, json_extract(`fields`, '$.id_number'))
  WHERE table_name = 'members' AND deleted_at IS NULL;--> statement-breakpoint
CREATE INDEX `exchange_records_member_tail` ON `exchange_records` (`centre_code`, substr(json_extract(`fields`, '$.id_number'), -4))
  WHERE table_name = 'members' AND deleted_at IS NULL;--> statement-breakpoint
-- Payments: pages in order of entry, and the filters' totals read from the index (it carries the amount).
CREATE INDEX `exchange_records_payment_entered` ON `exchange_records` (`centre_code`, json_extract(`fields`, '$.entered_at'))
  WHERE table_name = 'aid_payments' AND deleted_at IS NULL;--> statement-breakpoint
CREATE INDEX `exchange_records_payments` ON `exchange_records` (`centre_code`, json_extract(`fields`, '$.year'), json_extract(`fields`, '$.type'),
  json_extract(`fields`, '$.status'), json_extract(`fields`, '$.amount_fen')) WHERE table_name = 'aid_payments' AND deleted_at IS NULL;--> statement-breakpoint
-- 重复核查: the active people of one record table, grouped by number (and year) from the index alone.
CREATE INDEX `exchange_people_active_files` ON `exchange_people` (`id_number`, `centre_code`) WHERE record_table = 'hardship_files' AND active = 1;--> statement-breakpoint
CREATE INDEX `exchange_people_active_aid` ON `exchange_people` (`year`, `id_number`, `centre_code`, `amount_fen`)
  WHERE record_table = 'aid_payments' AND active = 1;
