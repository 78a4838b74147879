import type { Sqlite } from '../../db/client';
import { IN_FORCE } from '../dashboard/dashboard-source';

/**
 * A centre's records as the federation holds them (exchange_records, fields as docs/exchange-format.md "Records by
 * table" says), paged in SQL. Filters, orders and sums read the view columns the importer fills (migration 0025:
 * status, name, id_tail, year, …), each written as an index of 0025 says it (literal table name,
 * `deleted_at IS NULL`), or SQLite would not use that index: at 100,000 files and 1,000,000 members per centre a
 * page must not read every row.
 */

export interface RecordRow {
  id: string;
  origin: string;
  rev: number;
  updatedAt: string;
  deletedAt: string | null;
  sequence: number;
  fields: string;
}

const COLUMNS = 'r.id, r.origin, r.rev, r.updated_at AS updatedAt, r.deleted_at AS deletedAt, r.sequence, r.fields';

/** How a search box is read: a whole ID number, its last 4 characters, a number's beginning, or a name's. */
export type Search =
  | { kind: 'none' }
  | { kind: 'id'; value: string }
  | { kind: 'tail'; value: string }
  | { kind: 'number'; value: string }
  | { kind: 'name'; value: string };

export function readSearch(query: string): Search {
  const q = query.trim();
  if (q === '') return { kind: 'none' };
  if (/^\d{17}[\dXx]$/.test(q)) return { kind: 'id', value: q.toUpperCase() };
  if (/^\d{3}[\dXx]$/.test(q)) return { kind: 'tail', value: q.toUpperCase() };
  if (/^\d+$/.test(q)) return { kind: 'number', value: q };
  return { kind: 'name', value: q };
}

interface Where {
  sql: string[];
  params: Record<string, string | number>;
}

/** FROM and WHERE of a list: a centre's live records of one table, as the partial indexes' WHERE says them. */
const fromWhere = (table: string, where: Where, indexedBy?: string) =>
  `exchange_records r${indexedBy ? ` INDEXED BY ${indexedBy}` : ''} WHERE ${[
    `r.centre_code = @centre`,
    `r.table_name = '${table}'`,
    'r.deleted_at IS NULL',
    ...where.sql,
  ].join(' AND ')}`;

/**
 * One page and the count of a filtered list. `indexedBy` names the index a search must use: with no statistics
 * SQLite prefers the index that gives the list's order and then reads every row's JSON to test the search (5 s for
 * a tail search over 1,000,000 members), where the search's own index finds the few rows at once.
 */
function page<T>(
  sqlite: Sqlite,
  table: string,
  where: Where,
  order: string,
  limit: number,
  offset: number,
  indexedBy?: string,
): { rows: T[]; total: number } {
  const total = sqlite
    .prepare(`SELECT count(*) FROM ${fromWhere(table, where, indexedBy)}`)
    .pluck()
    .get(where.params) as number;
  return { rows: pageRows<T>(sqlite, table, where, order, limit, offset, indexedBy), total };
}

/** The page's rows alone (a list whose count comes from elsewhere). */
function pageRows<T>(sqlite: Sqlite, table: string, where: Where, order: string, limit: number, offset: number, indexedBy?: string): T[] {
  return sqlite
    .prepare(`SELECT ${COLUMNS} FROM ${fromWhere(table, where, indexedBy)} ORDER BY ${order} LIMIT @limit OFFSET @offset`)
    .all({ ...where.params, limit, offset }) as T[];
}

/** A file's main cause as the centre keeps it (migration 0030: the draft's mainCause). */
export const MAIN_CAUSE = `json_extract(json_extract(r.fields, '$.draft'), '$.mainCause')`;

// A name's or number's beginning as a range on the index (LIKE is case-blind and would not use it).
const PREFIX_END = '\u{10FFFF}';

