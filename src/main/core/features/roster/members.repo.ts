import { randomFillSync } from 'node:crypto';
import { parse as uuidToBytes, stringify as bytesToUuid, v7 as uuidv7 } from 'uuid';
import type { MemberListItem, MemberStatus } from '@shared/contract/roster';
import type { MemberQuery } from '@shared/domain/member-search';
import { maskedIdView } from '@shared/domain/id-number';
import type { Sqlite } from '../../db/client';
import { namePartQuery } from './name-grams';
import { currentUnitRef } from './units.repo';

/** members.id is stored as 16 bytes; everything outside this file speaks text UUIDs. */
export const idToBlob = (id: string): Buffer => Buffer.from(uuidToBytes(id));
export const blobToId = (blob: Uint8Array): string => bytesToUuid(blob);
/** members.updated_at is integer milliseconds (written as clock.now().getTime()); the contract speaks ISO-8601 UTC. */
export const msToInstant = (ms: number): string => new Date(ms).toISOString();

/**
 * New member ids as 16-byte buffers, for an import's million inserts: uuid's v7 fed from one pool of random bytes,
 * because a call to the system's random source per id cost 6 µs, a fifth of the import.
 */
export function newMemberIds(): () => Buffer {
  const pool = Buffer.alloc(16 * 4096);
  let at = pool.length;
  // As uuid's own v7 does: within one millisecond the ids count up from a random start, so they stay in order
  // (appended to the id index, never inserted into its middle).
  let msecs = 0;
  let seq = 0;
  return () => {
    if (at === pool.length) {
      randomFillSync(pool);
      at = 0;
    }
    const random = pool.subarray(at, (at += 16));
    const now = Date.now();
    if (now > msecs) {
      msecs = now;
      seq = random.readUInt32BE(6) & 0x7fffffff;
    } else seq = (seq + 1) | 0;
    return uuidv7({ random, msecs, seq }, Buffer.alloc(16));
  };
}

export interface MemberRow {
  ref: number;
  id: Buffer;
  rev: number;
  /** Milliseconds since 1970 (msToInstant for the contract). */
  updatedAt: number;
  name: string;
  idNumber: string;
  phone: string | null;
  ethnicity: string | null;
  unitRef: number | null;
  unionRef: number | null;
  unitId: string | null;
  unionId: string | null;
  unitName: string | null;
  unionName: string | null;
  joinedOn: string | null;
  cardNo: string | null;
  status: MemberStatus;
  statusOn: string | null;
  statusReason: string | null;
  note: string | null;
}

const SELECT_MEMBER = `
  SELECT m.ref, m.id, m.rev, m.updated_at AS updatedAt, m.name, m.id_number AS idNumber, m.phone, m.ethnicity,
         m.unit_ref AS unitRef, m.union_ref AS unionRef, u.id AS unitId, n.id AS unionId,
         u.name AS unitName, n.name AS unionName, m.joined_on AS joinedOn, m.card_no AS cardNo, m.status,
         m.status_on AS statusOn, m.status_reason AS statusReason, m.note
  FROM members m
  LEFT JOIN units u ON u.ref = m.unit_ref
  LEFT JOIN units n ON n.ref = m.union_ref`;

export function findMemberById(sqlite: Sqlite, id: string): MemberRow | undefined {
  return sqlite.prepare(`${SELECT_MEMBER} WHERE m.id = ? AND m.deleted_at IS NULL`).get(idToBlob(id)) as MemberRow | undefined;
}

export function findMemberIdByIdNumber(sqlite: Sqlite, idNumber: string): string | undefined {
  const row = sqlite.prepare('SELECT id FROM members WHERE id_number = ? AND deleted_at IS NULL').get(idNumber) as
    { id: Buffer } | undefined;
  return row && blobToId(row.id);
}

export function toListItem(row: Omit<MemberRow, 'ethnicity' | 'rev' | 'updatedAt'>): MemberListItem {
  return {
    id: blobToId(row.id),
    name: row.name,
    ...maskedIdView(row.idNumber),
    phone: row.phone,
    unitName: row.unitName,
    unionName: row.unionName,
    status: row.status,
    joinedOn: row.joinedOn,
  };
}

export interface MemberSearch {
  query: MemberQuery;
  unitId?: string;
  unionId?: string;
  status?: MemberStatus;
  sort: 'name' | 'joinedOn';
  page: number;
  pageSize: number;
}

