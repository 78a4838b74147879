import { v7 as uuidv7 } from 'uuid';
import type { ChannelOutput, ParsedInput } from '@shared/contract';
import { aidSuggestion, type AidSuggestion, type PaymentItem, type ProgramItem } from '@shared/contract/aid-types';
import { loweringNeedsReason, type PaymentMethod } from '@shared/domain/aid';
import { checkIdNumber } from '@shared/domain/id-number';
import { roleAllows } from '@shared/roles';
import { AppError } from '@shared/errors';
import { localDate } from '../../clock';
import type { CallContext } from '../../context';
import { refuseBadPastDates } from '../../date-rules';
import { readOrg } from '../org/org.repo';
import {
  approvePayment,
  committedOf,
  markPaymentPaid,
  paymentInserter,
  paymentItems,
  paymentsFor,
  readPayment,
  readProgram,
  reissueOfPayment,
  voidPayment,
  type PaymentRow,
} from './aid.repo';
import { ownEntryParams } from './four-eyes';
import { earlierNameDiffers } from './recipient-check';
import { formatSerial, takeSerials } from './serials';
import { evaluate, type SuggestEnv, type SuggestTarget } from './suggestion';

/**
 * One payment at a time (docs/domain.md "Aid"): entered by a clerk against the program's standard and caps,
 * approved by a reviewer who did not enter it (the voucher's serial is given then), paid, or voided with a reason
 * and reissued once. Every rule is checked again inside the write transaction: the screen's numbers are a preview.
 */

export interface NewPayment {
  program: ProgramItem;
  target: SuggestTarget;
  emergency: { name: string; idNumber: string; unit: string | null } | null;
  amountFen: number;
  adjustReason: string | null;
  method: PaymentMethod;
  overBudgetReason: string | null;
  note: string | null;
  batchId: string | null;
  reissueOf: string | null;
  /** A batch's SuggestEnv (suggestion.ts), read once for all its rows; the caller adds each amount to its committedFen. */
  env?: SuggestEnv;
}

const invalid = (field: string, message: string): never => {
  throw new AppError('INVALID_INPUT', undefined, [{ path: [field], message }]);
};

function programOr404(ctx: CallContext, id: string): ProgramItem {
  const program = readProgram(ctx.sqlite, id);
  if (!program) throw new AppError('NOT_FOUND', { record: 'aidProgram' });
  return program;
}

/** Refuses what the suggestion does not allow; the error names the reason or the most that may be paid. */
function refuseAgainst(suggestion: AidSuggestion, amountFen: number): void {
  if (!suggestion.eligible) {
    if (suggestion.reason === 'programClosed') throw new AppError('AID_PROGRAM_CLOSED');
    if (suggestion.reason === 'capReached') throw new AppError('AID_OVER_CAP', { maxFen: 0 });
    throw new AppError('AID_NOT_ELIGIBLE', { reason: suggestion.reason ?? 'fileNotActive' });
  }
  if (amountFen > suggestion.maxFen) throw new AppError('AID_OVER_CAP', { maxFen: suggestion.maxFen });
}

/**
 * Writes one pending payment after checking it against the program, the caps, the budget and the method; must run
 * inside ctx.write. Returns its id. `batchId` lets a batch (and the property tests) use the same checks.
 */
