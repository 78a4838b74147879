-- The people table's codes computed once a person (hand-written: drizzle-kit splits an expression at its commas):
-- relation, sex, 文化程度 band and school stage as one small integer, and the birth date from the ID number
-- (src/main/core/db/schema/person-codes.ts writes the same SQL; tests/core/migrations.test.ts checks they agree).
-- The count reads two values a person from this index, where it read the ID number and two JSON values and tested
-- them in a sum a column (features/reports/people-counts.ts).
DROP INDEX `file_household_people`;--> statement-breakpoint
CREATE INDEX `file_household_people` ON `file_household` (`file_id`, `deleted_at`, ((relation = 'self') + 2 * (CAST(substr(id_number, 17, 1) AS INTEGER) % 2) + 4 * (CASE json_extract(details, '$.educationLevel') WHEN 'postgraduate' THEN 0 WHEN 'bachelor' THEN 0 WHEN 'associate' THEN 0 WHEN 'senior' THEN 1 WHEN 'junior' THEN 2 WHEN 'primary' THEN 2 ELSE 3 END) + 16 * (CASE json_extract(details, '$.schoolStage') WHEN 'preschool' THEN 1 WHEN 'primary' THEN 2 WHEN 'junior' THEN 3 WHEN 'senior' THEN 4 WHEN 'vocational' THEN 5 WHEN 'college' THEN 6 WHEN 'postgraduate' THEN 7 ELSE 0 END)), substr(id_number, 7, 8));