export function fileRows(
  sqlite: Sqlite,
  filter: {
    centre: string;
    status?: string;
    category?: string;
    inForce?: boolean;
    mainCause?: string;
    search: Search;
    limit: number;
    offset: number;
  },
): { rows: RecordRow[]; total: number } {
  const where: Where = { sql: [], params: { centre: filter.centre } };
  if (filter.inForce) where.sql.push(`r.status IN ${IN_FORCE}`);
  if (filter.mainCause) {
    // The cause is inside the draft, which travels as JSON text (no view column holds it): the in-force files' rows
    // are read, which the home page's link always narrows to (inForce).
    where.sql.push(filter.mainCause === 'none' ? `${MAIN_CAUSE} IS NULL` : `${MAIN_CAUSE} = @cause`);
    if (filter.mainCause !== 'none') where.params.cause = filter.mainCause;
  }
  if (filter.status) {
    where.sql.push(`r.status = @status`);
    where.params.status = filter.status;
  }
  if (filter.category) {
    where.sql.push(`r.category = @category`);
    where.params.category = filter.category;
  }
  const s = filter.search;
  if (s.kind === 'id') {
    // The head or anyone in the household: the people index holds every ID number a file names; each file is then
    // read through the primary key (the centre's origin).
    where.sql.push(
      `r.origin = (SELECT origin FROM exchange_records WHERE centre_code = @centre AND table_name = 'org' ORDER BY sequence DESC LIMIT 1)`,
      `r.id IN (SELECT record_id FROM exchange_people WHERE id_number = @q AND centre_code = @centre AND record_table = 'hardship_files')`,
    );
  } else if (s.kind === 'tail') {
    where.sql.push(`r.id_tail = @q`);
  } else if (s.kind === 'number') {
    where.sql.push(`r.file_no >= @q AND r.file_no < @q || '${PREFIX_END}'`);
  } else if (s.kind === 'name') {
    where.sql.push(`r.name >= @q AND r.name < @q || '${PREFIX_END}'`);
  }
  if (s.kind !== 'none') where.params.q = s.value;
  const index = s.kind === 'tail' ? 'exchange_records_file_head_tail' : undefined;
  return page(sqlite, 'hardship_files', where, 'r.updated_at DESC, r.id DESC', filter.limit, filter.offset, index);
}

/**
 * The centre's organisation id, the `origin` of its records, from the org record every batch carries: a record is
 * then read through the primary key (origin, table, id), with no index of its own on the id.
 */
export function originOf(sqlite: Sqlite, centre: string): string | null {
  return (
    (sqlite
      .prepare("SELECT origin FROM exchange_records WHERE centre_code = ? AND table_name = 'org' ORDER BY sequence DESC LIMIT 1")
      .pluck()
      .get(centre) as string | undefined) ?? null
  );
}

/** One record of a centre by id, tombstones too (a deleted file's page says so). */
export function recordOf(sqlite: Sqlite, centre: string, table: string, id: string): RecordRow | undefined {
  const origin = originOf(sqlite, centre);
  if (origin === null) return undefined;
  return sqlite
    .prepare(
      `SELECT ${COLUMNS} FROM exchange_records r WHERE r.origin = @origin AND r.table_name = @table AND r.id = @id AND r.centre_code = @centre`,
    )
    .get({ origin, centre, table, id }) as RecordRow | undefined;
}

export interface PaymentFilter {
  centre: string;
  year?: number;
  type?: string;
  status?: string;
  programId?: string;
  /** Entered in [from, to): instants, stored form. */
  from?: string;
  to?: string;
}

function paymentWhere(filter: PaymentFilter): Where {
  const where: Where = { sql: [], params: { centre: filter.centre } };
  if (filter.year !== undefined) {
    where.sql.push(`r.year = @year`);
    where.params.year = filter.year;
  }
  if (filter.type) {
    where.sql.push(`r.type = @type`);
    where.params.type = filter.type;
  }
  if (filter.status) {
    where.sql.push(`r.status = @status`);
    where.params.status = filter.status;
  }
  if (filter.programId) {
    // The view column (migration 0042), also in the order index: a page tests it there, not in each row's JSON.
    where.sql.push(`r.program_id = @programId`);
    where.params.programId = filter.programId;
  }
  if (filter.from) {
    where.sql.push(`r.entered_at >= @from`);
    where.params.from = filter.from;
  }
  if (filter.to) {
    where.sql.push(`r.entered_at < @to`);
    where.params.to = filter.to;
  }
  return where;
}

/**
 * One page of payments, newest year first, then by entry: the order index gives this order, so a page never sorts
 * all of a year's payments; every filter is tested in that index's own columns (status and type since migration
 * 0040, program_id since 0042), not in the rows. The list's count is paymentTotals' (the same filter): one index
 * walk for both, where a count of its own walked one more (bench/federation-payments.bench.ts).
 */
