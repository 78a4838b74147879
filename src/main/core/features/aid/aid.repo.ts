import type { PaymentItem, ProgramItem } from '@shared/contract/aid-types';
import type { AidStandard, AidType, PaymentMethod, PaymentStatus, ProgramStatus, SchoolStage } from '@shared/domain/aid';
import { maskedIdView } from '@shared/domain/id-number';
import type { Sqlite } from '../../db/client';

/**
 * The SQL of aid (docs/domain.md "Aid"): programs, payments and the sums the caps are held to. No rule lives here;
 * the services decide, this module reads and writes rows. Statuses in SQL are fixed literals, never input.
 */

/** Payments that count against caps and budgets: every one not voided (pending and approved too, so that two
 * payments entered the same day cannot both take what is left). */
export const COUNTED = "status <> 'voided' AND deleted_at IS NULL";

const PROGRAM_COLUMNS = `p.id, p.type, p.name, p.year, p.fund_source AS fundSource, p.budget_fen AS budgetFen, p.status,
  p.standard, p.note, u.display_name AS createdBy, p.created_at AS createdAt`;

/** What a program's payments not voided add up to, per state (aid_payment_totals, kept by triggers: a few rows). */
const USAGE = `SELECT coalesce(sum(count), 0) AS payments,
    coalesce(sum(CASE WHEN status = 'pending' THEN amount_fen END), 0) AS pendingFen,
    coalesce(sum(CASE WHEN status = 'approved' THEN amount_fen END), 0) AS approvedFen,
    coalesce(sum(CASE WHEN status = 'paid' THEN amount_fen END), 0) AS paidFen
  FROM aid_payment_totals WHERE program_id = ? AND status IN ('pending', 'approved', 'paid')`;

interface ProgramDbRow extends Omit<ProgramItem, 'standard' | 'usage'> {
  standard: string;
}

function programOf(sqlite: Sqlite, row: ProgramDbRow): ProgramItem {
  const usage = sqlite.prepare(USAGE).get(row.id) as Omit<ProgramItem['usage'], 'committedFen'>;
  return {
    ...row,
    standard: JSON.parse(row.standard) as AidStandard,
    usage: { ...usage, committedFen: usage.pendingFen + usage.approvedFen + usage.paidFen },
  };
}

export function readProgram(sqlite: Sqlite, id: string): ProgramItem | undefined {
  const row = sqlite
    .prepare(
      `SELECT ${PROGRAM_COLUMNS} FROM aid_programs p LEFT JOIN users u ON u.id = p.created_by WHERE p.id = ? AND p.deleted_at IS NULL`,
    )
    .get(id) as ProgramDbRow | undefined;
  return row && programOf(sqlite, row);
}

export function listPrograms(sqlite: Sqlite, year: number | null, includeClosed: boolean): ProgramItem[] {
  const rows = sqlite
    .prepare(
      `SELECT ${PROGRAM_COLUMNS} FROM aid_programs p LEFT JOIN users u ON u.id = p.created_by
       WHERE p.deleted_at IS NULL AND (@year IS NULL OR p.year = @year) AND (@closed = 1 OR p.status = 'open')
       ORDER BY p.year DESC, p.created_at DESC, p.id`,
    )
    .all({ year, closed: includeClosed ? 1 : 0 }) as ProgramDbRow[];
  return rows.map((row) => programOf(sqlite, row));
}

export interface ProgramWrite {
  type: AidType;
  name: string;
  year: number;
  fundSource: string;
  budgetFen: number | null;
  standard: AidStandard;
  note: string | null;
}

export function insertProgram(sqlite: Sqlite, row: ProgramWrite & { id: string; origin: string; now: string; by: string }): void {
  sqlite
    .prepare(
      `INSERT INTO aid_programs (id, origin, updated_at, type, name, year, fund_source, budget_fen, status, standard, note, created_by, created_at)
       VALUES (@id, @origin, @now, @type, @name, @year, @fundSource, @budgetFen, 'open', @standard, @note, @by, @now)`,
    )
    .run({ ...row, standard: JSON.stringify(row.standard) });
}

export function updateProgram(sqlite: Sqlite, id: string, now: string, row: ProgramWrite): void {
  sqlite
    .prepare(
      `UPDATE aid_programs SET type = @type, name = @name, year = @year, fund_source = @fundSource, budget_fen = @budgetFen,
         standard = @standard, note = @note, updated_at = @now WHERE id = @id`,
    )
    .run({ ...row, id, now, standard: JSON.stringify(row.standard) });
}

