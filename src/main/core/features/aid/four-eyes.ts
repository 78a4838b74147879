import type { CallContext } from '../../context';
import type { PaymentRow } from './aid.repo';

/** How many of the reviewer's own payments the refusal names; the rest are counted (等 n 笔). */
const OWN_NAMED = 3;

/**
 * What the four-eyes refusal (AID_OWN_ENTRY) says besides the count: the first few of the reviewer's own payments,
 * by what the payments list shows that is not personal data — the file number (a pending payment has no voucher
 * serial yet), '' for an emergency payment without a file (the screen says 临时救助) — and their ids, so that a
 * screen holding the rows can name them in full. Never names: error params carry no personal data (shared/errors.ts).
 */
export function ownEntryParams(ctx: CallContext, own: readonly PaymentRow[]) {
  const first = own.slice(0, OWN_NAMED);
  const fileNo = ctx.sqlite.prepare('SELECT file_no FROM hardship_files WHERE id = ?').pluck();
  return {
    count: own.length,
    fileNos: first.map((p) => (p.fileId ? ((fileNo.get(p.fileId) as string | null | undefined) ?? '') : '')),
    ids: first.map((p) => p.id),
  };
}
