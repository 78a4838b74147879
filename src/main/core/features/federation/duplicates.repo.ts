import type { Sqlite } from '../../db/client';

/**
 * 重复核查 from exchange_people, the importer's index of who is named where (schema/exchange.ts). Both lists read
 * the partial indexes of migration 0024 (active rows of one record table), so the grouping walks an index, not the
 * records' JSON. `active` is the importer's word: a file in force, a payment not voided, never a deleted record.
 */

export interface PlaceRow {
  idNumber: string;
  centreCode: string;
  recordId: string;
  role: 'head' | 'member' | 'recipient';
  year: number | null;
  amountFen: number | null;
  fields: string | null;
}

// A place's record through the primary key: the centre's origin from the org record every batch carries.
const ORIGIN =
  "SELECT o.origin FROM exchange_records o WHERE o.centre_code = p.centre_code AND o.table_name = 'org' ORDER BY o.sequence DESC LIMIT 1";

// A person counts once per centre however many of its files name them: the same centre twice is not a duplicate.
// Named indexes: without statistics SQLite takes exchange_people_record (record_table =) and sorts every row.
const FILE_DUPLICATES = `SELECT id_number FROM exchange_people INDEXED BY exchange_people_active_files WHERE record_table = 'hardship_files' AND active = 1
  GROUP BY id_number HAVING count(DISTINCT centre_code) > 1`;

/** How many people are named in files in force at two or more centres (the home page's count). */
export function duplicateFileCount(sqlite: Sqlite): number {
  return sqlite.prepare(`SELECT count(*) FROM (${FILE_DUPLICATES})`).pluck().get() as number;
}

export function duplicateFileIds(sqlite: Sqlite, limit: number, offset: number): { ids: string[]; total: number } {
  const total = duplicateFileCount(sqlite);
  const ids = sqlite.prepare(`${FILE_DUPLICATES} ORDER BY id_number LIMIT ? OFFSET ?`).pluck().all(limit, offset) as string[];
  return { ids, total };
}

/** Where each of these numbers is named in an active file, with the file's fields (for its number and the name). */
export function filePlaces(sqlite: Sqlite, ids: string[]): PlaceRow[] {
  if (ids.length === 0) return [];
  return sqlite
    .prepare(
      `SELECT p.id_number AS idNumber, p.centre_code AS centreCode, p.record_id AS recordId, p.role, p.year, p.amount_fen AS amountFen,
         (SELECT r.fields FROM exchange_records r WHERE r.origin = (${ORIGIN}) AND r.table_name = 'hardship_files' AND r.id = p.record_id) AS fields
       FROM exchange_people p
       WHERE p.record_table = 'hardship_files' AND p.active = 1 AND p.id_number IN (${ids.map(() => '?').join(',')})
       ORDER BY p.id_number, p.centre_code, p.record_id`,
    )
    .all(...ids) as PlaceRow[];
}

const aidDuplicates = (year: boolean) => `SELECT year, id_number FROM exchange_people INDEXED BY exchange_people_active_aid
  WHERE record_table = 'aid_payments' AND active = 1 ${year ? 'AND year = @year' : ''}
  GROUP BY year, id_number HAVING count(DISTINCT centre_code) > 1`;

export function duplicateAidKeys(
  sqlite: Sqlite,
  year: number | undefined,
  limit: number,
  offset: number,
): { keys: { year: number; idNumber: string }[]; total: number } {
  const params = year === undefined ? {} : { year };
  const query = aidDuplicates(year !== undefined);
  const total = sqlite.prepare(`SELECT count(*) FROM (${query})`).pluck().get(params) as number;
  const keys = sqlite
    .prepare(`SELECT year, id_number AS idNumber FROM (${query}) ORDER BY year DESC, id_number LIMIT @limit OFFSET @offset`)
    .all({ ...params, limit, offset }) as { year: number; idNumber: string }[];
  return { keys, total };
}

export function aidPlaces(sqlite: Sqlite, key: { year: number; idNumber: string }): PlaceRow[] {
  return sqlite
    .prepare(
      `SELECT p.id_number AS idNumber, p.centre_code AS centreCode, p.record_id AS recordId, p.role, p.year, p.amount_fen AS amountFen,
         (SELECT r.fields FROM exchange_records r WHERE r.origin = (${ORIGIN}) AND r.table_name = 'aid_payments' AND r.id = p.record_id) AS fields
       FROM exchange_people p
       WHERE p.record_table = 'aid_payments' AND p.active = 1 AND p.year = ? AND p.id_number = ?
       ORDER BY p.centre_code, p.record_id`,
    )
    .all(key.year, key.idNumber) as PlaceRow[];
}
