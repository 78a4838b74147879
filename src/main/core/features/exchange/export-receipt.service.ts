import type { ChannelOutput, ParsedInput } from '@shared/contract';
import { AppError, type ErrorCode } from '@shared/errors';
import type { CallContext } from '../../context';
import { keyFingerprint, verifyReceipt, type BatchReceipt, type RefusalReason } from '../../exchange/format';
import { inboxFileSize, readInboxFileSync, removeInboxFile } from '../../files';
import { batchInfo, requireFederation, sentRow } from './export-list';

/**
 * 导入回执 (issue 12): the federation's signed `.bfr` answer to one batch. It is checked against the trusted
 * federation's key and this office's own keys, matched to the batch it names by sequence and payload hash, and
 * kept on that batch's row. Anything else is refused with nothing written; the same receipt again changes nothing.
 */

/** A receipt is a few kilobytes, or a few hundred for each refused record: far below this. */
const MAX_RECEIPT_BYTES = 16 * 1024 * 1024;

const REFUSALS: Partial<Record<RefusalReason, ErrorCode>> = {
  'not-a-batch': 'RECEIPT_NOT_A_RECEIPT',
  'newer-version': 'RECEIPT_NEWER',
  'unknown-sender': 'RECEIPT_UNTRUSTED',
  'wrong-recipient': 'RECEIPT_WRONG_CENTRE',
};

function readUpload(ctx: CallContext, uploadId: string): Buffer {
  try {
    if (inboxFileSize(ctx.core.files, uploadId) > MAX_RECEIPT_BYTES) throw new AppError('RECEIPT_NOT_A_RECEIPT');
    return readInboxFileSync(ctx.core.files, uploadId);
  } finally {
    removeInboxFile(ctx.core.files, uploadId);
  }
}

/**
 * The federation's key that signed a receipt: its trusted key, or one it has replaced since (a receipt for an older
 * batch may come after the federation changed its keys; the replaced key was trusted when it signed).
 */
function federationKey(ctx: CallContext, code: string, fingerprint: string): Buffer | null {
  const keys = ctx.sqlite
    .prepare("SELECT ed25519 FROM exchange_peers WHERE code = ? AND mode = 'federation' AND status IN ('trusted', 'replaced')")
    .pluck()
    .all(code) as Buffer[];
  return keys.find((key) => keyFingerprint(key) === fingerprint) ?? null;
}

/**
 * Which receipt a batch shows. The federation holds a batch it applied: a whole-batch refusal of a copy of it (a file
 * cut short on a second stick), given before or after, does not undo that, whichever order the clerk imports them
 * in. Otherwise a later receipt replaces an earlier one, except that a repeat does not hide what the first import
 * refused.
 */
function replaces(stored: { receiptAt: string | null; receiptOutcome: string | null }, receipt: BatchReceipt): boolean {
  if (!stored.receiptOutcome || !stored.receiptAt) return true;
  const held = (outcome: string) => outcome !== 'refused';
  if (held(stored.receiptOutcome) !== held(receipt.outcome)) return held(receipt.outcome);
  if (receipt.receivedAt <= stored.receiptAt) return false;
  return !(receipt.outcome === 'repeat' && stored.receiptOutcome === 'applied');
}

export async function importReceipt(
  ctx: CallContext,
  input: ParsedInput<'exchange.importReceipt'>,
): Promise<ChannelOutput<'exchange.importReceipt'>> {
  const { code, peer } = requireFederation(ctx);
  const bytes = readUpload(ctx, input.uploadId);
  const ownKeys = (ctx.sqlite.prepare("SELECT public_key FROM org_keys WHERE purpose = 'signing'").pluck().all() as Buffer[]).map((k) =>
    keyFingerprint(k),
  );
  const verdict = await verifyReceipt(bytes, {
    lookupSender: (from) => (from.code === peer.code ? federationKey(ctx, from.code, from.key) : null),
    isRecipient: (to) => to.code === code && ownKeys.includes(to.key),
  });
  if (!verdict.ok) throw new AppError(REFUSALS[verdict.reason] ?? 'RECEIPT_ALTERED');
  const receipt = verdict.receipt;
  const sequence = receipt.batch.sequence;

  const row = sentRow(ctx.sqlite, sequence);
  if (!row) throw new AppError('RECEIPT_UNKNOWN_BATCH', { sequence });
  if (receipt.batch.sha256 !== row.payloadSha256 && receipt.batch.sha256 !== row.sha256)
    throw new AppError('RECEIPT_OTHER_BATCH', { sequence });
  if (!replaces(row, receipt)) return { batch: batchInfo(ctx.sqlite, code, row), outcome: 'same' };

  const refused = receipt.refused.map(({ table, id, reason }) => ({ table, id, reason }));
  ctx.write(() => {
    ctx.sqlite
      .prepare(
        `UPDATE exchange_sent SET receipt_at = ?, receipt_outcome = ?, receipt_applied = ?, receipt_refused = ?, receipt_reason = ?,
           receipt_imported_by = ? WHERE sequence = ?`,
      )
      .run(
        receipt.receivedAt,
        receipt.outcome,
        JSON.stringify(receipt.applied),
        JSON.stringify(refused),
        receipt.reason ?? null,
        ctx.user!.id,
        sequence,
      );
    ctx.audit({
      recordType: 'exchangeBatch',
      recordId: String(sequence),
      event: 'exchange.receiptImported',
      params: { sequence, outcome: receipt.outcome, refused: refused.length },
    });
  });
  return { batch: batchInfo(ctx.sqlite, code, sentRow(ctx.sqlite, sequence)!), outcome: 'new' };
}
