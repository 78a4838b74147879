import type { ChannelOutput, FileRef, ParsedInput } from '@shared/contract';
import type { CallContext } from '../../context';
import { putOutboxFile } from '../../files';
import { aidVoucherDocument, type AidVoucherData } from '../../pdf/documents/aid-voucher';
import { renderPdfInParts } from '../../pdf/render-parts';
import { readOrg } from '../org/org.repo';
import { pickVouchers, voucherData, type VoucherPick } from './voucher-data';

/**
 * The printed aid documents (docs/domain.md "Printed documents"), each a job like the hardship prints: the data is
 * read, the document built by a pure function (pdf/documents), rendered with the missing-glyph check, put in the
 * outbox, and the print written to the audit log (how many, never what was on it). A wrong selection is refused at
 * once, before a job starts.
 */

const PDF = 'application/pdf';

/**
 * Vouchers per part of the PDF: between parts the job reports progress and may be cancelled. Small enough that a
 * cancel is heard within a second or two, large enough that the pauses cost nothing measurable.
 */
export const VOUCHERS_PER_PART = 100;

/**
 * 领取凭证 of approved, paid or voided payments, one page each, in serial order, as one PDF. The print counts are
 * raised only when the whole PDF is in the outbox, in one write with the audit entry: a cancelled or failed print
 * leaves no file and no count, so the next print is not taken for a reprint.
 */
export function printVouchers(ctx: CallContext, input: ParsedInput<'aid.printVouchers'>): ChannelOutput<'aid.printVouchers'> {
  const picks = pickVouchers(ctx.sqlite, input);
  return ctx.startJob(async (job): Promise<FileRef> => {
    const org = readOrg(ctx.db)!;
    const printedAt = ctx.clock.now();
    const total = picks.length;
    job.progress(0, total);
    const parts = function* (): Generator<ReturnType<typeof aidVoucherDocument>> {
      for (let start = 0; start < total; start += VOUCHERS_PER_PART) {
        const vouchers: AidVoucherData[] = voucherData(ctx.sqlite, picks.slice(start, start + VOUCHERS_PER_PART));
        yield aidVoucherDocument({ orgName: org.name, printedAt, layout: input.layout, vouchers });
      }
    };
    const pdf = await renderPdfInParts(parts(), {
      fontsDir: ctx.core.resources.fontsDir,
      between: async (done) => {
        job.progress(Math.min(done * VOUCHERS_PER_PART, total), total);
        await job.pause();
        job.throwIfCancelled();
      },
    });
    const file = putOutboxFile(ctx.core.files, voucherFileName(picks), PDF, pdf);
    ctx.write(() => {
      countPrints(ctx, picks);
      ctx.audit({
        recordType: input.batchId ? 'aidBatch' : null,
        recordId: input.batchId ?? null,
        event: 'aid.vouchersPrinted',
        params: { count: total, reprints: picks.filter((p) => p.printCount > 0).length, layout: input.layout },
      });
    });
    return file;
  });
}

/** 领取凭证-2027-000001至2027-005000.pdf: serials, never names, in a file name that lands in download folders. */
function voucherFileName(picks: readonly VoucherPick[]): string {
  const first = picks[0]!.serial!;
  const last = picks.at(-1)!.serial!;
  return first === last ? `领取凭证-${first}.pdf` : `领取凭证-${first}至${last}.pdf`;
}

function countPrints(ctx: CallContext, picks: readonly VoucherPick[]): void {
  ctx.sqlite
    .prepare('UPDATE aid_payments SET print_count = print_count + 1, updated_at = ? WHERE id IN (SELECT value FROM json_each(?))')
    .run(ctx.now(), JSON.stringify(picks.map((p) => p.id)));
}
