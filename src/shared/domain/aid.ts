import type { SCHOOL_STAGES } from './hardship-codes';
import type { HardshipCategory } from './means-test';

/**
 * Aid (帮扶救助, docs/domain.md "Aid"): the coded values of programs and payments, and each program type's
 * standard. Codes are stored; their Chinese labels live in the renderer's i18n. The amounts in a standard are
 * *policy*: a program's data, set by whoever sets up the program, never constants here.
 */

/** 生活救助, 医疗救助, 助学, 送温暖, 临时救助, 意外救助, 就业帮扶. */
export const AID_TYPES = ['living', 'medical', 'education', 'festival', 'emergency', 'accident', 'employment'] as const;
export type AidType = (typeof AID_TYPES)[number];

/** The fund sources offered when a program is set up (中央财政专项, 地方财政, 工会经费, 社会捐助). */
export const FUND_SOURCES = ['central', 'local', 'union', 'donation'] as const;
export type FundSource = (typeof FUND_SOURCES)[number];

/** 待审核 → 待发放 → 已发放; 作废 from any of them (a reviewer, with a reason). */
export const PAYMENT_STATUSES = ['pending', 'approved', 'paid', 'voided'] as const;
export type PaymentStatus = (typeof PAYMENT_STATUSES)[number];

/** 银行代发 to the file's account, 现金 against a signature, or a service without money (就业帮扶). */
export const PAYMENT_METHODS = ['bank', 'cash', 'service'] as const;
export type PaymentMethod = (typeof PAYMENT_METHODS)[number];

export const PROGRAM_STATUSES = ['open', 'closed'] as const;
export type ProgramStatus = (typeof PROGRAM_STATUSES)[number];

export type SchoolStage = (typeof SCHOOL_STAGES)[number];
type ByCategory<T> = Partial<Record<HardshipCategory, T>>;

/**
 * A program's standard: what one household (for 助学: one student) may receive from the program in its year.
 * One kind per type (STANDARD_KIND), so a program cannot carry a rule that makes no sense for its money.
 */
export type AidStandard =
  /** 送温暖: a fixed sum per household, optionally another sum for a category. */
  | { kind: 'fixed'; amountFen: number; byCategory: ByCategory<number> }
  /** 生活救助: months of the monthly 低保 line in force for the household's region (deep 10, relative 8). */
  | { kind: 'lowLineMonths'; monthsByCategory: ByCategory<number> }
  /** 医疗救助: a share (percent) of the self-paid part of a bill, capped, by category. */
  | { kind: 'billShare'; byCategory: ByCategory<{ percent: number; capFen: number }> }
  /** 助学: a sum per student by school level, paid in the parent's file. */
  | { kind: 'perStudent'; byStage: Partial<Record<SchoolStage, number>> }
  /** 意外救助: a share of the loss, capped. */
  | { kind: 'lossShare'; percent: number; capFen: number }
  /** 临时救助: a small capped sum; also for a worker without a file (the emergency route). */
  | { kind: 'emergency'; capFen: number }
  /** 就业帮扶: a service recorded without money. */
  | { kind: 'service' };
export type AidStandardKind = AidStandard['kind'];

export const STANDARD_KIND: Record<AidType, AidStandardKind> = {
  living: 'lowLineMonths',
  medical: 'billShare',
  education: 'perStudent',
  festival: 'fixed',
  emergency: 'emergency',
  accident: 'lossShare',
  employment: 'service',
};

/** The policy key of each type's yearly cap per household (shared/domain/policy.ts); 就业帮扶 pays nothing. */
export const TYPE_CAP_KEY = {
  living: 'aidYearCapLiving',
  medical: 'aidYearCapMedical',
  education: 'aidYearCapEducation',
  festival: 'aidYearCapFestival',
  emergency: 'aidYearCapEmergency',
  accident: 'aidYearCapAccident',
} as const satisfies Record<Exclude<AidType, 'employment'>, string>;

