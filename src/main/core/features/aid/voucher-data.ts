import type { ParsedInput } from '@shared/contract';
import type { AidType, FundSource } from '@shared/domain/aid';
import { maskIdNumber } from '@shared/domain/id-number';
import { AppError } from '@shared/errors';
import type { Sqlite } from '../../db/client';
import type { AidVoucherData } from '../../pdf/documents/aid-voucher';
import { AID_TYPE_LABELS, FUND_SOURCE_LABELS } from '@shared/labels-zh';
import { accountInDraft, maskAccount } from './account-numbers';
import { voucherCodeText, voucherIssuedOn } from './qr-codes';
import { parseSerial } from './serials';

/**
 * Which vouchers a print takes (chosen payments, a batch, or a range of serials after a printer jam) and what each
 * one shows. Only payments with a voucher serial print: approved, paid, or voided after approval. A payment still
 * pending has no serial yet, and 就业帮扶's services pay no money, so neither has a voucher.
 */

/** One payment of the selection: enough to check it and to count reprints, read before the job starts. */
export interface VoucherPick {
  id: string;
  serial: string | null;
  status: string;
  printCount: number;
}

/** More than a day's printing is a mistake in the range (2027-000001..2027-999999); the contract's id list has the same cap. */
const MAX_VOUCHERS = 20_000;

const PICK = `SELECT p.id, p.voucher_serial AS serial, p.status, p.print_count AS printCount FROM aid_payments p`;
const LIVE = `p.deleted_at IS NULL AND p.method <> 'service'`;

export function pickVouchers(sqlite: Sqlite, input: ParsedInput<'aid.printVouchers'>): VoucherPick[] {
  const ways = [input.ids.length > 0, input.batchId !== undefined, input.serialFrom !== undefined || input.serialTo !== undefined];
  if (ways.filter(Boolean).length !== 1) throw new AppError('INVALID_INPUT', { field: 'selection' });
  let picks: VoucherPick[];
  if (input.ids.length > 0) {
    const ids = [...new Set(input.ids)];
    picks = sqlite
      .prepare(`${PICK} WHERE p.id IN (SELECT value FROM json_each(?)) AND ${LIVE} ORDER BY p.voucher_serial`)
      .all(JSON.stringify(ids)) as VoucherPick[];
    if (picks.length !== ids.length) throw new AppError('NOT_FOUND', { record: 'payment' });
  } else if (input.batchId !== undefined) {
    const batch = sqlite.prepare('SELECT 1 FROM aid_batches WHERE id = ? AND deleted_at IS NULL').get(input.batchId);
    if (!batch) throw new AppError('NOT_FOUND', { record: 'batch' });
    picks = sqlite.prepare(`${PICK} WHERE p.batch_id = ? AND ${LIVE} ORDER BY p.voucher_serial`).all(input.batchId) as VoucherPick[];
  } else {
    const [from, to] = serialRange(input.serialFrom ?? input.serialTo!, input.serialTo ?? input.serialFrom!);
    picks = sqlite
      .prepare(`${PICK} WHERE p.voucher_serial BETWEEN ? AND ? AND ${LIVE} ORDER BY p.voucher_serial LIMIT ?`)
      .all(from, to, MAX_VOUCHERS + 1) as VoucherPick[];
  }
  if (picks.length > MAX_VOUCHERS) throw new AppError('INVALID_INPUT', { field: 'serialTo', max: MAX_VOUCHERS });
  // Not yet approved: no serial, nothing a voucher could be checked against. The clerk has it approved first.
  const pending = picks.filter((p) => p.serial === null).length;
  if (pending > 0) throw new AppError('AID_VOUCHER_NOT_APPROVED', { count: pending });
  if (picks.length === 0) throw new AppError('NOT_FOUND', { record: 'voucher' });
  return picks;
}

