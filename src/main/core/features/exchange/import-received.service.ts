import { existsSync } from 'node:fs';
import type { ChannelOutput, FileRef, ParsedInput } from '@shared/contract';
import type { ExchangeAlarm } from '@shared/contract/exchange-import';
import { AppError } from '@shared/errors';
import type { CallContext } from '../../context';
import type { RefusedRecord } from '../../exchange/format';
import { keptBatchPath, receiptFor, requireFederation } from './import-batch.service';
import { keptPending } from './import-kept';
import { keptHeader } from './import-receipt';
import { receivedRow } from './import-store';

/** 接收批次's lists: the batches received per centre, the alarms; a receipt again; an alarm marked 已处理. */

interface BatchRow {
  code: string;
  sequence: number;
  snapshot: number;
  createdAt: string;
  importedAt: string;
  importedBy: string;
  bytes: number;
  applied: string;
  refused: string;
}

export function received(ctx: CallContext): ChannelOutput<'exchangeImport.received'> {
  requireFederation(ctx);
  // Every centre whose card was ever trusted, by its current name, and those that sent batches.
  const names = new Map<string, string>();
  const peers = ctx.sqlite
    .prepare("SELECT code, name FROM exchange_peers WHERE mode = 'centre' AND status <> 'pending' ORDER BY imported_at")
    .all() as { code: string; name: string }[];
  for (const p of peers) names.set(p.code, p.name);
  const rows = ctx.sqlite
    .prepare(
      `SELECT r.centre_code AS code, r.sequence, r.snapshot, r.created_at AS createdAt, r.imported_at AS importedAt,
              coalesce(u.display_name, '') AS importedBy, r.bytes, r.applied, r.refused
       FROM exchange_received r LEFT JOIN users u ON u.id = r.imported_by ORDER BY r.centre_code, r.sequence DESC`,
    )
    .all() as BatchRow[];
  const byCode = new Map<string, BatchRow[]>();
  for (const code of names.keys()) byCode.set(code, []);
  for (const row of rows) byCode.set(row.code, [...(byCode.get(row.code) ?? []), row]);
  const centres = [...byCode.entries()].map(([code, batches]) => ({
    code,
    name: names.get(code) ?? code,
    nextSequence: (batches[0]?.sequence ?? 0) + 1,
    batches: batches.map((b) => ({
      sequence: b.sequence,
      snapshot: b.snapshot === 1,
      createdAt: b.createdAt,
      importedAt: b.importedAt,
      importedBy: b.importedBy,
      bytes: b.bytes,
      applied: JSON.parse(b.applied) as Record<string, number>,
      refusedCount: (JSON.parse(b.refused) as unknown[]).length,
    })),
  }));
  centres.sort((a, b) => a.name.localeCompare(b.name, 'zh-CN'));
  return { centres, alarms: alarms(ctx, names), keptPending: keptPending(ctx) };
}

function alarms(ctx: CallContext, names: Map<string, string>, id?: string): ExchangeAlarm[] {
  const rows = ctx.sqlite
    .prepare(
      `SELECT a.id, a.centre_code AS centreCode, a.sequence, a.kind, a.at, coalesce(u.display_name, '') AS by, a.held_sha256 AS heldSha256,
              a.offered_sha256 AS offeredSha256, a.settled_at AS settledAt, s.display_name AS settledBy, a.settled_note AS settledNote
       FROM exchange_alarms a LEFT JOIN users u ON u.id = a.by_user LEFT JOIN users s ON s.id = a.settled_by
       WHERE ? IS NULL OR a.id = ? ORDER BY a.at DESC, a.id DESC`,
    )
    .all(id ?? null, id ?? null) as Omit<ExchangeAlarm, 'centreName'>[];
  return rows.map((r) => ({ ...r, centreName: names.get(r.centreCode) ?? r.centreCode }));
}

/** The receipt of a batch applied, made again from its row and its kept file: the same bytes as at the import. */
export function receiptAgain(ctx: CallContext, input: ParsedInput<'exchangeImport.receipt'>): { jobId: string } {
  requireFederation(ctx);
  const row = receivedRow(ctx.sqlite, input.centreCode, input.sequence);
  if (!row) throw new AppError('NOT_FOUND', { record: 'exchangeBatch' });
  const path = keptBatchPath(ctx, input.centreCode, input.sequence);
  if (!existsSync(path)) throw new AppError('EXCHANGE_RECEIPT_UNAVAILABLE', { sequence: input.sequence });
  return ctx.startJob(async (): Promise<FileRef> => {
    const header = keptHeader(path);
    return receiptFor(ctx, header, 'applied', row.importedAt, {
      applied: JSON.parse(row.applied) as Record<string, number>,
      refused: JSON.parse(row.refused) as RefusedRecord[],
    });
  });
}

export function settleAlarm(ctx: CallContext, input: ParsedInput<'exchangeImport.settleAlarm'>): ExchangeAlarm {
  requireFederation(ctx);
  return ctx.write(() => {
    const row = ctx.sqlite
      .prepare('SELECT centre_code AS code, sequence, settled_at AS settledAt FROM exchange_alarms WHERE id = ?')
      .get(input.id) as { code: string; sequence: number; settledAt: string | null } | undefined;
    if (!row) throw new AppError('NOT_FOUND', { record: 'exchangeAlarm' });
    if (row.settledAt) throw new AppError('EXCHANGE_ALARM_SETTLED');
    ctx.sqlite
      .prepare('UPDATE exchange_alarms SET settled_at = ?, settled_by = ?, settled_note = ? WHERE id = ?')
      .run(ctx.now(), ctx.user!.id, input.note, input.id);
    const name =
      (ctx.sqlite.prepare('SELECT name FROM exchange_peers WHERE code = ? ORDER BY imported_at DESC LIMIT 1').pluck().get(row.code) as
        string | undefined) ?? row.code;
    ctx.audit({
      recordType: 'exchangeAlarm',
      recordId: input.id,
      event: 'exchangeImport.alarmSettled',
      params: { name, sequence: row.sequence },
    });
    const names = new Map([[row.code, name]]);
    return alarms(ctx, names, input.id)[0]!;
  });
}
