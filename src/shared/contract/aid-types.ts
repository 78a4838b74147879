import { z } from 'zod';
import { AID_TYPES, FUND_SOURCES, PAYMENT_METHODS, PAYMENT_STATUSES, PROGRAM_STATUSES, type AidStandard } from '../domain/aid';
import { SCHOOL_STAGES } from '../domain/hardship-codes';
import { HARDSHIP_CATEGORIES } from '../domain/means-test';
import { isoDate, isoInstant, trimmedText, uuid } from './define';

/** The shapes of aid (docs/domain.md "Aid") that the channels in aid.ts take and give. Money is integer fen. */

export const aidType = z.enum(AID_TYPES);
export const fundSource = z.enum(FUND_SOURCES);
export const paymentStatus = z.enum(PAYMENT_STATUSES);
export const paymentMethod = z.enum(PAYMENT_METHODS);
export const programStatus = z.enum(PROGRAM_STATUSES);
export const hardshipCategory = z.enum(HARDSHIP_CATEGORIES);
export const schoolStage = z.enum(SCHOOL_STAGES);

/** Up to ¥1,000,000 in one payment or one standard: more is a typing mistake (yuan for fen, a digit too many). */
export const MAX_PAYMENT_FEN = 100_000_000;
export const fen = z.number().int().min(0).max(MAX_PAYMENT_FEN);
/** A program's budget may be large (a city's festival batch): up to ¥10 亿. */
export const budgetFen = z.number().int().min(0).max(100_000_000_000);
const percent = z.number().min(0.01).max(100);
const months = z.number().int().min(1).max(24);
const byCategory = <T extends z.ZodType>(value: T) => z.partialRecord(hardshipCategory, value);

export const aidStandard = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('fixed'), amountFen: fen, byCategory: byCategory(fen).default({}) }),
  z.object({ kind: z.literal('lowLineMonths'), monthsByCategory: byCategory(months) }),
  z.object({ kind: z.literal('billShare'), byCategory: byCategory(z.object({ percent, capFen: fen })) }),
  z.object({ kind: z.literal('perStudent'), byStage: z.partialRecord(schoolStage, fen) }),
  z.object({ kind: z.literal('lossShare'), percent, capFen: fen }),
  z.object({ kind: z.literal('emergency'), capFen: fen }),
  z.object({ kind: z.literal('service') }),
]) satisfies z.ZodType<AidStandard, unknown>;

export const programInput = z.object({
  type: aidType,
  name: z.string().trim().min(2).max(60),
  year: z.number().int().min(2000).max(2100),
  fundSource,
  budgetFen: budgetFen.nullable(),
  standard: aidStandard,
  note: trimmedText(200).nullable().default(null),
});

/** What the program has used: every payment not voided counts against the budget. */
export const programUsage = z.object({
  payments: z.number().int(),
  pendingFen: z.number().int(),
  approvedFen: z.number().int(),
  paidFen: z.number().int(),
  /** pending + approved + paid: what the budget has committed. */
  committedFen: z.number().int(),
});

export const programItem = programInput.extend({
  id: uuid,
  status: programStatus,
  createdBy: z.string().nullable(),
  createdAt: isoInstant,
  usage: programUsage,
});
export type ProgramItem = z.infer<typeof programItem>;

/** Coded explanation lines (shared/domain/aid.ts StandardBasis and CapLine), worded by the renderer. */
export const standardBasis = z.record(z.string(), z.unknown()).and(z.object({ rule: z.string(), amountFen: z.number().int() }));
export const capLine = z.object({
  cap: z.enum(['standard', 'typeYear', 'totalYear', 'budget']),
  type: aidType.optional(),
  limitFen: z.number().int(),
  usedFen: z.number().int(),
  leftFen: z.number().int(),
});

/** Why a household cannot be paid from a program now (coded; the renderer words it). */
export const ineligibleReason = z.enum([
  'programClosed',
  'fileNotActive', // not 在档 nor in 复核 (the emergency route aside)
  'hasActiveFile', // the emergency route for a worker of a household on file (在档 or 复核): pay through the file
  'alreadyInBatch',
  'noCategory',
  'categoryNotCovered',
  'noLowLine',
  'noBase',
  'stageNotCovered',
  'notAStudent',
  'capReached',
]);
export type IneligibleReason = z.infer<typeof ineligibleReason>;

