import type { AidSuggestion, IneligibleReason, ProgramItem } from '@shared/contract/aid-types';
import { capAmount, isRefusal, standardAmount, TYPE_CAP_KEY, type CapLine, type SchoolStage, type StandardBasis } from '@shared/domain/aid';
import type { FileStatus } from '@shared/domain/hardship-lifecycle';
import type { HardshipCategory } from '@shared/domain/means-test';
import { valueInForce } from '@shared/domain/policy';
import type { Sqlite } from '../../db/client';
import { policyValues } from '../policy/policy.repo';
import { committedOf, COUNTED, householdMember } from './aid.repo';

/**
 * What one payment from a program may be (docs/domain.md "Aid"): who may be paid, the standard's amount with its
 * reasons, held to the caps of the year and the program's budget. Read by aid.suggest for the screen, again inside
 * createPayment's write transaction (the screen's number is never trusted), and by the batch preview for thousands
 * of files: per file it costs the file's row, at most one household row and one sum over the index
 * aid_payments_file_year; what is the same for every file (policy, budget used) comes once in a SuggestEnv.
 */

/** The statuses a household can be paid in: 在档, and 复核 while the annual review runs. */
export const PAYABLE_STATUSES: readonly FileStatus[] = ['active', 'annualReview'];

export type SuggestProgram = Pick<ProgramItem, 'id' | 'type' | 'year' | 'status' | 'standard' | 'budgetFen'>;

export interface SuggestTarget {
  fileId: string | null;
  /** 助学: the student's file_household id in the parent's file. */
  studentId: string | null;
  /** 医疗: the self-paid part of the bill; 意外: the loss. */
  baseFen: number | null;
  /** The emergency route (no file): the worker's ID number, whose earlier payments the caps count. */
  idNumber?: string | null;
  /**
   * What a batch has already read for all its files at once (aid/batch-candidates.ts): given, nothing is read per
   * file here (10,000 files judged in one pass, not 30,000 queries). `used` includes what the batch's earlier rows
   * took for the same household.
   */
  known?: { file: PayableFile | null; student: Evaluation['student']; used: { inProgram: number; ofType: number; total: number } };
}

/** What is the same for every file of one program on one day. A batch keeps one and adds what it commits. */
export interface SuggestEnv {
  lowLineFen: number | null;
  totalCapFen: number | null;
  typeCapFen: number | null;
  /** The program's payments not voided (its budget's used part). */
  committedFen: number;
}

export function suggestEnv(sqlite: Sqlite, program: SuggestProgram, today: string): SuggestEnv {
  const values = policyValues(sqlite);
  const regionCode = sqlite.prepare('SELECT region_code FROM org LIMIT 1').pluck().get() as string | undefined;
  return {
    lowLineFen: valueInForce(values, 'lowIncomeLine', today, regionCode ?? null),
    totalCapFen: valueInForce(values, 'aidYearCapTotal', today),
    typeCapFen: program.type === 'employment' ? null : valueInForce(values, TYPE_CAP_KEY[program.type], today),
    committedFen: committedOf(sqlite, program.id),
  };
}

/** The file as the suggestion reads it (and createPayment pays its head). */
export interface PayableFile {
  id: string;
  status: FileStatus;
  category: HardshipCategory | null;
  headName: string;
  headIdNumber: string;
  unitName: string | null;
  bankAccount: string | null;
  bankName: string | null;
}

export interface Evaluation {
  suggestion: AidSuggestion;
  file: PayableFile | null;
  student: { id: string; name: string; schoolStage: SchoolStage } | null;
}

const refuse = (reason: IneligibleReason, lines: CapLine[] = []): AidSuggestion => ({
  eligible: false,
  reason,
  basis: null,
  lines,
  maxFen: 0,
  suggestedFen: 0,
  limitedBy: null,
  overBudget: false,
});

export function readPayableFile(sqlite: Sqlite, fileId: string): PayableFile | undefined {
  return sqlite
    .prepare(
      `SELECT f.id, f.status, f.category, f.head_name AS headName, f.head_id_number AS headIdNumber,
         (SELECT u.name FROM members m JOIN units u ON u.ref = m.unit_ref WHERE m.id = unhex(replace(f.member_id, '-', ''))) AS unitName,
         json_extract(f.draft, '$.bankAccount') AS bankAccount, json_extract(f.draft, '$.bankName') AS bankName
       FROM hardship_files f WHERE f.id = ? AND f.deleted_at IS NULL`,
    )
    .get(fileId) as PayableFile | undefined;
}

/**
 * The file (在档 or in 复核) whose household the ID number is the head or a member of, if any: the dialog names it
 * and links to it, since that is where the worker is paid (its file number is not personal data).
 */
