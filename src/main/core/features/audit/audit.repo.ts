import { createHash } from 'node:crypto';
import { EVENTS_THAT_CHANGE_NOTHING, type AuditSummary } from '@shared/audit-events';
import type { Role } from '@shared/roles';
import type { Sqlite } from '../../db/client';
import { recordNames, userDisplayNames } from './audit-names';

export interface AuditInput {
  at: string;
  userId: string | null;
  userName: string | null;
  action: string;
  recordType: string | null;
  recordId: string | null;
  /** JSON of an AuditSummary: an event code with codes, counts and record ids as parameters — never names, ID
   * numbers, phones, accounts or amounts tied to a person. Stored as text so the hash covers exactly what is kept. */
  summary: string;
}

interface AuditRow extends AuditInput {
  seq: number;
  prevHash: string;
  hash: string;
}

const GENESIS = '0'.repeat(64);

export function auditHash(prevHash: string, seq: number, e: AuditInput): string {
  const canonical = JSON.stringify([seq, prevHash, e.at, e.userId, e.userName, e.action, e.recordType, e.recordId, e.summary]);
  return createHash('sha256').update(canonical).digest('hex');
}

const COLUMNS = `seq, at, user_id AS userId, user_name AS userName, action, record_type AS recordType,
  record_id AS recordId, summary, prev_hash AS prevHash, hash`;

/** Appends one entry, chained to the last. Call inside the transaction of the change it records. */
export function appendAudit(sqlite: Sqlite, entry: AuditInput): number {
  const last = sqlite.prepare('SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1').get() as
    { seq: number; hash: string } | undefined;
  const seq = (last?.seq ?? 0) + 1;
  const prevHash = last?.hash ?? GENESIS;
  sqlite
    .prepare(
      `INSERT INTO audit_log (seq, at, user_id, user_name, action, record_type, record_id, summary, prev_hash, hash)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    )
    .run(
      seq,
      entry.at,
      entry.userId,
      entry.userName,
      entry.action,
      entry.recordType,
      entry.recordId,
      entry.summary,
      prevHash,
      auditHash(prevHash, seq, entry),
    );
  return seq;
}

/** Walks the chain in order; the first entry whose link or hash does not match is where tampering begins. */
export function verifyAuditChain(sqlite: Sqlite): { checked: number; firstBrokenSeq: number | null } {
  let prevHash = GENESIS;
  let expectedSeq = 1;
  let checked = 0;
  for (const row of sqlite.prepare(`SELECT ${COLUMNS} FROM audit_log ORDER BY seq`).iterate() as Iterable<AuditRow>) {
    checked++;
    if (row.seq !== expectedSeq || row.prevHash !== prevHash || row.hash !== auditHash(prevHash, row.seq, row)) {
      return { checked, firstBrokenSeq: row.seq };
    }
    prevHash = row.hash;
    expectedSeq++;
  }
  return { checked, firstBrokenSeq: null };
}

export interface AuditFilter {
  userId?: string;
  action?: string;
  fromAt?: string;
  toAt?: string;
  recordId?: string;
}

function where(filter: AuditFilter): { sql: string; params: string[] } {
  const conditions: [string, string | undefined][] = [
    ['user_id = ?', filter.userId],
    ['action = ?', filter.action],
    ['at >= ?', filter.fromAt],
    ['at < ?', filter.toAt],
    ['record_id = ?', filter.recordId],
  ];
  const used = conditions.filter((c): c is [string, string] => Boolean(c[1]));
  return {
    sql: used.length ? `WHERE ${used.map(([clause]) => clause).join(' AND ')}` : '',
    params: used.map(([, value]) => value),
  };
}

/**
 * Entries as the contract gives them: who by display name, and the record's name for a `namesFor` role that may read
 * that record (audit-names.ts); both read from the records now, since the log keeps ids only.
 */
function toEntries(sqlite: Sqlite, rows: AuditRow[], namesFor: Role | null) {
  const people = userDisplayNames(
    sqlite,
    rows.map((row) => row.userId),
  );
  const names = namesFor ? recordNames(sqlite, namesFor, rows) : new Map<string, string>();
  return rows.map(({ prevHash: _p, hash: _h, summary, ...rest }) => ({
    ...rest,
    userDisplayName: (rest.userId && people.get(rest.userId)) || null,
    recordName: (rest.recordType && rest.recordId && names.get(`${rest.recordType}:${rest.recordId}`)) || null,
    summary: JSON.parse(summary) as AuditSummary,
  }));
}

export function listAudit(sqlite: Sqlite, filter: AuditFilter, page: number, pageSize: number, namesFor: Role | null = null) {
  const w = where(filter);
  const rows = sqlite
    .prepare(`SELECT ${COLUMNS} FROM audit_log ${w.sql} ORDER BY seq DESC LIMIT ? OFFSET ?`)
    .all(...w.params, pageSize, (page - 1) * pageSize) as AuditRow[];
  const { total } = sqlite.prepare(`SELECT count(*) AS total FROM audit_log ${w.sql}`).get(...w.params) as { total: number };
  const actions = (sqlite.prepare('SELECT DISTINCT action FROM audit_log ORDER BY action').all() as { action: string }[]).map(
    (r) => r.action,
  );
  return { entries: toEntries(sqlite, rows, namesFor), total, actions };
}

/**
 * When the office's data last changed: the newest entry whose event changes something (not a sign-in, a print, a
 * copy). Read from the newest entry down, so it stops at once on a busy day.
 */
export function lastChangeAt(sqlite: Sqlite): string | null {
  const row = sqlite
    .prepare(
      `SELECT at FROM audit_log WHERE json_extract(summary, '$.event') NOT IN (SELECT value FROM json_each(?))
       ORDER BY seq DESC LIMIT 1`,
    )
    .get(JSON.stringify(EVENTS_THAT_CHANGE_NOTHING)) as { at: string } | undefined;
  return row?.at ?? null;
}

/**
 * The roster imports that created the member with this ref: an import's audit entry names the run of member refs it
 * inserted (firstRef…lastRef; it held the only writer, so every ref in the run is its own). Imports from before
 * the entry carried the run are not found. Named for `namesFor` (the import's file name).
 */
export function importEntriesCreating(sqlite: Sqlite, memberRef: number, namesFor: Role) {
  const rows = sqlite
    .prepare(
      `SELECT ${COLUMNS} FROM audit_log WHERE action = 'rosterImport.commit'
         AND json_extract(summary, '$.params.firstRef') <= @ref AND json_extract(summary, '$.params.lastRef') >= @ref ORDER BY seq`,
    )
    .all({ ref: memberRef }) as AuditRow[];
  return toEntries(sqlite, rows, namesFor);
}
