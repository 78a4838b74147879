import type { BatchItem } from '@shared/contract/aid-types';
import { AppError } from '@shared/errors';
import type { Sqlite } from '../../db/client';

/**
 * 发放批次 as the batch list and a batch's page show them: each batch with its payments counted by state and the
 * total of those not voided, from the index aid_payments_batch (one grouped pass, not one query per batch).
 */

interface BatchDbRow {
  id: string;
  programId: string;
  programName: string;
  name: string;
  method: BatchItem['method'];
  createdBy: string | null;
  createdAt: string;
}

const BATCH_SQL = `SELECT b.id, b.program_id AS programId, p.name AS programName, b.name, b.method,
    u.display_name AS createdBy, b.created_at AS createdAt
  FROM aid_batches b JOIN aid_programs p ON p.id = b.program_id LEFT JOIN users u ON u.id = b.created_by
  WHERE b.deleted_at IS NULL`;

const COUNTS_SQL = `SELECT batch_id AS batchId, status, count(*) AS n,
    coalesce(sum(CASE WHEN status <> 'voided' THEN amount_fen END), 0) AS fen
  FROM aid_payments WHERE batch_id IN (SELECT value FROM json_each(?)) AND deleted_at IS NULL GROUP BY batch_id, status`;

function withCounts(sqlite: Sqlite, rows: BatchDbRow[]): BatchItem[] {
  const counts = sqlite.prepare(COUNTS_SQL).all(JSON.stringify(rows.map((r) => r.id))) as {
    batchId: string;
    status: keyof BatchItem['counts'];
    n: number;
    fen: number;
  }[];
  const items = new Map<string, BatchItem>(
    rows.map((r) => [r.id, { ...r, counts: { pending: 0, approved: 0, paid: 0, voided: 0 }, totalFen: 0, pendingFen: 0 }]),
  );
  for (const c of counts) {
    const item = items.get(c.batchId)!;
    item.counts[c.status] = c.n;
    item.totalFen += c.fen;
    if (c.status === 'pending') item.pendingFen = c.fen;
  }
  return [...items.values()];
}

/** The batches, newest first; of one program when asked. */
export function listBatches(sqlite: Sqlite, programId: string | undefined): BatchItem[] {
  const rows = sqlite
    .prepare(`${BATCH_SQL} AND (@programId IS NULL OR b.program_id = @programId) ORDER BY b.created_at DESC, b.id DESC`)
    .all({ programId: programId ?? null }) as BatchDbRow[];
  return withCounts(sqlite, rows);
}

export function readBatch(sqlite: Sqlite, id: string): BatchItem {
  const row = sqlite.prepare(`${BATCH_SQL} AND b.id = ?`).get(id) as BatchDbRow | undefined;
  if (!row) throw new AppError('NOT_FOUND', { record: 'aidBatch' });
  return withCounts(sqlite, [row])[0]!;
}

export interface BatchInsert {
  id: string;
  origin: string;
  now: string;
  programId: string;
  name: string;
  method: BatchItem['method'];
  /** The filters and the exclusions with their reasons, as JSON (the record of who was left out, and why). */
  filters: string;
  createdBy: string;
}

export function insertBatch(sqlite: Sqlite, row: BatchInsert): void {
  sqlite
    .prepare(
      `INSERT INTO aid_batches (id, origin, updated_at, program_id, name, method, filters, created_by, created_at)
       VALUES (@id, @origin, @now, @programId, @name, @method, @filters, @createdBy, @now)`,
    )
    .run(row);
}
