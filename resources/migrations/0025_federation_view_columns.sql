DROP INDEX `exchange_people_id_number`;--> statement-breakpoint
CREATE INDEX `exchange_people_id_number` ON `exchange_people` (`id_number`,`centre_code`) WHERE record_table = 'hardship_files';--> statement-breakpoint
DROP INDEX `exchange_records_centre`;--> statement-breakpoint
ALTER TABLE `exchange_records` ADD `status` text;--> statement-breakpoint
ALTER TABLE `exchange_records` ADD `category` text;--> statement-breakpoint
ALTER TABLE `exchange_records` ADD `file_no` text;--> statement-breakpoint
ALTER TABLE `exchange_records` ADD `name` text;--> statement-breakpoint
ALTER TABLE `exchange_records` ADD `id_tail` text;--> statement-breakpoint
ALTER TABLE `exchange_records` ADD `year` integer;--> statement-breakpoint
ALTER TABLE `exchange_records` ADD `entered_at` text;--> statement-breakpoint
ALTER TABLE `exchange_records` ADD `type` text;--> statement-breakpoint
ALTER TABLE `exchange_records` ADD `amount_fen` integer;--> statement-breakpoint
CREATE INDEX `exchange_records_centre` ON `exchange_records` (`centre_code`,`sequence`) WHERE table_name = 'org';--> statement-breakpoint
-- Written by hand below the columns drizzle-kit made (docs/architecture.md §4): the federation views' values as plain
-- columns (schema/exchange.ts says which table fills which), copied by the importer from the record it parsed. The
-- expression indexes of 0024 parsed a record's JSON once per index on every insert (a file's whole household, five
-- times): the import's main cost. Each is replaced by the same index on the columns, under the same name (the repos
-- name some in INDEXED BY), partial on the same rows. A value not checked on import is kept only when it is text.
-- Filled from `fields` first, so each index is built once from the filled rows. Above (drizzle-kit's, from
-- schema/exchange.ts): two indexes every record or payment paid a write for now cover only the rows read through them.
UPDATE `exchange_records` SET
  `status` = CASE WHEN json_type(`fields`, '$.status') = 'text' THEN json_extract(`fields`, '$.status') END,
  `category` = CASE WHEN json_type(`fields`, '$.category') = 'text' THEN json_extract(`fields`, '$.category') END,
  `file_no` = CASE WHEN json_type(`fields`, '$.file_no') = 'text' THEN json_extract(`fields`, '$.file_no') END,
  `name` = CASE WHEN json_type(`fields`, '$.head_name') = 'text' THEN json_extract(`fields`, '$.head_name') END,
  `id_tail` = CASE WHEN json_type(`fields`, '$.head_id_number') = 'text' THEN substr(json_extract(`fields`, '$.head_id_number'), -4) END
  WHERE `table_name` = 'hardship_files';--> statement-breakpoint
UPDATE `exchange_records` SET
  `name` = CASE WHEN json_type(`fields`, '$.name') = 'text' THEN json_extract(`fields`, '$.name') END,
  `id_tail` = CASE WHEN json_type(`fields`, '$.id_number') = 'text' THEN substr(json_extract(`fields`, '$.id_number'), -4) END
  WHERE `table_name` = 'members';--> statement-breakpoint
UPDATE `exchange_records` SET
  `status` = CASE WHEN json_type(`fields`, '$.status') = 'text' THEN json_extract(`fields`, '$.status') END,
  `year` = CASE WHEN json_type(`fields`, '$.year') = 'integer' THEN json_extract(`fields`, '$.year') END,
  `entered_at` = CASE WHEN json_type(`fields`, '$.entered_at') = 'text' THEN json_extract(`fields`, '$.entered_at') END,
  `type` = CASE WHEN json_type(`fields`, '$.type') = 'text' THEN json_extract(`fields`, '$.type') END,
  `amount_fen` = CASE WHEN json_type(`fields`, '$.amount_fen') = 'integer' THEN json_extract(`fields`, '$.amount_fen') END
  WHERE `table_name` = 'aid_payments';--> statement-breakpoint
