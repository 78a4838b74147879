import { join } from 'node:path';
import type { RefusedRecordInfo, SentBatchInfo, SentBatchState } from '@shared/contract/exchange-export';
import { AppError } from '@shared/errors';
import type { CallContext } from '../../context';
import type { Sqlite } from '../../db/client';
import { readOrg } from '../org/org.repo';
import { activePeersInMode, type PeerRow } from './peers.repo';

/** The centre's record of its batches (exchange_sent) as the 上报批次 screen shows them. */

export interface SentRow {
  sequence: number;
  recipientPeerId: string;
  createdAt: string;
  snapshot: number;
  changeAfter: number;
  changeThrough: number;
  counts: string;
  attachments: number;
  bytes: number;
  sha256: string;
  payloadSha256: string | null;
  keptFile: string;
  exportedByName: string;
  receiptAt: string | null;
  receiptOutcome: 'applied' | 'repeat' | 'refused' | null;
  receiptApplied: string | null;
  receiptRefused: string | null;
  receiptReason: string | null;
}

const COLUMNS = `s.sequence, s.recipient_peer_id AS recipientPeerId, s.created_at AS createdAt, s.snapshot,
  s.change_after AS changeAfter, s.change_through AS changeThrough, s.counts, s.attachments, s.bytes, s.sha256,
  s.payload_sha256 AS payloadSha256, s.kept_file AS keptFile, coalesce(u.display_name, '') AS exportedByName,
  s.receipt_at AS receiptAt, s.receipt_outcome AS receiptOutcome, s.receipt_applied AS receiptApplied,
  s.receipt_refused AS receiptRefused, s.receipt_reason AS receiptReason`;

export function sentRows(sqlite: Sqlite): SentRow[] {
  return sqlite
    .prepare(`SELECT ${COLUMNS} FROM exchange_sent s LEFT JOIN users u ON u.id = s.exported_by ORDER BY s.sequence DESC`)
    .all() as SentRow[];
}

export function sentRow(sqlite: Sqlite, sequence: number): SentRow | undefined {
  return sqlite
    .prepare(`SELECT ${COLUMNS} FROM exchange_sent s LEFT JOIN users u ON u.id = s.exported_by WHERE s.sequence = ?`)
    .get(sequence) as SentRow | undefined;
}

/** The kept copies live in the data folder's exchange/sent/. */
export const sentDir = (ctx: CallContext) => join(ctx.core.paths.dataDir, 'exchange', 'sent');

/** The name the clerk saves and carries: the office's code and the batch number. */
export const batchFileName = (code: string, sequence: number) => `上报批次-${code}-第${String(sequence).padStart(4, '0')}批.bfb`;

/** Centre mode with a trusted federation card, or a clear refusal. */
export function requireFederation(ctx: CallContext): { code: string; peer: PeerRow } {
  const org = readOrg(ctx.db)!;
  if (org.mode !== 'centre') throw new AppError('EXCHANGE_NOT_CENTRE');
  const peer = trustedFederation(ctx.sqlite);
  if (!peer) throw new AppError('EXCHANGE_NO_FEDERATION');
  return { code: org.creditCode, peer };
}

export function trustedFederation(sqlite: Sqlite): PeerRow | undefined {
  return activePeersInMode(sqlite, 'federation').find((p) => p.status === 'trusted');
}

/** What the clerk can find a refused record by here (shown on screen only, never logged). */
function findBy(sqlite: Sqlite, table: string, id: string): string | null {
  const one = (sql: string) => (sqlite.prepare(sql).pluck().get(id) as string | null | undefined) ?? null;
  switch (table) {
    case 'hardship_files':
      return one('SELECT coalesce(file_no, head_name) FROM hardship_files WHERE id = ?');
    case 'aid_payments':
      return one(
        `SELECT coalesce(f.file_no, p.recipient_name) || ' · ' || p.year || ' · ' || coalesce(p.voucher_serial, substr(p.entered_at, 1, 10))
         FROM aid_payments p LEFT JOIN hardship_files f ON f.id = p.file_id WHERE p.id = ?`,
      );
    case 'members':
      return one("SELECT name FROM members WHERE id = unhex(replace(?, '-', ''))");
    case 'units':
    case 'aid_programs':
    case 'aid_batches':
      return one(`SELECT name FROM ${table} WHERE id = ?`);
    case 'org':
      return one('SELECT name FROM org WHERE id = ?');
    default:
      return null;
  }
}

function stateOf(row: SentRow, refused: unknown[]): SentBatchState {
  if (!row.receiptOutcome) return 'exported';
  return row.receiptOutcome === 'refused' || refused.length > 0 ? 'problems' : 'confirmed';
}

export function batchInfo(sqlite: Sqlite, code: string, row: SentRow): SentBatchInfo {
  const counts = JSON.parse(row.counts) as Record<string, number>;
  const refused = row.receiptRefused ? (JSON.parse(row.receiptRefused) as Omit<RefusedRecordInfo, 'find'>[]) : [];
  return {
    sequence: row.sequence,
    createdAt: row.createdAt,
    snapshot: row.snapshot === 1,
    counts,
    records: Object.values(counts).reduce((a, b) => a + b, 0),
    attachments: row.attachments,
    bytes: row.bytes,
    fileName: batchFileName(code, row.sequence),
    exportedBy: row.exportedByName,
    state: stateOf(row, refused),
    receipt: row.receiptOutcome
      ? {
          receivedAt: row.receiptAt!,
          outcome: row.receiptOutcome,
          reason: row.receiptReason,
          applied: row.receiptApplied ? (JSON.parse(row.receiptApplied) as Record<string, number>) : {},
          refused: refused.map((r) => ({ ...r, find: findBy(sqlite, r.table, r.id) })),
        }
      : null,
  };
}
