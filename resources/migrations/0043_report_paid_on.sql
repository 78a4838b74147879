-- A federation's reports count a payment by the day it was paid (aid-window.ts COUNTED_PAYMENT: live, paid within the
-- period's days), so their shadow of a centre's payments (features/reports federation-source.ts) holds only those.
-- It found them by reading every payment's row and parsing its fields for paid_on: at a million payments over ten
-- years, most of a call (bench/reports-federation.bench.ts). The day becomes a view column, filled by the importer as
-- 0025's are, and the last column of the payments' order index (hand-written, as 0042's): the fill walks that index
-- and reads the rows of the period's payments only. Reshaped, not added: an import writes no more index entries.
ALTER TABLE `exchange_records` ADD `paid_on` text;--> statement-breakpoint
UPDATE `exchange_records` SET `paid_on` = json_extract(`fields`, '$.paid_on')
  WHERE table_name = 'aid_payments' AND json_type(`fields`, '$.paid_on') = 'text';--> statement-breakpoint
DROP INDEX `exchange_records_payment_order`;--> statement-breakpoint
CREATE INDEX `exchange_records_payment_order` ON `exchange_records` (`centre_code`, `year`, `entered_at`, `id`, `status`, `type`,
  `amount_fen`, `program_id`, `paid_on`) WHERE table_name = 'aid_payments' AND deleted_at IS NULL;