/** Lists never count further than this: "more than 10,000" says enough and keeps a broad search fast. */
export const TOTAL_CAP = 10_000;

const likeEscape = (text: string) => text.replace(/[\\%_]/g, (c) => `\\${c}`);
const UNIT_NAME_MATCH = `SELECT ref FROM units WHERE kind = @kind AND deleted_at IS NULL AND name LIKE @like ESCAPE '\\'`;

/** The WHERE clause and parameters for a search: one indexed access path per kind of query. */
function searchWhere(sqlite: Sqlite, search: MemberSearch): { where: string; params: Record<string, string | number> } {
  const clauses = ['m.deleted_at IS NULL'];
  const params: Record<string, string | number> = {};
  const q = search.query;
  const unitOrUnionNamed = () =>
    `m.unit_ref IN (${UNIT_NAME_MATCH.replace('@kind', "'employer'")}) OR m.union_ref IN (${UNIT_NAME_MATCH.replace('@kind', "'union'")})`;
  switch (q.kind) {
    case 'all':
      break;
    case 'name':
      params.fts = namePartQuery(q.text);
      params.like = `%${likeEscape(q.text)}%`;
      clauses.push(
        `((m.ref IN (SELECT rowid FROM members_grams WHERE members_grams MATCH @fts) AND m.name LIKE @like ESCAPE '\\') OR ${unitOrUnionNamed()})`,
      );
      break;
    case 'pinyin':
      params.from = q.text;
      params.to = `${q.text}{`; // '{' sorts right after 'z': [from, to) is "starts with"
      clauses.push('((m.name_initials >= @from AND m.name_initials < @to) OR (m.name_pinyin >= @from AND m.name_pinyin < @to))');
      break;
    case 'id-suffix':
      params.tail = q.text.slice(-4);
      params.like = `%${q.text}`;
      // Four digits are also the end of a phone (a clerk asks "手机尾号?"): each side is a range on its own index
      // (members_id_tail, members_phone_tail), which SQLite reads one after the other.
      clauses.push(
        /^\d{4}$/.test(q.text)
          ? '((substr(m.id_number, 15) = @tail AND m.id_number LIKE @like) OR (m.phone IS NOT NULL AND substr(m.phone, -4) = @tail))'
          : 'substr(m.id_number, 15) = @tail AND m.id_number LIKE @like',
      );
      break;
    case 'id-whole':
      params.idNumber = q.text;
      clauses.push('m.id_number = @idNumber');
      break;
    case 'id-partial':
      clauses.push('0'); // answers nothing, and so counts nothing (member-search.ts)
      break;
    case 'id-prefix':
      params.from = q.text;
      params.to = `${q.text}Z`; // 'Z' sorts after every digit and 'X'
      clauses.push('m.id_number >= @from AND m.id_number < @to');
      break;
    case 'phone':
      params.from = q.text;
      params.to = `${q.text}Z`;
      clauses.push('m.phone >= @from AND m.phone < @to');
      break;
    case 'text':
      params.text = q.text;
      params.like = `%${likeEscape(q.text)}%`;
      clauses.push(`(m.card_no = @text OR ${unitOrUnionNamed()})`);
      break;
  }
  if (search.unitId) {
    params.unitRef = currentUnitRef(sqlite, search.unitId);
    clauses.push('m.unit_ref = @unitRef');
  }
  if (search.unionId) {
    params.unionRef = currentUnitRef(sqlite, search.unionId);
    clauses.push('m.union_ref = @unionRef');
  }
  if (search.status) {
    params.status = search.status;
    clauses.push('m.status = @status');
  }
  return { where: clauses.join(' AND '), params };
}

/**
 * Two letters of pinyin can match tens of thousands of members; counting them is most of such a search's time.
 * "More than 2,000" tells the clerk to type more just as well as an exact number would.
 */
const PINYIN_TOTAL_CAP = 2_000;

function cappedCount(sqlite: Sqlite, where: string, params: Record<string, string | number>, cap = TOTAL_CAP): number {
  return (
    sqlite.prepare(`SELECT count(*) AS n FROM (SELECT 1 FROM members m WHERE ${where} LIMIT ${cap + 1})`).get(params) as { n: number }
  ).n;
}