export function insertCheckedPayment(ctx: CallContext, input: NewPayment): { id: string; adjusted: boolean } {
  const { program } = input;
  const today = localDate(ctx.clock);
  const evaluated = evaluate(ctx.sqlite, program, input.target, today, input.env);
  const { suggestion, file, student } = evaluated;
  refuseAgainst(suggestion, input.amountFen);
  const service = program.type === 'employment';
  if (service !== (input.method === 'service')) invalid('method', service ? 'SERVICE_ONLY' : 'SERVICE_NOT_MONEY');
  if (!service && input.amountFen === 0) invalid('amountFen', 'ZERO');
  if (input.amountFen < suggestion.suggestedFen && !input.adjustReason && loweringNeedsReason(suggestion.basis))
    invalid('adjustReason', 'REQUIRED');
  if (input.method === 'bank' && !file?.bankAccount) throw new AppError('AID_NO_BANK_ACCOUNT');
  const budgetFen = program.budgetFen;
  let overBudget = false;
  if (budgetFen !== null && committedOf(ctx.sqlite, program.id) + input.amountFen > budgetFen) {
    const leftFen = Math.max(0, budgetFen - committedOf(ctx.sqlite, program.id));
    if (!roleAllows(ctx.user!.role, 'admin') || !input.overBudgetReason) throw new AppError('AID_OVER_BUDGET', { leftFen });
    overBudget = true;
  }
  if (input.batchId && file) {
    const taken = ctx.sqlite
      .prepare(
        `SELECT 1 FROM aid_payments WHERE batch_id = ? AND file_id = ? AND (CASE WHEN student_id IS NULL THEN '' ELSE student_id END) = ?
           AND status <> 'voided' AND deleted_at IS NULL`,
      )
      .get(input.batchId, file.id, student?.id ?? '');
    if (taken) throw new AppError('AID_DUPLICATE_IN_BATCH');
  }
  const recipient = file
    ? { name: file.headName, idNumber: file.headIdNumber, unit: file.unitName }
    : { name: input.emergency!.name, idNumber: input.emergency!.idNumber, unit: input.emergency!.unit };
  // The emergency route: an ID number registered under another name is paid (the clerk has the worker's card in
  // hand) but kept on the payment for the reviewer, and logged without the names (recipient-check.ts).
  const nameMismatch = !file && earlierNameDiffers(ctx.sqlite, recipient.idNumber, recipient.name);
  const id = uuidv7();
  paymentInserter(ctx.sqlite)({
    id,
    origin: readOrg(ctx.db)!.id,
    now: ctx.now(),
    programId: program.id,
    batchId: input.batchId,
    fileId: file?.id ?? null,
    year: program.year,
    type: program.type,
    recipientName: recipient.name,
    recipientIdNumber: recipient.idNumber,
    recipientUnit: recipient.unit,
    studentId: student?.id ?? null,
    schoolStage: student?.schoolStage ?? null,
    amountFen: input.amountFen,
    suggestedFen: suggestion.suggestedFen,
    adjustReason: input.amountFen < suggestion.suggestedFen ? input.adjustReason : null,
    basis: JSON.stringify({ ...suggestion, baseFen: input.target.baseFen, ...(nameMismatch ? { nameMismatch } : {}) }),
    method: input.method,
    overBudgetReason: overBudget ? input.overBudgetReason : null,
    note: input.note,
    enteredBy: ctx.user!.id,
    reissueOf: input.reissueOf,
  });
  if (overBudget) ctx.audit({ recordType: 'aidPayment', recordId: id, event: 'aid.overBudget', params: { type: program.type } });
  if (nameMismatch) ctx.audit({ recordType: 'aidPayment', recordId: id, event: 'aid.nameMismatch', params: { type: program.type } });
  return { id, adjusted: input.amountFen < suggestion.suggestedFen };
}

export function createPayment(ctx: CallContext, input: ParsedInput<'aid.createPayment'>): ChannelOutput<'aid.createPayment'> {
  let emergency: NewPayment['emergency'] = null;
  if (input.fileId === null) {
    if (!input.emergency) invalid('emergency', 'REQUIRED');
    const checked = checkIdNumber(input.emergency!.idNumber, localDate(ctx.clock));
    if (!checked.ok) throw new AppError('INVALID_ID_NUMBER', { problem: checked.problem });
    emergency = { name: input.emergency!.name, idNumber: checked.id, unit: input.emergency!.unit ?? null };
  }
  const id = ctx.write(() => {
    const program = programOr404(ctx, input.programId);
    const { id, adjusted } = insertCheckedPayment(ctx, {
      program,
      target: { fileId: input.fileId, studentId: input.studentId, baseFen: input.baseFen, idNumber: emergency?.idNumber ?? null },
      emergency,
      amountFen: input.amountFen,
      adjustReason: input.adjustReason,
      method: input.method,
      overBudgetReason: input.overBudgetReason,
      note: input.note,
      batchId: null,
      reissueOf: null,
    });
    ctx.audit({
      recordType: 'aidPayment',
      recordId: id,
      event: 'aid.paymentCreated',
      params: {
        type: program.type,
        method: input.method,
        route: input.fileId === null ? 'emergency' : 'file',
        adjusted: adjusted ? 'yes' : 'no',
      },
    });
    return id;
  });
  return paymentItems(ctx.sqlite, [id])[0]!;
}

