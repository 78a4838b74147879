import type { Sqlite } from '../../db/client';

/**
 * What the federation holds about each centre (exchange_peers, exchange_received, exchange_records, exchange_alarms;
 * schema/exchange.ts). SQL stays here; centres.service.ts makes the summaries.
 */

export interface CentrePeerRow {
  id: string;
  code: string;
  name: string;
  region: string;
  status: 'pending' | 'trusted' | 'replaced' | 'withdrawn';
  change: 'new' | 'signed' | 'restart';
  importedAt: string;
  confirmedAt: string | null;
  endedAt: string | null;
}

/** Every centre card this federation took in, oldest first (a code's history in the order it happened). */
export function centrePeers(sqlite: Sqlite, code?: string): CentrePeerRow[] {
  return sqlite
    .prepare(
      `SELECT id, code, name, region, status, change, imported_at AS importedAt, confirmed_at AS confirmedAt, ended_at AS endedAt
       FROM exchange_peers WHERE mode = 'centre' ${code === undefined ? '' : 'AND code = @code'} ORDER BY imported_at, id`,
    )
    .all(code === undefined ? {} : { code }) as CentrePeerRow[];
}

export interface BatchStats {
  centreCode: string;
  sequence: number;
  createdAt: string;
  importedAt: string;
  lastImportAt: string;
}

/** Per centre: its highest batch applied (sequence, written at, imported at) and its latest import of any batch. */
export function batchStats(sqlite: Sqlite): BatchStats[] {
  return sqlite
    .prepare(
      `SELECT r.centre_code AS centreCode, r.sequence, r.created_at AS createdAt, r.imported_at AS importedAt,
         (SELECT max(imported_at) FROM exchange_received WHERE centre_code = r.centre_code) AS lastImportAt
       FROM exchange_received r
       WHERE r.sequence = (SELECT max(sequence) FROM exchange_received WHERE centre_code = r.centre_code)`,
    )
    .all() as BatchStats[];
}

/**
 * Records held per centre and table, tombstones left out: each table counted from one of its own partial indexes
 * (migrations 0024, 0025) alone, never the rows. Named, as without statistics SQLite may pick another.
 */
export function heldCounts(sqlite: Sqlite): { centreCode: string; tableName: string; n: number }[] {
  const count = (table: string, index: string) =>
    `SELECT centre_code AS centreCode, '${table}' AS tableName, count(*) AS n FROM exchange_records INDEXED BY ${index}
     WHERE table_name = '${table}' AND deleted_at IS NULL GROUP BY centre_code`;
  return sqlite
    .prepare(
      [
        count('hardship_files', 'exchange_records_live'),
        count('members', 'exchange_records_member_name'),
        count('aid_payments', 'exchange_records_payment_order'),
      ].join(' UNION ALL '),
    )
    .all() as { centreCode: string; tableName: string; n: number }[];
}

/** Alarms not yet marked 已处理, per centre. */
export function openAlarms(sqlite: Sqlite): { centreCode: string; n: number }[] {
  return sqlite
    .prepare('SELECT centre_code AS centreCode, count(*) AS n FROM exchange_alarms WHERE settled_at IS NULL GROUP BY centre_code')
    .all() as { centreCode: string; n: number }[];
}
