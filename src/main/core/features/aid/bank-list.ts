import ExcelJS from 'exceljs';
import type { FileRef } from '@shared/contract';
import { AppError } from '@shared/errors';
import type { CallContext } from '../../context';
import { putOutboxFile } from '../../files';
import { readBatch } from './batches.repo';

/** The bank's column headings, in the order its 代发 template expects them. */
export const BANK_LIST_HEADERS = ['户名', '账号', '开户行', '金额', '用途'] as const;

interface BankRow {
  name: string;
  account: string | null;
  bankName: string | null;
  amountFen: number;
}

/**
 * 银行代发清单 of a batch (docs/domain.md "Printed documents"): the approved bank payments with the full account
 * numbers, for the bank. Administrator only (the contract); the audit entry says how many rows, nothing personal.
 * The account is the file's as it stands now (the payment does not copy it: a corrected account is used).
 * Accounts are text cells: as numbers Excel would show 6.22E+18 and lose the last digits.
 */
export function exportBankList(ctx: CallContext, batchId: string): { jobId: string } {
  const batch = readBatch(ctx.sqlite, batchId);
  return ctx.startJob(async (job): Promise<FileRef> => {
    const rows = ctx.sqlite
      .prepare(
        `SELECT p.recipient_name AS name, json_extract(f.draft, '$.bankAccount') AS account,
                json_extract(f.draft, '$.bankName') AS bankName, p.amount_fen AS amountFen
         FROM aid_payments p LEFT JOIN hardship_files f ON f.id = p.file_id
         WHERE p.batch_id = ? AND p.status = 'approved' AND p.method = 'bank' AND p.deleted_at IS NULL
         ORDER BY p.voucher_serial, p.id`,
      )
      .all(batchId) as BankRow[];
    // A file whose account was cleared since the batch was made cannot be paid by the bank: say how many.
    const missing = rows.filter((r) => !r.account).length;
    if (missing > 0) throw new AppError('AID_NO_BANK_ACCOUNT', { count: missing });
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('银行代发清单');
    sheet.columns = [
      { key: 'name', width: 14 },
      { key: 'account', width: 26, style: { numFmt: '@' } },
      { key: 'bank', width: 28 },
      { key: 'amount', width: 14, style: { numFmt: '0.00' } },
      { key: 'purpose', width: 24 },
    ];
    sheet.addRow([...BANK_LIST_HEADERS]).font = { bold: true };
    for (const [i, r] of rows.entries()) {
      // Fen to yuan: a division by 100 is exact to the two decimals shown (amounts are far below 2^53 fen).
      sheet.addRow([r.name, String(r.account), r.bankName ?? '', r.amountFen / 100, batch.programName]);
      if (i % 2000 === 1999) {
        job.progress(i + 1, rows.length);
        await job.pause();
        job.throwIfCancelled();
      }
    }
    sheet.views = [{ state: 'frozen', ySplit: 1 }];
    const buffer = Buffer.from(await workbook.xlsx.writeBuffer());
    ctx.write(() =>
      ctx.audit({ recordType: 'aidBatch', recordId: batchId, event: 'aid.bankListExported', params: { count: rows.length } }),
    );
    job.progress(rows.length, rows.length);
    return putOutboxFile(
      ctx.core.files,
      `银行代发清单-${batch.name}.xlsx`.replace(/[\\/:*?"<>|]/g, '_'),
      'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      buffer,
    );
  });
}