function inPayableFile(sqlite: Sqlite, idNumber: string): { id: string; fileNo: string | null } | undefined {
  const statuses = PAYABLE_STATUSES.map((s) => `'${s}'`).join(', ');
  return sqlite
    .prepare(
      `SELECT id, file_no AS fileNo FROM hardship_files WHERE head_id_number = @id AND deleted_at IS NULL AND status IN (${statuses})
       UNION ALL SELECT f.id, f.file_no AS fileNo FROM file_household h JOIN hardship_files f ON f.id = h.file_id
         WHERE h.id_number = @id AND h.deleted_at IS NULL AND f.deleted_at IS NULL AND f.status IN (${statuses}) LIMIT 1`,
    )
    .get({ id: idNumber }) as { id: string; fileNo: string | null } | undefined;
}

/** What was already received, not voided, in the program's year: from this program (this student), of its type, of all. */
function usedAmounts(sqlite: Sqlite, program: SuggestProgram, target: SuggestTarget) {
  const where = target.fileId !== null ? 'file_id = @fileId' : 'recipient_id_number = @idNumber AND file_id IS NULL';
  return sqlite
    .prepare(
      `SELECT coalesce(sum(CASE WHEN program_id = @programId AND (@studentId IS NULL OR student_id = @studentId) THEN amount_fen END), 0) AS inProgram,
         coalesce(sum(CASE WHEN type = @type THEN amount_fen END), 0) AS ofType,
         coalesce(sum(amount_fen), 0) AS total
       FROM aid_payments WHERE ${where} AND year = @year AND ${COUNTED}`,
    )
    .get({
      fileId: target.fileId,
      idNumber: target.idNumber ?? '',
      programId: program.id,
      studentId: program.type === 'education' ? target.studentId : null,
      type: program.type,
      year: program.year,
    }) as { inProgram: number; ofType: number; total: number };
}

/** The suggestion with the file and student it was made for (createPayment pays them). */
export function evaluate(sqlite: Sqlite, program: SuggestProgram, target: SuggestTarget, today: string, env?: SuggestEnv): Evaluation {
  const none = { file: null, student: null };
  if (program.status !== 'open') return { suggestion: refuse('programClosed'), ...none };
  const emergencyRoute = program.type === 'emergency';
  let file: PayableFile | null = null;
  if (target.fileId === null) {
    if (!emergencyRoute) return { suggestion: refuse('fileNotActive'), ...none };
    // A worker whose household is on file is paid through the file, where the household's yearly caps apply.
    const onFile = target.idNumber ? inPayableFile(sqlite, target.idNumber) : undefined;
    if (onFile) return { suggestion: { ...refuse('hasActiveFile'), activeFile: onFile }, ...none };
  } else {
    file = target.known ? target.known.file : (readPayableFile(sqlite, target.fileId) ?? null);
    if (!file || (!emergencyRoute && !PAYABLE_STATUSES.includes(file.status))) return { suggestion: refuse('fileNotActive'), ...none };
  }
  let student: Evaluation['student'] = null;
  if (program.type === 'education') {
    const member = target.known
      ? target.known.student
      : file && target.studentId
        ? householdMember(sqlite, file.id, target.studentId)
        : undefined;
    if (!member?.schoolStage) return { suggestion: refuse('notAStudent'), file, student };
    student = { id: target.studentId!, name: member.name, schoolStage: member.schoolStage };
  }
  const facts = env ?? suggestEnv(sqlite, program, today);
  const standard = standardAmount(program.standard, {
    category: file?.category ?? null,
    lowLineFen: facts.lowLineFen,
    baseFen: target.baseFen,
    schoolStage: student?.schoolStage ?? null,
  });
  if (isRefusal(standard)) return { suggestion: refuse(standard.refused), file, student };
  if (standard.rule === 'service') {
    // 就业帮扶 records a service: no money, so no cap and no budget applies.
    const suggestion = {
      eligible: true,
      reason: null,
      basis: standard,
      lines: [],
      maxFen: 0,
      suggestedFen: 0,
      limitedBy: null,
      overBudget: false,
    };
    return { suggestion, file, student };
  }
  const used = target.known?.used ?? usedAmounts(sqlite, program, { ...target, studentId: student?.id ?? null });
  const capped = capAmount({
    standardFen: standard.amountFen,
    usedInProgramFen: used.inProgram,
    typeYear: { type: program.type, limitFen: facts.typeCapFen, usedFen: used.ofType },
    totalYear: { limitFen: facts.totalCapFen, usedFen: used.total },
    budget: { limitFen: program.budgetFen, usedFen: facts.committedFen },
  });
  const basis: StandardBasis = standard;
  if (capped.maxFen === 0)
    return { suggestion: { ...refuse('capReached', capped.lines), basis, limitedBy: capped.limitedBy }, file, student };
  return { suggestion: { eligible: true, reason: null, basis, ...capped }, file, student };
}

/**
 * The suggestion for one payment (contract AidSuggestion). `env` is optional: without it the policy and the
 * program's budget used are read here; a batch passes one (suggestEnv) and adds each payment's amount to
 * env.committedFen as it goes.
 */
export function suggestFor(sqlite: Sqlite, program: SuggestProgram, target: SuggestTarget, today: string, env?: SuggestEnv): AidSuggestion {
  return evaluate(sqlite, program, target, today, env).suggestion;
}