DROP INDEX `exchange_records_live`;--> statement-breakpoint
DROP INDEX `exchange_records_file_status`;--> statement-breakpoint
DROP INDEX `exchange_records_file_category`;--> statement-breakpoint
DROP INDEX `exchange_records_file_no`;--> statement-breakpoint
DROP INDEX `exchange_records_file_head`;--> statement-breakpoint
DROP INDEX `exchange_records_file_head_tail`;--> statement-breakpoint
DROP INDEX `exchange_records_member_name`;--> statement-breakpoint
DROP INDEX `exchange_records_member_tail`;--> statement-breakpoint
DROP INDEX `exchange_records_payment_order`;--> statement-breakpoint
DROP INDEX `exchange_records_payment_status`;--> statement-breakpoint
DROP INDEX `exchange_records_payment_type`;--> statement-breakpoint
DROP INDEX `exchange_records_payments`;--> statement-breakpoint
-- The files in update order (a list with no filter), for files only: members and payments are counted from their
-- own indexes below (centres.repo.ts heldCounts), so this costs them no write.
CREATE INDEX `exchange_records_live` ON `exchange_records` (`centre_code`, `table_name`, `updated_at`, `id`, `deleted_at`)
  WHERE table_name = 'hardship_files' AND deleted_at IS NULL;--> statement-breakpoint
CREATE INDEX `exchange_records_file_status` ON `exchange_records` (`centre_code`, `status`, `updated_at`, `id`)
  WHERE table_name = 'hardship_files' AND deleted_at IS NULL;--> statement-breakpoint
CREATE INDEX `exchange_records_file_category` ON `exchange_records` (`centre_code`, `category`, `updated_at`, `id`)
  WHERE table_name = 'hardship_files' AND deleted_at IS NULL;--> statement-breakpoint
CREATE INDEX `exchange_records_file_no` ON `exchange_records` (`centre_code`, `file_no`)
  WHERE table_name = 'hardship_files' AND deleted_at IS NULL;--> statement-breakpoint
CREATE INDEX `exchange_records_file_head` ON `exchange_records` (`centre_code`, `name`)
  WHERE table_name = 'hardship_files' AND deleted_at IS NULL;--> statement-breakpoint
CREATE INDEX `exchange_records_file_head_tail` ON `exchange_records` (`centre_code`, `id_tail`)
  WHERE table_name = 'hardship_files' AND deleted_at IS NULL;--> statement-breakpoint
CREATE INDEX `exchange_records_member_name` ON `exchange_records` (`centre_code`, `name`, `id`)
  WHERE table_name = 'members' AND deleted_at IS NULL;--> statement-breakpoint
CREATE INDEX `exchange_records_member_tail` ON `exchange_records` (`centre_code`, `id_tail`)
  WHERE table_name = 'members' AND deleted_at IS NULL;--> statement-breakpoint
CREATE INDEX `exchange_records_payment_order` ON `exchange_records` (`centre_code`, `year`, `entered_at`, `id`)
  WHERE table_name = 'aid_payments' AND deleted_at IS NULL;--> statement-breakpoint
CREATE INDEX `exchange_records_payment_status` ON `exchange_records` (`centre_code`, `status`, `year`, `entered_at`, `id`)
  WHERE table_name = 'aid_payments' AND deleted_at IS NULL;--> statement-breakpoint
CREATE INDEX `exchange_records_payment_type` ON `exchange_records` (`centre_code`, `type`, `year`, `entered_at`, `id`)
  WHERE table_name = 'aid_payments' AND deleted_at IS NULL;--> statement-breakpoint
CREATE INDEX `exchange_records_payments` ON `exchange_records` (`centre_code`, `year`, `type`, `status`, `amount_fen`, `table_name`, `deleted_at`)
  WHERE table_name = 'aid_payments' AND deleted_at IS NULL;