/**
 * Pinyin typed into the box may be initials ("wf") or the start of a full reading ("wangf"). A common pair of
 * initials matches thousands of members; sorting them all for every page was the slow case (92 ms p95 at a million).
 * So the list is two runs, each read in index order: members whose initials start with the text (by initials, then
 * pinyin — exact initials first), then members whose full pinyin starts with it and whose initials do not.
 */
function searchPinyin(sqlite: Sqlite, search: MemberSearch & { query: { kind: 'pinyin'; text: string } }, count: boolean): SearchResult {
  const filters = searchWhere(sqlite, { ...search, query: { kind: 'all' } });
  const params = { ...filters.params, from: search.query.text, to: `${search.query.text}{` };
  const byInitials = 'm.name_initials >= @from AND m.name_initials < @to';
  const initialsWhere = `${filters.where} AND ${byInitials}`;
  const pinyinWhere = `${filters.where} AND m.name_pinyin >= @from AND m.name_pinyin < @to AND NOT (${byInitials})`;
  const offset = (search.page - 1) * search.pageSize;
  // Counted even for a page alone: where the pinyin-only run starts depends on it.
  const initialsCount = cappedCount(sqlite, initialsWhere, params, PINYIN_TOTAL_CAP);
  const rows = sqlite
    .prepare(`${SELECT_MEMBER} WHERE ${initialsWhere} ORDER BY m.name_initials, m.name_pinyin, m.ref LIMIT @limit OFFSET @offset`)
    .all({ ...params, limit: search.pageSize, offset }) as MemberRow[];
  // Pinyin-only matches follow all initials matches; when those were too many to count, none is reachable.
  if (rows.length < search.pageSize && initialsCount <= PINYIN_TOTAL_CAP) {
    rows.push(
      ...(sqlite
        .prepare(`${SELECT_MEMBER} WHERE ${pinyinWhere} ORDER BY m.name_pinyin, m.ref LIMIT @limit OFFSET @offset`)
        .all({ ...params, limit: search.pageSize - rows.length, offset: Math.max(0, offset - initialsCount) }) as MemberRow[]),
    );
  }
  if (!count) return { rows };
  // Initials matches past the cap already make the answer "more than PINYIN_TOTAL_CAP": no need to count the rest.
  const n = initialsCount > PINYIN_TOTAL_CAP ? initialsCount : initialsCount + cappedCount(sqlite, pinyinWhere, params, PINYIN_TOTAL_CAP);
  return { rows, total: Math.min(n, PINYIN_TOTAL_CAP), capped: n > PINYIN_TOTAL_CAP };
}

type SearchResult = { rows: MemberRow[]; total: number; capped: boolean } | { rows: MemberRow[] };

/**
 * One page of a search, and how many members match (capped). `count: false` leaves the count out, for a caller
 * that reads page after page and needs only the rows (an export).
 */
export function searchMembers(sqlite: Sqlite, search: MemberSearch): { rows: MemberRow[]; total: number; capped: boolean };
export function searchMembers(sqlite: Sqlite, search: MemberSearch, options: { count: false }): { rows: MemberRow[] };
export function searchMembers(sqlite: Sqlite, search: MemberSearch, options: { count?: boolean } = {}): SearchResult {
  const count = options.count ?? true;
  const query = search.query;
  if (query.kind === 'pinyin' && search.sort === 'name') return searchPinyin(sqlite, { ...search, query }, count);
  const { where, params } = searchWhere(sqlite, search);
  const order = search.sort === 'joinedOn' ? 'm.joined_on DESC NULLS LAST, m.ref' : 'm.name_pinyin, m.ref';
  const rows = sqlite
    .prepare(`${SELECT_MEMBER} WHERE ${where} ORDER BY ${order} LIMIT @limit OFFSET @offset`)
    .all({ ...params, limit: search.pageSize, offset: (search.page - 1) * search.pageSize }) as MemberRow[];
  if (!count) return { rows };
  const n = cappedCount(sqlite, where, params);
  return { rows, total: Math.min(n, TOTAL_CAP), capped: n > TOTAL_CAP };
}

/** The small integer that stands for an office in the big tables. */
export function originRef(sqlite: Sqlite, code: string): number {
  sqlite.prepare('INSERT INTO origins (code) VALUES (?) ON CONFLICT (code) DO NOTHING').run(code);
  return (sqlite.prepare('SELECT ref FROM origins WHERE code = ?').get(code) as { ref: number }).ref;
}
