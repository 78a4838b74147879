-- A federation's home page (features/dashboard federation-source.ts) sums this year's payments per program and the
-- window's payments per month and type from the payments' order index alone: it ends with amount_fen and the payment's
-- program_id (a view column since this migration, filled by the importer as 0025's are), so no payment's row (its
-- page decrypted, its fields parsed) is read. Reshaped, not added: an imported payment writes as many index entries
-- as before, each some 40 bytes longer (bench/dashboard-federation.bench.ts, bench/exchange-apply.bench.ts).
ALTER TABLE `exchange_records` ADD `program_id` text;--> statement-breakpoint
UPDATE `exchange_records` SET `program_id` = json_extract(`fields`, '$.program_id')
  WHERE table_name = 'aid_payments' AND json_type(`fields`, '$.program_id') = 'text';--> statement-breakpoint
DROP INDEX `exchange_records_payment_order`;--> statement-breakpoint
CREATE INDEX `exchange_records_payment_order` ON `exchange_records` (`centre_code`, `year`, `entered_at`, `id`, `status`, `type`,
  `amount_fen`, `program_id`) WHERE table_name = 'aid_payments' AND deleted_at IS NULL;