/** 2027-000120 … 2027-000135 (typed as 2027-120 too): one year's vouchers, first ≤ last. */
function serialRange(fromText: string, toText: string): [string, string] {
  const from = parseSerial(normalised(fromText));
  const to = parseSerial(normalised(toText));
  if (!from || from.kind !== 'voucher') throw new AppError('INVALID_INPUT', { field: 'serialFrom' });
  if (!to || to.kind !== 'voucher' || to.year !== from.year || to.n < from.n) throw new AppError('INVALID_INPUT', { field: 'serialTo' });
  const format = (s: { year: number; n: number }) => `${s.year}-${String(s.n).padStart(6, '0')}`;
  return [format(from), format(to)];
}

/** What a clerk types after a jam: 2027-123 means 2027-000123. */
function normalised(text: string): string {
  const match = /^\s*(\d{4})-(\d{1,6})\s*$/.exec(text);
  return match ? `${match[1]}-${match[2]!.padStart(6, '0')}` : text;
}

interface VoucherRow {
  id: string;
  serial: string;
  status: string;
  printCount: number;
  recipientName: string;
  recipientIdNumber: string;
  recipientUnit: string | null;
  type: AidType;
  programName: string;
  fundSource: FundSource;
  amountFen: number;
  method: 'bank' | 'cash';
  approvedAt: string;
  fileDraft: string | null;
  enteredByName: string | null;
  approvedByName: string | null;
  reissued: number;
  originalSerial: string | null;
}

const ROWS = `SELECT p.id, p.voucher_serial AS serial, p.status, p.print_count AS printCount, p.recipient_name AS recipientName,
    p.recipient_id_number AS recipientIdNumber, p.recipient_unit AS recipientUnit, p.type, g.name AS programName,
    g.fund_source AS fundSource, p.amount_fen AS amountFen, p.method, p.approved_at AS approvedAt,
    CASE WHEN p.method = 'bank' THEN f.draft END AS fileDraft,
    ue.display_name AS enteredByName, ua.display_name AS approvedByName,
    p.reissue_of IS NOT NULL AS reissued, o.voucher_serial AS originalSerial
  FROM aid_payments p JOIN aid_programs g ON g.id = p.program_id
  LEFT JOIN aid_payments o ON o.id = p.reissue_of
  LEFT JOIN hardship_files f ON f.id = p.file_id
  LEFT JOIN users ue ON ue.id = p.entered_by LEFT JOIN users ua ON ua.id = p.approved_by
  WHERE p.id IN (SELECT value FROM json_each(?)) ORDER BY p.voucher_serial`;

/**
 * The vouchers of `picks` as the document prints them, with their signed QR text. A voucher printed before says 补打
 * with how many times it was printed; a voided one prints 作废 across it; a reissue names the voided voucher it
 * replaces. The date is the day the serial was given
 * (the approval), the same day the QR code signs.
 */
export function voucherData(sqlite: Sqlite, picks: readonly VoucherPick[]): AidVoucherData[] {
  const rows = sqlite.prepare(ROWS).all(JSON.stringify(picks.map((p) => p.id))) as VoucherRow[];
  return rows.map((row) => ({
    serial: row.serial,
    recipientName: row.recipientName,
    maskedId: maskIdNumber(row.recipientIdNumber),
    unit: row.recipientUnit ?? '—',
    aidTypeLabel: AID_TYPE_LABELS[row.type],
    programName: row.programName,
    fundSourceLabel: FUND_SOURCE_LABELS[row.fundSource],
    amountFen: row.amountFen,
    method: row.method,
    maskedAccount: row.method === 'bank' ? maskAccount(accountInDraft(row.fileDraft)) : null,
    date: voucherIssuedOn(row.approvedAt),
    enteredBy: row.enteredByName ?? '',
    approvedBy: row.approvedByName ?? '',
    qrText: voucherCodeText(sqlite, row.id),
    reprintCount: row.printCount,
    voided: row.status === 'voided',
    reissueOf: row.reissued ? { serial: row.originalSerial } : null,
  }));
}
