import type { ChannelOutput, FileRef, ParsedInput } from '@shared/contract';
import type { FundSource } from '@shared/domain/aid';
import { maskIdNumber } from '@shared/domain/id-number';
import { AppError } from '@shared/errors';
import type { CallContext } from '../../context';
import { putOutboxFile } from '../../files';
import { renderPdf } from '../../pdf';
import { aidPaymentSheetDocument, ROWS_PER_PAGE, type AidPaymentSheetRow } from '../../pdf/documents/aid-payment-sheet';
import { readOrg } from '../org/org.repo';
import { FUND_SOURCE_LABELS } from '@shared/labels-zh';
import { accountInDraft, bankInDraft, maskAccount } from './account-numbers';

/**
 * 发放表 of a batch or of a whole program (docs/domain.md "Printed documents"): every approved or paid payment (a voided
 * one was never paid, its reissue is on the sheet instead; one waiting for approval is not on it, since money is handed
 * out against the sheet: a clerk walk printed a sheet of unapproved payments, ready for signatures), in serial order.
 * 就业帮扶's services pay no money and are left off. Each row names its voucher's serial, and a reissue the voided
 * payment's it replaces (a clerk walk could not tell a reissue from a first payment on the sheet). IDs and accounts are
 * masked; a cash payment gets the box the recipient signs in.
 */

interface SheetRow {
  serial: string | null;
  reissued: number;
  originalSerial: string | null;
  name: string;
  idNumber: string;
  unit: string | null;
  method: string;
  fileDraft: string | null;
  amountFen: number;
}

const ROWS = `SELECT p.voucher_serial AS serial, p.reissue_of IS NOT NULL AS reissued, o.voucher_serial AS originalSerial,
    p.recipient_name AS name, p.recipient_id_number AS idNumber, p.recipient_unit AS unit, p.method,
    CASE WHEN p.method = 'bank' THEN f.draft END AS fileDraft, p.amount_fen AS amountFen
  FROM aid_payments p LEFT JOIN hardship_files f ON f.id = p.file_id LEFT JOIN aid_payments o ON o.id = p.reissue_of
  WHERE p.%COLUMN% = ? AND p.status IN ('approved', 'paid') AND p.method <> 'service' AND p.deleted_at IS NULL
  ORDER BY p.voucher_serial IS NULL, p.voucher_serial, p.entered_at, p.id`;

export function printSheet(ctx: CallContext, input: ParsedInput<'aid.printSheet'>): ChannelOutput<'aid.printSheet'> {
  if ((input.batchId === undefined) === (input.programId === undefined)) throw new AppError('INVALID_INPUT', { field: 'batchId' });
  const batch = input.batchId
    ? (ctx.sqlite
        .prepare('SELECT name, program_id AS programId FROM aid_batches WHERE id = ? AND deleted_at IS NULL')
        .get(input.batchId) as { name: string; programId: string } | undefined)
    : undefined;
  if (input.batchId && !batch) throw new AppError('NOT_FOUND', { record: 'batch' });
  const programId = batch?.programId ?? input.programId!;
  const program = ctx.sqlite
    .prepare('SELECT name, fund_source AS fundSource FROM aid_programs WHERE id = ? AND deleted_at IS NULL')
    .get(programId) as { name: string; fundSource: FundSource } | undefined;
  if (!program) throw new AppError('NOT_FOUND', { record: 'program' });
  const column = input.batchId ? 'batch_id' : 'program_id';
  const found = ctx.sqlite.prepare(ROWS.replace('%COLUMN%', column)).all(input.batchId ?? programId) as SheetRow[];
  if (found.length === 0) throw new AppError('AID_SHEET_NOT_APPROVED');

  return ctx.startJob(async (job): Promise<FileRef> => {
    job.progress(0, found.length);
    const rows: AidPaymentSheetRow[] = found.map((r) => ({
      serial: r.serial ?? '—',
      reissueOf: r.reissued ? { serial: r.originalSerial } : null,
      name: r.name,
      maskedId: maskIdNumber(r.idNumber),
      unit: r.unit ?? '—',
      // A bank payment whose file has no account yet still shows it is a transfer, not a signature box.
      maskedAccount: r.method === 'bank' ? (maskAccount(accountInDraft(r.fileDraft)) ?? '（账号未登记）') : null,
      bankName: r.method === 'bank' ? bankInDraft(r.fileDraft) : null,
      amountFen: r.amountFen,
    }));
    const document = aidPaymentSheetDocument({
      orgName: readOrg(ctx.db)!.name,
      programName: program.name,
      fundSourceLabel: FUND_SOURCE_LABELS[program.fundSource],
      batchName: batch?.name ?? null,
      printedAt: ctx.clock.now(),
      rows,
    });
    const pdf = await renderPdf(document, { fontsDir: ctx.core.resources.fontsDir });
    job.progress(rows.length, rows.length);
    const pages = Math.max(1, Math.ceil(rows.length / ROWS_PER_PAGE));
    ctx.write(() =>
      ctx.audit({
        recordType: input.batchId ? 'aidBatch' : 'aidProgram',
        recordId: input.batchId ?? programId,
        event: 'aid.sheetPrinted',
        params: { count: rows.length, pages },
      }),
    );
    // The batch's or program's name, never a person's, in the file name.
    return putOutboxFile(ctx.core.files, `发放表-${batch?.name ?? program.name}.pdf`.replace(/[\\/:*?"<>|]/g, '_'), 'application/pdf', pdf);
  });
}
