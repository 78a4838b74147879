import { v7 as uuidv7 } from 'uuid';
import type { ChannelOutput, ParsedInput } from '@shared/contract';
import type { AidSuggestion, BatchRow } from '@shared/contract/aid-types';
import { maskedIdView } from '@shared/domain/id-number';
import { AppError } from '@shared/errors';
import { localDate } from '../../clock';
import type { CallContext } from '../../context';
import { readOrg } from '../org/org.repo';
import { paymentInserter, readProgram } from './aid.repo';
import type { Candidate } from './batch-candidates';
import { insertBatch } from './batches.repo';
import { planBatch, rowKey, type PlannedRow } from './batch-plan';

/**
 * 批量发放 (docs/domain.md "Aid"): a program → every eligible file of the filters with its suggested amount → the
 * clerk excludes or lowers some, each with a reason → every payment created in one transaction, or none.
 */

const accountMasked = (account: string | null) => (account ? `**** ${account.slice(-4)}` : null);

function programOf(ctx: CallContext, id: string) {
  const program = readProgram(ctx.sqlite, id);
  if (!program) throw new AppError('NOT_FOUND', { record: 'aidProgram' });
  return program;
}

function batchRow({ file, student }: Candidate, suggestion: AidSuggestion): BatchRow {
  return {
    fileId: file.id,
    fileNo: file.fileNo,
    headName: file.headName,
    headIdMasked: maskedIdView(file.headIdNumber).idNumberMasked,
    unit: file.unitName,
    category: file.category,
    studentId: student?.id ?? null,
    studentName: student?.name ?? null,
    schoolStage: student?.schoolStage ?? null,
    suggestion,
    accountMasked: accountMasked(file.bankAccount),
    paidInProgramFen: paidInProgram(suggestion),
  };
}

/**
 * What the row's household (student) received from the program before this row: the standard's cap line counts it
 * (suggestion.ts usedAmounts). The standard is per program and year, so a second batch only tops such rows up.
 */
export function paidInProgram(suggestion: AidSuggestion): number {
  return suggestion.lines.find((line) => line.cap === 'standard')?.usedFen ?? 0;
}

/**
 * The batch as it would be made now: every row with its suggestion, each eligible one paying its whole entitlement
 * (the standard held to the year's caps), as createBatch pays it. The budget is the batch's, not a row's: a batch
 * past it shows its total above the budget left, and the clerk excludes rows (or an administrator gives a reason),
 * rather than the last rows being cut short or dropped without a word.
 */
export function previewBatch(ctx: CallContext, input: ParsedInput<'aid.batchPreview'>): ChannelOutput<'aid.batchPreview'> {
  const program = programOf(ctx, input.programId);
  const plan = planBatch(ctx.sqlite, program, input.filters, localDate(ctx.clock), (_, s) => (s.eligible ? s.maxFen : null));
  const budgetLeftFen = program.budgetFen === null ? null : Math.max(0, program.budgetFen - program.usage.committedFen);
  return {
    rows: plan.map((row) => batchRow(row.candidate, row.suggestion)),
    totalFen: plan.reduce((sum, row) => sum + (row.amountFen ?? 0), 0),
    budgetLeftFen,
    // Rows the budget left does not cover in full: only an administrator may create the batch then, with a reason.
    overBudgetRows: plan.filter((row) => row.suggestion.eligible && row.suggestion.overBudget).length,
    toppedUpRows: plan.filter((row) => row.amountFen && paidInProgram(row.suggestion) > 0).length,
  };
}

/**
 * Creates the batch and all its payments (待审核) in one write transaction, judged again inside it: the screen's
 * rows and amounts are never trusted, only its exclusions and adjustments, which name a file (and a student).
 * Refused whole, with nothing written, when an adjustment is above what the caps allow (AID_OVER_CAP), a bank batch
 * has files without an account (AID_NO_BANK_ACCOUNT: the clerk excludes them or pays in cash), or the batch goes past
 * the program's budget without an administrator's reason (AID_OVER_BUDGET).
 */
