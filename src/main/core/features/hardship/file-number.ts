import type { Sqlite } from '../../db/client';

/**
 * 档案编号: region code + year + a 5-digit sequence per region and year, e.g. 440106202600001 (docs/domain.md
 * "Identifiers"). Taken inside the approval's write transaction (BEGIN IMMEDIATE), so two approvals — even from two
 * programs on one database — never get the same number; a rolled-back approval's number was never seen.
 */
export function nextFileNumber(sqlite: Sqlite, regionCode: string, year: number): string {
  const { last } = sqlite
    .prepare(
      `INSERT INTO file_numbers (region_code, year, last) VALUES (?, ?, 1)
       ON CONFLICT (region_code, year) DO UPDATE SET last = last + 1 RETURNING last`,
    )
    .get(regionCode, year) as { last: number };
  if (last > 99_999) throw new RangeError('more than 99,999 files in one region and year');
  return `${regionCode}${year}${String(last).padStart(5, '0')}`;
}

/** Moves a region and year's numbering on to `last` at least: a number given outside the program is never given again. */
export function reserveFileNumber(sqlite: Sqlite, regionCode: string, year: number, last: number): void {
  sqlite
    .prepare(
      'INSERT INTO file_numbers (region_code, year, last) VALUES (?, ?, ?) ON CONFLICT (region_code, year) DO UPDATE SET last = max(last, excluded.last)',
    )
    .run(regionCode, year, last);
}