export function setProgramStatus(sqlite: Sqlite, id: string, now: string, status: ProgramStatus): void {
  sqlite.prepare('UPDATE aid_programs SET status = ?, updated_at = ? WHERE id = ?').run(status, now, id);
}

/** What the program has committed (payments not voided): its budget's used part (aid_payment_totals). */
export function committedOf(sqlite: Sqlite, programId: string): number {
  return sqlite
    .prepare(
      "SELECT coalesce(sum(amount_fen), 0) FROM aid_payment_totals WHERE program_id = ? AND status IN ('pending', 'approved', 'paid')",
    )
    .pluck()
    .get(programId) as number;
}

/** A payment's columns as the services need them (the list's rows are paymentItems). */
export interface PaymentRow {
  id: string;
  programId: string;
  batchId: string | null;
  fileId: string | null;
  year: number;
  type: AidType;
  recipientName: string;
  recipientIdNumber: string;
  recipientUnit: string | null;
  studentId: string | null;
  schoolStage: SchoolStage | null;
  amountFen: number;
  suggestedFen: number;
  method: PaymentMethod;
  status: PaymentStatus;
  enteredBy: string;
  enteredAt: string;
  voucherSerial: string | null;
  reissueOf: string | null;
}

const PAYMENT_COLUMNS = `id, program_id AS programId, batch_id AS batchId, file_id AS fileId, year, type, recipient_name AS recipientName,
  recipient_id_number AS recipientIdNumber, recipient_unit AS recipientUnit, student_id AS studentId, school_stage AS schoolStage,
  amount_fen AS amountFen, suggested_fen AS suggestedFen, method, status, entered_by AS enteredBy, entered_at AS enteredAt,
  voucher_serial AS voucherSerial, reissue_of AS reissueOf`;

export function readPayment(sqlite: Sqlite, id: string): PaymentRow | undefined {
  return sqlite.prepare(`SELECT ${PAYMENT_COLUMNS} FROM aid_payments WHERE id = ? AND deleted_at IS NULL`).get(id) as
    PaymentRow | undefined;
}

/** Payments by id or of a batch, in the order they were entered (the order voucher serials follow). */
export function paymentsFor(sqlite: Sqlite, ids: readonly string[], batchId: string | undefined): PaymentRow[] {
  return sqlite
    .prepare(
      `SELECT ${PAYMENT_COLUMNS} FROM aid_payments
       WHERE deleted_at IS NULL AND (id IN (SELECT value FROM json_each(@ids)) OR batch_id = @batchId)
       ORDER BY entered_at, id`,
    )
    .all({ ids: JSON.stringify(ids), batchId: batchId ?? null }) as PaymentRow[];
}

/** The payment that reissued this voided one, if any (a voided payment is reissued once). */
export function reissueOfPayment(sqlite: Sqlite, voidedId: string): string | undefined {
  return sqlite.prepare('SELECT id FROM aid_payments WHERE reissue_of = ? AND deleted_at IS NULL LIMIT 1').pluck().get(voidedId) as
    string | undefined;
}

/** A new payment: the row's own columns (it starts pending, unapproved) and what only an insert carries. */
export interface PaymentInsert extends Omit<PaymentRow, 'status' | 'enteredAt' | 'voucherSerial'> {
  origin: string;
  now: string;
  adjustReason: string | null;
  basis: string;
  overBudgetReason: string | null;
  note: string | null;
}

/** A statement for many inserts (a batch prepares it once). */
export function paymentInserter(sqlite: Sqlite): (row: PaymentInsert) => void {
  const statement = sqlite.prepare(
    `INSERT INTO aid_payments (id, origin, updated_at, program_id, batch_id, file_id, year, type, recipient_name, recipient_id_number,
       recipient_unit, student_id, school_stage, amount_fen, suggested_fen, adjust_reason, basis, method, status, over_budget_reason,
       note, entered_by, entered_at, reissue_of)
     VALUES (@id, @origin, @now, @programId, @batchId, @fileId, @year, @type, @recipientName, @recipientIdNumber, @recipientUnit,
       @studentId, @schoolStage, @amountFen, @suggestedFen, @adjustReason, @basis, @method, 'pending', @overBudgetReason, @note,
       @enteredBy, @now, @reissueOf)`,
  );
  return (row) => statement.run(row);
}

export function approvePayment(sqlite: Sqlite, id: string, now: string, by: string, serial: string): void {
  sqlite
    .prepare(
      "UPDATE aid_payments SET status = 'approved', approved_by = ?, approved_at = ?, voucher_serial = ?, updated_at = ? WHERE id = ?",
    )
    .run(by, now, serial, now, id);
}

