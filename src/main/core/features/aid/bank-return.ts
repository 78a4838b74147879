import type { z } from 'zod';
import type { ChannelOutput, ParsedInput } from '@shared/contract';
import type { returnRowProblem } from '@shared/contract/aid-batch';
import { AppError } from '@shared/errors';
import type { CallContext } from '../../context';
import { refuseBadPastDates } from '../../date-rules';
import { inboxFileLocation, removeInboxFile } from '../../files';
import { readSpreadsheet } from '../roster/import';
import type { CellValue, SheetRow } from '../roster/import/types';
import { markPaymentPaid } from './aid.repo';
import { readBatch } from './batches.repo';

type Problem = z.infer<typeof returnRowProblem>;

/** A bank's return list is the batch's rows again: a few thousand at most. These limits stop a wrong file early. */
const MAX_BYTES = 20 * 1024 * 1024;
const MAX_ROWS = 100_000;

/** Headings banks use for the columns read (their templates differ a little). */
const ACCOUNT_HEADINGS = ['账号', '收款账号', '卡号', '收款人账号', '账户'];
const AMOUNT_HEADINGS = ['金额', '交易金额', '实发金额', '代发金额'];
const STATUS_HEADINGS = ['状态', '处理结果', '交易状态', '结果', '处理状态'];
const SUCCESS = /成功|已入账|已到账|已处理|^success/i;
const FAILURE = /失败|退回|退票|拒绝|错误|^fail/i;

const text = (cell: CellValue | undefined) => (cell === null || cell === undefined ? '' : String(cell).trim());

/** Yuan as the bank wrote it (123.45, "1,234.50") → fen, exactly; null when it is not an amount. */
export function yuanToFen(cell: CellValue | undefined): number | null {
  if (typeof cell === 'number') {
    const fen = Math.round(cell * 100);
    return cell >= 0 && Math.abs(cell * 100 - fen) < 1e-6 ? fen : null;
  }
  const match = /^(\d{1,12})(?:\.(\d{1,2}))?$/.exec(text(cell).replace(/[,，¥￥\s]/g, ''));
  return match ? Number(match[1]) * 100 + Number((match[2] ?? '').padEnd(2, '0')) : null;
}

/** The account as text: a number cell has lost digits past 15 (Excel), so it is refused rather than guessed. */
function accountOf(cell: CellValue | undefined): string | null {
  if (typeof cell === 'number') return Number.isSafeInteger(cell) && String(cell).length <= 15 ? String(cell) : null;
  const account = text(cell).replace(/[\s-]/g, '');
  return /^\d{8,30}$/.test(account) ? account : null;
}

function columns(rows: SheetRow[]) {
  for (const [at, row] of rows.slice(0, 20).entries()) {
    const headings = row.cells.map((c) => text(c));
    const find = (names: string[]) => headings.findIndex((h) => names.includes(h));
    const account = find(ACCOUNT_HEADINGS);
    const amount = find(AMOUNT_HEADINGS);
    if (account >= 0 && amount >= 0) return { headerAt: at, account, amount, status: find(STATUS_HEADINGS) };
  }
  // Not a return list of this program's kind: the clerk picked another file.
  throw new AppError('INVALID_INPUT', { reason: 'noAccountOrAmountColumn' });
}

/**
 * 银行回单 → 已发放: reads the list the bank returned for a bank batch and marks each successful row's payment
 * paid, in one write transaction. A row matches an approved bank payment of the batch by account (the file's) and
 * amount; two payments alike (two students of one household) are matched one row each. Nothing about a row's person
 * is returned or logged: problems name the row number.
 */
export async function markPaidFromReturn(
  ctx: CallContext,
  input: ParsedInput<'aid.markPaidFromReturn'>,
): Promise<ChannelOutput<'aid.markPaidFromReturn'>> {
  refuseBadPastDates(ctx.clock, [[['paidOn'], input.paidOn]]);
  readBatch(ctx.sqlite, input.batchId);
  const sheet = await readSpreadsheet(inboxFileLocation(ctx.core.files, input.uploadId), {
    maxBytes: MAX_BYTES,
    maxRows: MAX_ROWS,
    fileName: input.fileName,
  });
  const col = columns(sheet.rows);
  const result = ctx.write(() => {
    const payments = ctx.sqlite
      .prepare(
        `SELECT p.id, p.status, p.amount_fen AS amountFen, json_extract(f.draft, '$.bankAccount') AS account
         FROM aid_payments p JOIN hardship_files f ON f.id = p.file_id
         WHERE p.batch_id = ? AND p.method = 'bank' AND p.status IN ('approved', 'paid') AND p.deleted_at IS NULL
         ORDER BY p.voucher_serial, p.id`,
      )
      .all(input.batchId) as { id: string; status: 'approved' | 'paid'; amountFen: number; account: string | null }[];
    const open = new Map<string, { approved: string[]; paid: number }>();
    for (const p of payments) {
      const key = `${p.account}|${p.amountFen}`;
      const entry = open.get(key) ?? { approved: [], paid: 0 };
      if (p.status === 'approved') entry.approved.push(p.id);
      else entry.paid++;
      open.set(key, entry);
    }
    const problems: { row: number; problem: Problem }[] = [];
    let paid = 0;
    let alreadyPaid = 0;
    const now = ctx.now();
    for (const row of sheet.rows.slice(col.headerAt + 1)) {
      const account = accountOf(row.cells[col.account]);
      const amountFen = yuanToFen(row.cells[col.amount]);
      const status = col.status >= 0 ? text(row.cells[col.status]) : null;
      const problem: Problem | null = !account
        ? 'badAccount'
        : amountFen === null
          ? 'badAmount'
          : status !== null && FAILURE.test(status)
            ? 'failed'
            : status !== null && !SUCCESS.test(status)
              ? 'noStatus'
              : null;
      if (problem) {
        problems.push({ row: row.rowNumber, problem });
        continue;
      }
      const entry = open.get(`${account}|${amountFen}`);
      const id = entry?.approved.shift();
      if (id) {
        markPaymentPaid(ctx.sqlite, id, now, ctx.user!.id, input.paidOn);
        paid++;
      } else if (entry && entry.paid > 0) {
        entry.paid--;
        alreadyPaid++;
      } else problems.push({ row: row.rowNumber, problem: 'noMatch' });
    }
    const stillApproved = [...open.values()].reduce((sum, e) => sum + e.approved.length, 0);
    // The reading is recorded even when nothing was marked (a list of failures is news too).
    ctx.audit({ recordType: 'aidBatch', recordId: input.batchId, event: 'aid.paymentsPaid', params: { count: paid } });
    return { paid, alreadyPaid, problems, stillApproved };
  });
  removeInboxFile(ctx.core.files, input.uploadId);
  return result;
}
