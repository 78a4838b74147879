-- Written by hand (drizzle-kit splits an expression with a comma into columns). A federation's home page charts
-- (features/dashboard federation-source.ts) count each centre's files in force by category and main cause from this
-- index alone: the cause is inside the file's draft, which travels as JSON text inside `fields`, and reading every
-- file's record for it took about 1.2 s a centre of 50,000 files (bench/dashboard-federation.bench.ts). The centre's
-- files list at the federation filters by the cause through it too (records.repo.ts MAIN_CAUSE, written alike).
-- Partial: only files' records pay the expression on import (about 5 % of a centre's records).
CREATE INDEX `exchange_records_file_in_force` ON `exchange_records` (
  `centre_code`, `status`, `category`, json_extract(json_extract(`fields`, '$.draft'), '$.mainCause')
) WHERE table_name = 'hardship_files' AND deleted_at IS NULL;