/** The suggestion for one payment: the standard's amount with its reasons, held to every cap. */
export const aidSuggestion = z.object({
  eligible: z.boolean(),
  reason: ineligibleReason.nullable(),
  basis: standardBasis.nullable(),
  lines: z.array(capLine),
  maxFen: z.number().int(),
  suggestedFen: z.number().int(),
  limitedBy: z.enum(['standard', 'typeYear', 'totalYear', 'budget']).nullable(),
  overBudget: z.boolean(),
  /** With `hasActiveFile`: the household's file, where the worker is paid (id and file number, no personal data). */
  activeFile: z.object({ id: z.string(), fileNo: z.string().nullable() }).optional(),
});
export type AidSuggestion = z.infer<typeof aidSuggestion>;

/** A worker without a file, on the emergency route (临时救助): typed in, personal data. */
export const emergencyRecipient = z.object({
  name: z.string().trim().min(1).max(30),
  idNumber: z.string().trim().min(15).max(20),
  unit: trimmedText(60).nullable().default(null),
});

export const paymentItem = z.object({
  id: uuid,
  programId: uuid,
  programName: z.string(),
  batchId: uuid.nullable(),
  batchName: z.string().nullable(),
  fileId: uuid.nullable(),
  fileNo: z.string().nullable(),
  type: aidType,
  year: z.number().int(),
  recipientName: z.string(),
  /** Masked (maskedIdView): never the whole number on a list. */
  recipientIdMasked: z.string(),
  recipientUnit: z.string().nullable(),
  studentName: z.string().nullable(),
  schoolStage: schoolStage.nullable(),
  amountFen: z.number().int(),
  suggestedFen: z.number().int(),
  adjustReason: z.string().nullable(),
  method: paymentMethod,
  /** The file's account, masked, for a bank payment. */
  accountMasked: z.string().nullable(),
  /**
   * The file's account as it is on file now, masked, whatever the method (null without a file or an account): a
   * reissue of a cash payment may go by bank only when there is one.
   */
  fileAccountMasked: z.string().nullable(),
  status: paymentStatus,
  enteredBy: z.string().nullable(),
  /** The user who entered it (their id, not a name): the reviewer's screen tells their own rows apart (four eyes). */
  enteredById: z.string(),
  enteredAt: isoInstant,
  approvedBy: z.string().nullable(),
  approvedAt: isoInstant.nullable(),
  voucherSerial: z.string().nullable(),
  paidOn: isoDate.nullable(),
  /** Who marked it paid (登记已发放, or from the bank's return list). */
  paidBy: z.string().nullable(),
  voidedBy: z.string().nullable(),
  voidedAt: isoInstant.nullable(),
  voidReason: z.string().nullable(),
  reissueOf: uuid.nullable(),
  /** The payment that reissued this voided one, if any. */
  reissuedBy: uuid.nullable(),
  overBudgetReason: z.string().nullable(),
  printCount: z.number().int(),
  note: z.string().nullable(),
  /**
   * The suggestion as it stood when the payment was entered (the stored basis, shown again on the payment's page,
   * never recomputed). Optional: lists may leave it out.
   */
  suggestion: aidSuggestion.nullable().optional(),
  /**
   * The emergency route: when it was entered, the ID number had been registered under another name (a warning the
   * clerk saw; the reviewer sees it too). Only on the payment's own page.
   */
  nameMismatch: z.boolean().optional(),
});
export type PaymentItem = z.infer<typeof paymentItem>;

export const paymentFilters = z.object({
  programId: uuid.optional(),
  batchId: uuid.optional(),
  fileId: uuid.optional(),
  type: aidType.optional(),
  status: paymentStatus.optional(),
  unitId: uuid.optional(),
  /** Entered on or after / on or before (local dates). */
  from: isoDate.optional(),
  to: isoDate.optional(),
});
export type PaymentFilters = z.infer<typeof paymentFilters>;

