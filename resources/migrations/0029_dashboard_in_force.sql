-- Written by hand (drizzle-kit splits an expression with a comma into columns). The households in force by category
-- and main cause (the director's charts, features/dashboard) counted from this index alone: the cause is in the
-- draft's JSON (schema/hardship.ts hardship_files_in_force).
CREATE INDEX `hardship_files_in_force` ON `hardship_files` (`status`,`category`,json_extract(draft, '$.mainCause')) WHERE deleted_at IS NULL;
