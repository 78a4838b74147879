import type { Sqlite } from '../../db/client';

/**
 * 重复核查: files from exchange_people, the importer's index of who is named in which file (schema/exchange.ts);
 * aid from the payments' own records, which carry their recipient (migration 0035). Both lists read partial indexes
 * (files in force, payments in force), so the grouping walks an index, not the records' JSON. `active` is the
 * importer's word for a file in force; a payment is in force when neither voided nor deleted.
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

// A payment in force, as exchange_records_active_aid (migration 0035) is partial on it: a payment's recipient is a
// column of its record, so the list groups that index alone. Named: without statistics SQLite may take another.
const AID_IN_FORCE = "table_name = 'aid_payments' AND deleted_at IS NULL AND status <> 'voided'";
const aidDuplicates = (year: boolean) => `SELECT year, id_number FROM exchange_records INDEXED BY exchange_records_active_aid
  WHERE ${AID_IN_FORCE} ${year ? 'AND year = @year' : ''}
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
      `SELECT id_number AS idNumber, centre_code AS centreCode, id AS recordId, 'recipient' AS role, year, amount_fen AS amountFen, fields
       FROM exchange_records INDEXED BY exchange_records_active_aid
       WHERE ${AID_IN_FORCE} AND year = ? AND id_number = ?
       ORDER BY centre_code, id`,
    )
    .all(key.year, key.idNumber) as PlaceRow[];
}