/** A batch's filters: which 在档 files it draws from. */
export const batchFilters = z.object({
  categories: z.array(hardshipCategory).default([]),
  unitIds: z.array(uuid).default([]),
  /** active 在档 and/or reviewing 复核 (both by default). */
  statuses: z.array(z.enum(['active', 'review'])).default([]),
});

export const batchRow = z.object({
  fileId: uuid,
  fileNo: z.string().nullable(),
  headName: z.string(),
  headIdMasked: z.string(),
  unit: z.string().nullable(),
  category: hardshipCategory.nullable(),
  /** 助学: one row per student; null for the others. */
  studentId: z.string().nullable(),
  studentName: z.string().nullable(),
  schoolStage: schoolStage.nullable(),
  suggestion: aidSuggestion,
  accountMasked: z.string().nullable(),
  /**
   * What the household (助学: the student) already received from this program this year, before this batch: a
   * second batch of a program only tops up to the standard, and the preview says so.
   */
  paidInProgramFen: z.number().int(),
});
export type BatchRow = z.infer<typeof batchRow>;

export const batchItem = z.object({
  id: uuid,
  programId: uuid,
  programName: z.string(),
  name: z.string(),
  method: paymentMethod,
  createdBy: z.string().nullable(),
  createdAt: isoInstant,
  counts: z.object({ pending: z.number().int(), approved: z.number().int(), paid: z.number().int(), voided: z.number().int() }),
  /** Not voided. */
  totalFen: z.number().int(),
  /** What the pending payments come to: what 整批审核 would approve (its confirmation says it). */
  pendingFen: z.number().int(),
});
export type BatchItem = z.infer<typeof batchItem>;

/** The aid tab of a file: what it received, by year and type, and what each cap still allows this year. */
export const fileAidSummary = z.object({
  year: z.number().int(),
  byYear: z.array(
    z.object({
      year: z.number().int(),
      byType: z.array(z.object({ type: aidType, count: z.number().int(), amountFen: z.number().int() })),
      totalFen: z.number().int(),
    }),
  ),
  /** This year's caps (policy) with what is used and left; a null limit means no cap is set. */
  caps: z.array(
    z.object({
      key: z.string(),
      type: aidType.nullable(),
      limitFen: z.number().int().nullable(),
      usedFen: z.number().int(),
      leftFen: z.number().int().nullable(),
    }),
  ),
  /** Aid received in the 12 months before today (counted as income at the annual review). */
  last12MonthsFen: z.number().int(),
});
export type FileAidSummary = z.infer<typeof fileAidSummary>;

/** Vouchers: valid-paid | valid-unpaid | voided; certificates: valid | expired (past valid-until); either: the rest. */
export const verifyVerdict = z.enum([
  'valid-paid',
  'valid-unpaid',
  'voided',
  'not-issued-here',
  /**
   * Signed with one of our keys, but this database has no such record, or (problem `differs`) holds it with other
   * fields: an older backup was restored since. Never `forged`: only a signature that fails is.
   */
  'not-on-record',
  'forged',
  'malformed',
  'serial-found',
  /** A typed serial of our format that this database does not have (mistyped, or lost to a restore). */
  'serial-not-found',
  'valid',
  'expired',
]);
export const verifyResult = z.object({
  verdict: verifyVerdict,
  /** For a malformed text: what is wrong with it (coded); for not-on-record, `differs` when the record differs. */
  problem: z.string().nullable(),
  kind: z.enum(['voucher', 'certificate']).nullable(),
  summary: z
    .object({
      serial: z.string(),
      amountFen: z.number().int().nullable(),
      date: isoDate.nullable(),
      type: aidType.nullable(),
      programName: z.string().nullable(),
      /** 张* : enough to tell the holder, not enough to learn a name. */
      recipientMasked: z.string().nullable(),
      status: paymentStatus.nullable(),
      voidedAt: isoInstant.nullable(),
      validUntil: isoDate.nullable(),
    })
    .nullable(),
});
export type VerifyResult = z.infer<typeof verifyResult>;
