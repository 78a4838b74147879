import { v7 as uuidv7 } from 'uuid';
import type { AidType, FundSource } from '@shared/domain/aid';
import type { Sqlite } from '../../../src/main/core/db/client';

/**
 * Aid rows for the reports' tests, written straight into the tables in the states the aid service leaves them in
 * (features/aid payments.service: paid → status 'paid' with paid_on; voided → status 'voided' keeping paid_on, with
 * voided_at; a reissue names the voided payment). The lifecycle that makes them is tested in aid-payments.test.ts.
 */

export function addProgram(sqlite: Sqlite, type: AidType, fundSource: FundSource, name: string, year = 2026): string {
  const id = uuidv7();
  const origin = sqlite.prepare('SELECT id FROM org').pluck().get() as string;
  sqlite
    .prepare(
      `INSERT INTO aid_programs (id, origin, updated_at, type, name, year, fund_source, budget_fen, status, standard, created_by, created_at)
       VALUES (?, ?, '2026-01-05T01:00:00.000Z', ?, ?, ?, ?, NULL, 'open', '{}', 'test', '2026-01-05T01:00:00.000Z')`,
    )
    .run(id, origin, type, name, year, fundSource);
  return id;
}

export interface PaymentSeed {
  program: string;
  /** The household's file; none: the emergency route (idNumber then names the worker). */
  fileId?: string | null;
  idNumber?: string;
  amountFen: number;
  status: 'pending' | 'approved' | 'paid' | 'voided';
  paidOn?: string | null;
  /** Stored instant (ISO, UTC) of the void. */
  voidedAt?: string | null;
  reissueOf?: string | null;
  studentId?: string | null;
  schoolStage?: string | null;
  /** Stored instant (ISO, UTC) it was entered at; 2026-01-06 by default. */
  enteredAt?: string;
}

export function addPayment(sqlite: Sqlite, seed: PaymentSeed): string {
  const id = uuidv7();
  const origin = sqlite.prepare('SELECT id FROM org').pluck().get() as string;
  const program = sqlite.prepare('SELECT type, year FROM aid_programs WHERE id = ?').get(seed.program) as { type: string; year: number };
  sqlite
    .prepare(
      `INSERT INTO aid_payments (id, origin, updated_at, program_id, file_id, year, type, recipient_name, recipient_id_number,
         student_id, school_stage, amount_fen, suggested_fen, basis, method, status, entered_by, entered_at, approved_by, approved_at,
         paid_on, paid_by, voided_by, voided_at, void_reason, reissue_of)
       VALUES (@id, @origin, '2026-01-06T01:00:00.000Z', @program, @fileId, @year, @type, '测试领款人', @idNumber,
         @studentId, @schoolStage, @amountFen, @amountFen, '{}', 'cash', @status, 'clerk', @enteredAt,
         CASE WHEN @status <> 'pending' THEN 'reviewer' END, CASE WHEN @status <> 'pending' THEN '2026-01-06T02:00:00.000Z' END,
         @paidOn, CASE WHEN @paidOn IS NOT NULL THEN 'clerk' END, CASE WHEN @voidedAt IS NOT NULL THEN 'reviewer' END, @voidedAt,
         CASE WHEN @voidedAt IS NOT NULL THEN '录入错误' END, @reissueOf)`,
    )
    .run({
      id,
      origin,
      program: seed.program,
      fileId: seed.fileId ?? null,
      year: program.year,
      type: program.type,
      idNumber: seed.idNumber ?? '110105197001010018',
      studentId: seed.studentId ?? null,
      schoolStage: seed.schoolStage ?? null,
      amountFen: seed.amountFen,
      status: seed.status,
      paidOn: seed.paidOn ?? null,
      voidedAt: seed.voidedAt ?? null,
      reissueOf: seed.reissueOf ?? null,
      enteredAt: seed.enteredAt ?? '2026-01-06T01:00:00.000Z',
    });
  return id;
}