export function paymentPage(sqlite: Sqlite, filter: PaymentFilter & { limit: number; offset: number }): RecordRow[] {
  const order = `r.year DESC, r.entered_at DESC, r.id DESC`;
  return pageRows(sqlite, 'aid_payments', paymentWhere(filter), order, filter.limit, filter.offset);
}

/** A page and the count of what the filters select (paymentPage, and the count from paymentTotals). */
export function paymentRows(
  sqlite: Sqlite,
  filter: PaymentFilter & { limit: number; offset: number },
): { rows: RecordRow[]; total: number } {
  return { rows: paymentPage(sqlite, filter), total: paymentTotals(sqlite, filter).count };
}

/**
 * Count and sum of what the filters select, and of the voided among them, in one row from one index alone (the rows
 * are not read), named, because without statistics SQLite may take another and read every row:
 * - exchange_records_payments (0025) for a centre's or a year's payments, by type and status: it is less than half
 *   the order index (64 against 163 MiB at 1,000,000 payments of a centre), so it fits SQLite's page cache (client.ts,
 *   128 MiB) where the order index does not, and a walk of it reads no page from the file (0.05–0.10 s against 0.32–0.52 s:
 *   why it is kept, session 13, bench/federation-payments.bench.ts);
 * - exchange_records_payment_order when a program or days of entry are asked, which only it holds (0042): the totals
 *   index then read every payment's row (1.6–2.0 s at 1,000,000; now 1–340 ms). Its partial WHERE holds the table
 *   and tombstone terms, so SQLite defers the row's seek and never makes it, though EXPLAIN QUERY PLAN does not say
 *   COVERING (tests/core/federation-payment-totals.test.ts reads the bytecode).
 * One row of conditional sums, because a GROUP BY on an expression stops SQLite from covering the query with the
 * index (1,000,000 payments: 0.2 s against 5.4 s).
 */
export function paymentTotals(
  sqlite: Sqlite,
  filter: PaymentFilter,
): { count: number; amountFen: number; voidedCount: number; voidedFen: number } {
  const where = paymentWhere(filter);
  const index = filter.programId || filter.from || filter.to ? 'exchange_records_payment_order' : 'exchange_records_payments';
  return sqlite
    .prepare(
      `SELECT count(*) AS count, coalesce(sum(r.amount_fen), 0) AS amountFen,
         coalesce(sum(r.status = 'voided'), 0) AS voidedCount,
         coalesce(sum(CASE WHEN r.status = 'voided' THEN r.amount_fen END), 0) AS voidedFen
       FROM ${fromWhere('aid_payments', where, index)}`,
    )
    .get(where.params) as { count: number; amountFen: number; voidedCount: number; voidedFen: number };
}

export function memberRows(
  sqlite: Sqlite,
  filter: { centre: string; search: Search; limit: number; offset: number },
): { rows: RecordRow[]; total: number } {
  const where: Where = { sql: [], params: { centre: filter.centre } };
  const s = filter.search;
  // A whole number is found through its last 4 characters' index, then compared whole (no index of its own).
  if (s.kind === 'id') {
    where.sql.push(`r.id_tail = @tail`, `json_extract(r.fields, '$.id_number') = @q`);
    where.params.tail = s.value.slice(-4);
  } else if (s.kind === 'tail') where.sql.push(`r.id_tail = @q`);
  else if (s.kind === 'name' || s.kind === 'number') {
    where.sql.push(`r.name >= @q AND r.name < @q || '${PREFIX_END}'`);
  }
  if (s.kind !== 'none') where.params.q = s.value;
  const index = s.kind === 'id' || s.kind === 'tail' ? 'exchange_records_member_tail' : undefined;
  return page(sqlite, 'members', where, `r.name, r.id`, filter.limit, filter.offset, index);
}

/** The names of a centre's units by id (a roster page names a dozen). */
export function unitNames(sqlite: Sqlite, centre: string, ids: string[]): Map<string, string> {
  const origin = originOf(sqlite, centre);
  if (ids.length === 0 || origin === null) return new Map();
  // Through the primary key (origin, table, id): no index holds units by centre.
  const rows = sqlite
    .prepare(
      `SELECT r.id, json_extract(r.fields, '$.name') AS name FROM exchange_records r
       WHERE r.origin = ? AND r.table_name = 'units' AND r.centre_code = ? AND r.id IN (${ids.map(() => '?').join(',')})`,
    )
    .all(origin, centre, ...ids) as { id: string; name: string }[];
  return new Map(rows.map((r) => [r.id, r.name]));
}
