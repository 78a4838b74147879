ALTER TABLE `exchange_records` ADD `id_number` text;--> statement-breakpoint
-- Written by hand below drizzle-kit's column (docs/architecture.md, the federation's import): a payment names one
-- person, so its recipient moves from an exchange_people row onto the payment's own record. The import then writes
-- per payment one row and one index entry fewer: no exchange_people row with its exchange_people_record entry, and the
-- duplicate-aid entry (exchange_people_active_aid) moves to exchange_records_active_aid. Filled from `fields` as the
-- importer fills it, before the index is built once from the filled rows; the payments' exchange_people rows are
-- derived (the importer rewrites them with their record) and go, with the index that read them.
UPDATE `exchange_records` SET
  `id_number` = CASE WHEN json_type(`fields`, '$.recipient_id_number') = 'text' THEN json_extract(`fields`, '$.recipient_id_number') END
  WHERE `table_name` = 'aid_payments';--> statement-breakpoint
CREATE INDEX `exchange_records_active_aid` ON `exchange_records` (`year`,`id_number`,`centre_code`,`amount_fen`,`table_name`,`deleted_at`,`status`) WHERE table_name = 'aid_payments' AND deleted_at IS NULL AND status <> 'voided';--> statement-breakpoint
DROP INDEX `exchange_people_active_aid`;--> statement-breakpoint
DELETE FROM `exchange_people` WHERE `record_table` = 'aid_payments';