/** The payments named, or a batch's in `state`; every id named must exist. Entry order (the serials follow it). */
function selected(ctx: CallContext, ids: string[], batchId: string | undefined, state: PaymentRow['status']): PaymentRow[] {
  const named = paymentsFor(ctx.sqlite, ids, undefined);
  if (named.length !== new Set(ids).size) throw new AppError('NOT_FOUND', { record: 'aidPayment' });
  const ofBatch = batchId ? paymentsFor(ctx.sqlite, [], batchId).filter((p) => p.status === state) : [];
  const seen = new Set<string>();
  const rows = [...named, ...ofBatch]
    .filter((p) => !seen.has(p.id) && seen.add(p.id))
    .sort((a, b) => (a.enteredAt === b.enteredAt ? (a.id < b.id ? -1 : 1) : a.enteredAt < b.enteredAt ? -1 : 1));
  const wrong = rows.filter((p) => p.status !== state).length;
  if (wrong > 0) throw new AppError('AID_WRONG_STATE', { count: wrong, expected: state });
  return rows;
}

export function approve(ctx: CallContext, input: ParsedInput<'aid.approve'>): ChannelOutput<'aid.approve'> {
  return ctx.write(() => {
    const rows = selected(ctx, input.ids, input.batchId, 'pending');
    // The four-eyes rule: all or nothing, so a batch is never half approved by someone who entered part of it.
    const own = rows.filter((p) => p.enteredBy === ctx.user!.id);
    if (own.length > 0) throw new AppError('AID_OWN_ENTRY', ownEntryParams(ctx, own));
    const expected = input.expected;
    if (expected && (rows.length !== expected.count || rows.reduce((sum, p) => sum + p.amountFen, 0) !== expected.amountFen)) {
      throw new AppError('AID_BATCH_CHANGED', { count: rows.length });
    }
    if (rows.length === 0) return { approved: 0, serials: null };
    const year = Number(localDate(ctx.clock).slice(0, 4));
    const first = takeSerials(ctx.sqlite, 'voucher', year, rows.length);
    const now = ctx.now();
    rows.forEach((p, i) => approvePayment(ctx.sqlite, p.id, now, ctx.user!.id, formatSerial('voucher', year, first + i)));
    const serials = { first: formatSerial('voucher', year, first), last: formatSerial('voucher', year, first + rows.length - 1) };
    ctx.audit({
      recordType: input.batchId ? 'aidBatch' : 'aidPayment',
      recordId: input.batchId ?? (rows.length === 1 ? rows[0]!.id : null),
      event: 'aid.paymentsApproved',
      params: { count: rows.length, ...serials },
    });
    return { approved: rows.length, serials };
  });
}

export function markPaid(ctx: CallContext, input: ParsedInput<'aid.markPaid'>): ChannelOutput<'aid.markPaid'> {
  refuseBadPastDates(ctx.clock, [[['paidOn'], input.paidOn]]);
  return ctx.write(() => {
    const rows = selected(ctx, input.ids, input.batchId, 'approved');
    if (rows.length === 0) return { paid: 0 };
    const now = ctx.now();
    for (const p of rows) markPaymentPaid(ctx.sqlite, p.id, now, ctx.user!.id, input.paidOn);
    ctx.audit({
      recordType: input.batchId ? 'aidBatch' : 'aidPayment',
      recordId: input.batchId ?? (rows.length === 1 ? rows[0]!.id : null),
      event: 'aid.paymentsPaid',
      params: { count: rows.length },
    });
    return { paid: rows.length };
  });
}