/** What the program's standard needs to know about the household and the occasion. */
export interface StandardFacts {
  category: HardshipCategory | null;
  /** The monthly 低保 line in force for the household's region on the day (fen), for lowLineMonths. */
  lowLineFen: number | null;
  /** 医疗: the self-paid part of the bill; 意外: the loss (fen). */
  baseFen: number | null;
  /** 助学: the student's school level. */
  schoolStage: SchoolStage | null;
}

/** Why a standard gives what it gives: a coded line the renderer words (i18n aidBasis). */
export type StandardBasis =
  | { rule: 'fixed'; amountFen: number; category: HardshipCategory | null }
  | { rule: 'lowLineMonths'; category: HardshipCategory; lowLineFen: number; months: number; amountFen: number }
  | { rule: 'billShare'; category: HardshipCategory; baseFen: number; percent: number; shareFen: number; capFen: number; amountFen: number }
  | { rule: 'perStudent'; schoolStage: SchoolStage; amountFen: number }
  | { rule: 'lossShare'; baseFen: number; percent: number; shareFen: number; capFen: number; amountFen: number }
  | { rule: 'emergency'; capFen: number; amountFen: number }
  | { rule: 'service'; amountFen: 0 };

/**
 * Whether paying less than the suggestion needs a reason. 临时救助's sum is a most per case, not a standard: the clerk
 * pays what the emergency needs, up to it, without explaining why it is less. Every other standard is what the
 * household is owed, so paying less is explained.
 */
export function loweringNeedsReason(basis: { rule: string } | null): boolean {
  return basis?.rule !== 'emergency';
}

/** Why a standard gives nothing for this household, coded (the renderer words it). */
export type StandardRefusal =
  | { refused: 'noCategory' }
  | { refused: 'categoryNotCovered'; category: HardshipCategory }
  | { refused: 'noLowLine' }
  | { refused: 'noBase' }
  | { refused: 'stageNotCovered'; schoolStage: SchoolStage | null };

/** A share of a sum, rounded down to the fen, exact for any sum (BigInt: no floating point near 2^53). */
export function shareOf(baseFen: number, percent: number): number {
  return Number((BigInt(baseFen) * BigInt(Math.round(percent * 100))) / 10_000n);
}

/** What the standard gives for this household on this occasion, before any cap of the year. */
export function standardAmount(standard: AidStandard, facts: StandardFacts): StandardBasis | StandardRefusal {
  const { category } = facts;
  switch (standard.kind) {
    case 'fixed': {
      const special = category ? standard.byCategory[category] : undefined;
      return { rule: 'fixed', amountFen: special ?? standard.amountFen, category: special === undefined ? null : category };
    }
    case 'lowLineMonths': {
      if (!category) return { refused: 'noCategory' };
      const months = standard.monthsByCategory[category];
      if (months === undefined) return { refused: 'categoryNotCovered', category };
      if (facts.lowLineFen === null) return { refused: 'noLowLine' };
      return { rule: 'lowLineMonths', category, lowLineFen: facts.lowLineFen, months, amountFen: facts.lowLineFen * months };
    }
    case 'billShare': {
      if (!category) return { refused: 'noCategory' };
      const rule = standard.byCategory[category];
      if (!rule) return { refused: 'categoryNotCovered', category };
      if (facts.baseFen === null) return { refused: 'noBase' };
      const shareFen = shareOf(facts.baseFen, rule.percent);
      return {
        rule: 'billShare',
        category,
        baseFen: facts.baseFen,
        percent: rule.percent,
        shareFen,
        capFen: rule.capFen,
        amountFen: Math.min(shareFen, rule.capFen),
      };
    }
    case 'perStudent': {
      const amount = facts.schoolStage ? standard.byStage[facts.schoolStage] : undefined;
      if (amount === undefined || !facts.schoolStage) return { refused: 'stageNotCovered', schoolStage: facts.schoolStage };
      return { rule: 'perStudent', schoolStage: facts.schoolStage, amountFen: amount };
    }
    case 'lossShare': {
      if (facts.baseFen === null) return { refused: 'noBase' };
      const shareFen = shareOf(facts.baseFen, standard.percent);
      return {
        rule: 'lossShare',
        baseFen: facts.baseFen,
        percent: standard.percent,
        shareFen,
        capFen: standard.capFen,
        amountFen: Math.min(shareFen, standard.capFen),
      };
    }
    case 'emergency':
      return { rule: 'emergency', capFen: standard.capFen, amountFen: standard.capFen };
    case 'service':
      return { rule: 'service', amountFen: 0 };
  }
}

