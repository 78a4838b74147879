-- The payments' totals (features/federation/records.repo.ts paymentTotals) read the order index alone: since 0042 it
-- holds every column exchange_records_payments held (centre_code, year, type, status, amount_fen; table_name and
-- deleted_at are its partial WHERE) and also entered_at and program_id, the totals' other two filters. So this index
-- only cost the import a b-tree insert per payment (bench/exchange-apply.bench.ts, bench/federation-payments.bench.ts).
DROP INDEX `exchange_records_payments`;