function paymentOr404(ctx: CallContext, id: string): PaymentRow {
  const row = readPayment(ctx.sqlite, id);
  if (!row) throw new AppError('NOT_FOUND', { record: 'aidPayment' });
  return row;
}

export function voidOne(ctx: CallContext, input: ParsedInput<'aid.void'>): ChannelOutput<'aid.void'> {
  ctx.write(() => {
    const row = paymentOr404(ctx, input.id);
    if (row.status === 'voided') throw new AppError('AID_WRONG_STATE', { count: 1, expected: 'notVoided' });
    voidPayment(ctx.sqlite, row.id, ctx.now(), ctx.user!.id, input.reason);
    ctx.audit({
      recordType: 'aidPayment',
      recordId: row.id,
      event: 'aid.paymentVoided',
      params: { type: row.type, serial: row.voucherSerial ?? '' },
    });
  });
  return { ok: true };
}

export function reissue(ctx: CallContext, input: ParsedInput<'aid.reissue'>): ChannelOutput<'aid.reissue'> {
  const id = ctx.write(() => {
    const voided = paymentOr404(ctx, input.voidedId);
    if (voided.status !== 'voided') throw new AppError('AID_WRONG_STATE', { count: 1, expected: 'voided' });
    if (reissueOfPayment(ctx.sqlite, voided.id)) throw new AppError('AID_WRONG_STATE', { count: 1, expected: 'notReissued' });
    const program = programOr404(ctx, voided.programId);
    const basis = readBasisBase(ctx, voided.id);
    // A reissue corrects a payment of the program: it goes on after the program is closed to new payments.
    const { id } = insertCheckedPayment(ctx, {
      program: { ...program, status: 'open' },
      target: { fileId: voided.fileId, studentId: voided.studentId, baseFen: basis, idNumber: voided.recipientIdNumber },
      emergency: voided.fileId ? null : { name: voided.recipientName, idNumber: voided.recipientIdNumber, unit: voided.recipientUnit },
      amountFen: input.amountFen,
      adjustReason: input.adjustReason,
      method: input.method,
      overBudgetReason: null,
      note: input.note,
      batchId: voided.batchId,
      reissueOf: voided.id,
    });
    ctx.audit({ recordType: 'aidPayment', recordId: voided.id, event: 'aid.paymentReissued', params: { type: voided.type } });
    return id;
  });
  return paymentItems(ctx.sqlite, [id])[0]!;
}

/** The bill or loss the voided payment was computed on (its basis keeps it), for the reissue's check. */
function readBasisBase(ctx: CallContext, id: string): number | null {
  const basis = ctx.sqlite.prepare('SELECT basis FROM aid_payments WHERE id = ?').pluck().get(id) as string;
  const parsed = JSON.parse(basis) as { baseFen?: number | null; basis?: { baseFen?: number } | null };
  return parsed.baseFen ?? parsed.basis?.baseFen ?? null;
}

export function payment(ctx: CallContext, id: string): PaymentItem {
  const item = paymentItems(ctx.sqlite, [id])[0];
  if (!item) throw new AppError('NOT_FOUND', { record: 'aidPayment' });
  return { ...item, ...storedBasis(ctx, id) };
}

/**
 * The suggestion as it was worked out when the payment was entered (its basis), for the payment's page, and whether
 * the name then differed from the one the ID number was registered under.
 */
function storedBasis(ctx: CallContext, id: string): { suggestion: AidSuggestion | null; nameMismatch: boolean } {
  const basis = ctx.sqlite.prepare('SELECT basis FROM aid_payments WHERE id = ?').pluck().get(id) as string;
  const json = JSON.parse(basis) as { nameMismatch?: unknown };
  const parsed = aidSuggestion.safeParse(json);
  return { suggestion: parsed.success ? parsed.data : null, nameMismatch: json.nameMismatch === true };
}
