-- Written by hand (docs/architecture.md §4: expression indexes drizzle-kit cannot say): the federation's views of
-- its centres (features/federation). Each index is partial on one table's live records, and its expressions are
-- written exactly as the queries of features/federation/*.repo.ts write them, or SQLite would not use it. Columns
-- a query tests (table_name, deleted_at, record_table, active) are carried at the end where the index must cover
-- the query alone (counts, totals, the duplicate lists): SQLite reads the table otherwise. Lists end in `id`, the
-- lists' last sort key, so a page never sorts. Measured at 100,000 files, 1,000,000 members and 1,000,000 payments
-- of one centre: docs/architecture.md §4.
-- Counts held per centre and table, and the files in update order.
CREATE INDEX `exchange_records_live` ON `exchange_records` (`centre_code`, `table_name`, `updated_at`, `id`, `deleted_at`) WHERE deleted_at IS NULL;--> statement-breakpoint
CREATE INDEX `exchange_records_file_status` ON `exchange_records` (`centre_code`, json_extract(`fields`, '$.status'), `updated_at`, `id`)
  WHERE table_name = 'hardship_files' AND deleted_at IS NULL;--> statement-breakpoint
CREATE INDEX `exchange_records_file_category` ON `exchange_records` (`centre_code`, json_extract(`fields`, '$.category'), `updated_at`, `id`)
  WHERE table_name = 'hardship_files' AND deleted_at IS NULL;--> statement-breakpoint
CREATE INDEX `exchange_records_file_no` ON `exchange_records` (`centre_code`, json_extract(`fields`, '$.file_no'))
  WHERE table_name = 'hardship_files' AND deleted_at IS NULL;--> statement-breakpoint
CREATE INDEX `exchange_records_file_head` ON `exchange_records` (`centre_code`, json_extract(`fields`, '$.head_name'))
  WHERE table_name = 'hardship_files' AND deleted_at IS NULL;--> statement-breakpoint
CREATE INDEX `exchange_records_file_head_tail` ON `exchange_records` (`centre_code`, substr(json_extract(`fields`, '$.head_id_number'), -4))
  WHERE table_name = 'hardship_files' AND deleted_at IS NULL;--> statement-breakpoint
CREATE INDEX `exchange_records_member_name` ON `exchange_records` (`centre_code`, json_extract(`fields`, '$.name'), `id`)
  WHERE table_name = 'members' AND deleted_at IS NULL;--> statement-breakpoint
CREATE INDEX `exchange_records_member_tail` ON `exchange_records` (`centre_code`, substr(json_extract(`fields`, '$.id_number'), -4))
  WHERE table_name = 'members' AND deleted_at IS NULL;--> statement-breakpoint
-- Payments: pages newest year first, then by entry, for no filter, a status or a type (each index gives that order
-- after its equal columns: walking the plain order to find a rare type read 6.5 s of JSON); and every filter's totals
-- from one covering index (it carries the amount). A record by its id is read through the primary key (origin, table, id),
-- the centre's origin taken from its org record: every index here costs the import a write per record.
CREATE INDEX `exchange_records_payment_order` ON `exchange_records` (`centre_code`, json_extract(`fields`, '$.year'), json_extract(`fields`, '$.entered_at'), `id`)
  WHERE table_name = 'aid_payments' AND deleted_at IS NULL;--> statement-breakpoint
CREATE INDEX `exchange_records_payment_status` ON `exchange_records` (`centre_code`, json_extract(`fields`, '$.status'), json_extract(`fields`, '$.year'),
  json_extract(`fields`, '$.entered_at'), `id`) WHERE table_name = 'aid_payments' AND deleted_at IS NULL;--> statement-breakpoint
CREATE INDEX `exchange_records_payment_type` ON `exchange_records` (`centre_code`, json_extract(`fields`, '$.type'), json_extract(`fields`, '$.year'),
  json_extract(`fields`, '$.entered_at'), `id`) WHERE table_name = 'aid_payments' AND deleted_at IS NULL;--> statement-breakpoint
CREATE INDEX `exchange_records_payments` ON `exchange_records` (`centre_code`, json_extract(`fields`, '$.year'), json_extract(`fields`, '$.type'),
  json_extract(`fields`, '$.status'), json_extract(`fields`, '$.amount_fen'), `table_name`, `deleted_at`)
  WHERE table_name = 'aid_payments' AND deleted_at IS NULL;--> statement-breakpoint
-- 重复核查: the active people of one record table, grouped by number (and year) from the index alone.
CREATE INDEX `exchange_people_active_files` ON `exchange_people` (`id_number`, `centre_code`, `record_table`, `active`)
  WHERE record_table = 'hardship_files' AND active = 1;--> statement-breakpoint
CREATE INDEX `exchange_people_active_aid` ON `exchange_people` (`year`, `id_number`, `centre_code`, `amount_fen`, `record_table`, `active`)
  WHERE record_table = 'aid_payments' AND active = 1;