export function createBatch(ctx: CallContext, input: ParsedInput<'aid.createBatch'>): ChannelOutput<'aid.createBatch'> {
  const excluded = new Map(input.excluded.map((e) => [rowKey(e.fileId, e.studentId), e.reason]));
  const adjusted = new Map(input.adjusted.map((a) => [rowKey(a.fileId, a.studentId), a]));
  const adminOverBudget = ctx.user?.role === 'admin' && input.overBudgetReason !== null;
  return ctx.write(() => {
    const program = programOf(ctx, input.programId);
    if (program.status !== 'open') throw new AppError('AID_PROGRAM_CLOSED');
    if ((program.type === 'employment') !== (input.method === 'service')) {
      throw new AppError('INVALID_INPUT', undefined, [{ path: ['method'], message: 'method does not fit the program type' }]);
    }
    const today = localDate(ctx.clock);
    const problems = { overCap: 0, notEligible: 0, overBudget: 0 };
    const seen = new Set<string>();
    const plan = planBatch(ctx.sqlite, program, input.filters, today, ({ file, student }, s) => {
      const key = rowKey(file.id, student?.id ?? null);
      if (seen.has(key)) throw new AppError('AID_DUPLICATE_IN_BATCH');
      seen.add(key);
      if (excluded.has(key)) return null;
      const adjustment = adjusted.get(key);
      if (!s.eligible) {
        if (adjustment) problems.notEligible++;
        return null;
      }
      // Without an adjustment a row pays its whole entitlement: past the budget only an administrator may go.
      const amount = adjustment ? adjustment.amountFen : s.maxFen;
      if (amount > s.maxFen) problems.overCap++;
      if (s.overBudget && amount > s.suggestedFen) problems.overBudget++;
      return amount;
    });
    // An adjustment for a file the filters do not select (not 在档 any more, another unit) pays nobody: refused.
    problems.notEligible += [...adjusted.keys()].filter((key) => !seen.has(key)).length;
    if (problems.overCap > 0) throw new AppError('AID_OVER_CAP', { count: problems.overCap });
    if (problems.notEligible > 0) throw new AppError('AID_NOT_ELIGIBLE', { count: problems.notEligible });
    const paying = plan.filter((row): row is PlannedRow & { amountFen: number } => row.amountFen !== null);
    if (paying.length === 0) throw new AppError('AID_NOT_ELIGIBLE', { count: 0 });
    for (const a of input.adjusted) {
      if (a.amountFen === 0 && program.type !== 'employment') {
        throw new AppError('INVALID_INPUT', undefined, [{ path: ['adjusted'], message: 'exclude the row instead of paying 0' }]);
      }
    }
    if (input.method === 'bank') {
      const missing = paying.filter((row) => !row.candidate.file.bankAccount).length;
      if (missing > 0) throw new AppError('AID_NO_BANK_ACCOUNT', { count: missing });
    }
    if (problems.overBudget > 0 && !adminOverBudget) throw new AppError('AID_OVER_BUDGET', { count: problems.overBudget });

    const batchId = uuidv7();
    const now = ctx.now();
    const origin = readOrg(ctx.db)!.id;
    const excludedRows = plan.filter((row) => excluded.has(rowKey(row.candidate.file.id, row.candidate.student?.id ?? null)));
    insertBatch(ctx.sqlite, {
      id: batchId,
      origin,
      now,
      programId: program.id,
      name: input.name,
      method: input.method,
      // The exclusions and their reasons are kept with the filters: the record of who was left out, and why.
      filters: JSON.stringify({
        ...input.filters,
        excluded: excludedRows.map(({ candidate }) => ({
          fileId: candidate.file.id,
          studentId: candidate.student?.id ?? null,
          reason: excluded.get(rowKey(candidate.file.id, candidate.student?.id ?? null)),
        })),
      }),
      createdBy: ctx.user!.id,
    });
    const insert = paymentInserter(ctx.sqlite);
    let totalFen = 0;
    let adjustedCount = 0;
    for (const { candidate, suggestion, amountFen } of paying) {
      const { file, student } = candidate;
      const adjustment = adjusted.get(rowKey(file.id, student?.id ?? null));
      const lowered = adjustment !== undefined && amountFen < suggestion.maxFen;
      if (lowered) adjustedCount++;
      totalFen += amountFen;
      insert({
        id: uuidv7(),
        origin,
        now,
        programId: program.id,
        batchId,
        fileId: file.id,
        year: program.year,
        type: program.type,
        recipientName: file.headName,
        recipientIdNumber: file.headIdNumber,
        recipientUnit: file.unitName,
        studentId: student?.id ?? null,
        schoolStage: student?.schoolStage ?? null,
        amountFen,
        suggestedFen: suggestion.maxFen,
        adjustReason: lowered ? adjustment.reason : null,
        basis: JSON.stringify(suggestion),
        method: input.method,
        overBudgetReason: suggestion.overBudget && amountFen > suggestion.suggestedFen ? input.overBudgetReason : null,
        note: null,
        enteredBy: ctx.user!.id,
        reissueOf: null,
      });
    }
    ctx.audit({
      recordType: 'aidBatch',
      recordId: batchId,
      event: 'aid.batchCreated',
      params: { type: program.type, count: paying.length, excluded: excludedRows.length, adjusted: adjustedCount },
    });
    if (problems.overBudget > 0)
      ctx.audit({ recordType: 'aidBatch', recordId: batchId, event: 'aid.overBudget', params: { type: program.type } });
    return { batchId, count: paying.length, totalFen };
  });
}
