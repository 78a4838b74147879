-- A payment's status and type filters read the order index's own last columns (hand-written: drizzle-kit cannot
-- write partial indexes). Each imported payment then writes two index entries fewer (bench/exchange-apply.bench.ts);
-- a filtered page walks the order index and tests status/type in it, never the rows (bench/federation-payments.bench.ts).
DROP INDEX `exchange_records_payment_status`;--> statement-breakpoint
DROP INDEX `exchange_records_payment_type`;--> statement-breakpoint
DROP INDEX `exchange_records_payment_order`;--> statement-breakpoint
CREATE INDEX `exchange_records_payment_order` ON `exchange_records` (`centre_code`, `year`, `entered_at`, `id`, `status`, `type`)
  WHERE table_name = 'aid_payments' AND deleted_at IS NULL;