export function isRefusal(result: StandardBasis | StandardRefusal): result is StandardRefusal {
  return 'refused' in result;
}

/**
 * A limit on this payment, as the explanation lists it: "本年已发生活救助 ¥3,000" against the standard, the
 * policy caps of the year, and the program's budget. `leftFen` is never below 0.
 */
export type CapLine =
  /** The program's standard for this household (or student) in the program's year, less what it already paid. */
  | { cap: 'standard'; limitFen: number; usedFen: number; leftFen: number }
  /** Policy: the most a household may receive of this type in a year. */
  | { cap: 'typeYear'; type: AidType; limitFen: number; usedFen: number; leftFen: number }
  /** Policy: the most a household may receive of all aid in a year. */
  | { cap: 'totalYear'; limitFen: number; usedFen: number; leftFen: number }
  /** The program's budget left (only an administrator may go over it, with a reason). */
  | { cap: 'budget'; limitFen: number; usedFen: number; leftFen: number };

export interface CapInputs {
  standardFen: number;
  /** Already received (not voided) from this program by this household (or this student for 助学). */
  usedInProgramFen: number;
  typeYear: { type: AidType; limitFen: number | null; usedFen: number };
  totalYear: { limitFen: number | null; usedFen: number };
  budget: { limitFen: number | null; usedFen: number };
}

export interface CappedAmount {
  /** What the clerk may pay at most, within the standard and the caps of the year (the budget apart). */
  maxFen: number;
  /** The suggested amount: maxFen, and no more than the budget left. */
  suggestedFen: number;
  lines: CapLine[];
  /** The cap that decided maxFen, if one was lower than the standard. */
  limitedBy: CapLine['cap'] | null;
  /** The budget left is less than maxFen: paying maxFen needs an administrator and a reason. */
  overBudget: boolean;
}

function line<T extends CapLine['cap']>(cap: T, limitFen: number, usedFen: number) {
  return { cap, limitFen, usedFen, leftFen: Math.max(0, limitFen - usedFen) };
}

/** The standard's amount held to every cap of the year: the most this payment may be, and why. */
export function capAmount(input: CapInputs): CappedAmount {
  const lines: CapLine[] = [line('standard', input.standardFen, input.usedInProgramFen)];
  if (input.typeYear.limitFen !== null) {
    lines.push({ ...line('typeYear', input.typeYear.limitFen, input.typeYear.usedFen), type: input.typeYear.type });
  }
  if (input.totalYear.limitFen !== null) lines.push(line('totalYear', input.totalYear.limitFen, input.totalYear.usedFen));
  let maxFen = lines[0]!.leftFen;
  let limitedBy: CapLine['cap'] | null = null;
  for (const l of lines.slice(1)) {
    if (l.leftFen < maxFen) {
      maxFen = l.leftFen;
      limitedBy = l.cap;
    }
  }
  let suggestedFen = maxFen;
  let overBudget = false;
  if (input.budget.limitFen !== null) {
    const budget = line('budget', input.budget.limitFen, input.budget.usedFen);
    lines.push(budget);
    if (budget.leftFen < maxFen) {
      overBudget = true;
      suggestedFen = budget.leftFen;
    }
  }
  return { maxFen, suggestedFen, lines, limitedBy, overBudget };
}