export function markPaymentPaid(sqlite: Sqlite, id: string, now: string, by: string, paidOn: string): void {
  sqlite.prepare("UPDATE aid_payments SET status = 'paid', paid_on = ?, paid_by = ?, updated_at = ? WHERE id = ?").run(paidOn, by, now, id);
}

export function voidPayment(sqlite: Sqlite, id: string, now: string, by: string, reason: string): void {
  sqlite
    .prepare("UPDATE aid_payments SET status = 'voided', voided_by = ?, voided_at = ?, void_reason = ?, updated_at = ? WHERE id = ?")
    .run(by, now, reason, now, id);
}

/** A file's household row, for 助学: the student and the school stage the clerk recorded. */
export function householdMember(
  sqlite: Sqlite,
  fileId: string,
  memberId: string,
): { name: string; schoolStage: SchoolStage | null } | undefined {
  return sqlite
    .prepare(
      `SELECT name, json_extract(details, '$.schoolStage') AS schoolStage FROM file_household
       WHERE id = ? AND file_id = ? AND deleted_at IS NULL`,
    )
    .get(memberId, fileId) as { name: string; schoolStage: SchoolStage | null } | undefined;
}

interface ItemDbRow extends Omit<PaymentItem, 'recipientIdMasked' | 'accountMasked' | 'fileAccountMasked'> {
  recipientIdNumber: string;
  account: string | null;
}

/** **** 1234: the last four digits tell the clerk which card, the rest stays on file (as files.get shows it). */
export const maskAccount = (account: string | null): string | null => (account ? `**** ${account.slice(-4)}` : null);

/**
 * The contract's rows for these payments, in the order of `ids`: names of users, program, batch and student
 * resolved, the ID number and the account masked. Read by primary key, so a page of the list costs its size.
 */
export function paymentItems(sqlite: Sqlite, ids: readonly string[]): PaymentItem[] {
  if (ids.length === 0) return [];
  const rows = sqlite
    .prepare(
      `SELECT p.id, p.program_id AS programId, pr.name AS programName, p.batch_id AS batchId, b.name AS batchName, p.file_id AS fileId,
         f.file_no AS fileNo, p.type, p.year, p.recipient_name AS recipientName, p.recipient_id_number AS recipientIdNumber,
         p.recipient_unit AS recipientUnit, h.name AS studentName, p.school_stage AS schoolStage, p.amount_fen AS amountFen,
         p.suggested_fen AS suggestedFen, p.adjust_reason AS adjustReason, p.method,
         json_extract(f.draft, '$.bankAccount') AS account, p.status,
         ue.display_name AS enteredBy, p.entered_by AS enteredById, p.entered_at AS enteredAt, ua.display_name AS approvedBy, p.approved_at AS approvedAt,
         p.voucher_serial AS voucherSerial, p.paid_on AS paidOn, up.display_name AS paidBy, uv.display_name AS voidedBy, p.voided_at AS voidedAt,
         p.void_reason AS voidReason, p.reissue_of AS reissueOf,
         (SELECT r.id FROM aid_payments r WHERE r.reissue_of = p.id AND r.deleted_at IS NULL LIMIT 1) AS reissuedBy,
         p.over_budget_reason AS overBudgetReason, p.print_count AS printCount, p.note
       FROM aid_payments p
       JOIN aid_programs pr ON pr.id = p.program_id
       LEFT JOIN aid_batches b ON b.id = p.batch_id
       LEFT JOIN hardship_files f ON f.id = p.file_id
       LEFT JOIN file_household h ON h.id = p.student_id
       LEFT JOIN users ue ON ue.id = p.entered_by
       LEFT JOIN users ua ON ua.id = p.approved_by
       LEFT JOIN users up ON up.id = p.paid_by
       LEFT JOIN users uv ON uv.id = p.voided_by
       WHERE p.id IN (SELECT value FROM json_each(?))`,
    )
    .all(JSON.stringify(ids)) as ItemDbRow[];
  const byId = new Map(
    rows.map(({ recipientIdNumber, account, ...row }) => [
      row.id,
      {
        ...row,
        recipientIdMasked: maskedIdView(recipientIdNumber).idNumberMasked,
        accountMasked: row.method === 'bank' ? maskAccount(account) : null,
        fileAccountMasked: maskAccount(account),
      },
    ]),
  );
  return ids.flatMap((id) => byId.get(id) ?? []);
}
