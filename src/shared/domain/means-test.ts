/**
 * Means test of a hardship file (docs/domain.md "Hardship file"): monthly per-capita income = (annual income − rigid
 * spending) ÷ 12 ÷ household size, judged against the local urban 低保 line; the accident test compares the year's
 * disaster, accident or critical-illness costs with a share of annual income; some circumstances exclude a household
 * whatever its income. The line, the relative-hardship multiple of it (today 200 %) and the accident share (today
 * 80 %) are *policy* data with an effective date (docs/architecture.md §4), so they are inputs, in whole percent.
 *
 * Money is integer fen. Every decision is an exact comparison done in BigInt, so it never depends on a rounded or
 * floating figure nor on products overflowing 2^53; only the displayed per-capita figure is rounded.
 */

export const HARDSHIP_CATEGORIES = ['deep', 'relative', 'accident'] as const;
export type HardshipCategory = (typeof HARDSHIP_CATEGORIES)[number];

/** Fixed order: the order the screen lists the reasons in, and the order of `excludedBy`. */
export const MEANS_TEST_EXCLUSIONS = [
  'two-or-more-homes',
  'business-or-employer',
  'costly-private-school-or-abroad',
  'private-vehicle',
] as const;
export type ExclusionCode = (typeof MEANS_TEST_EXCLUSIONS)[number];

export interface MeansTestExclusions {
  twoOrMoreHomes: boolean;
  ownsBusinessOrEmploysOthers: boolean;
  childAtCostlyPrivateSchoolOrAbroad: boolean;
  privateVehicleNotForWork: boolean;
}

const EXCLUSION_FIELDS: Record<ExclusionCode, keyof MeansTestExclusions> = {
  'two-or-more-homes': 'twoOrMoreHomes',
  'business-or-employer': 'ownsBusinessOrEmploysOthers',
  'costly-private-school-or-abroad': 'childAtCostlyPrivateSchoolOrAbroad',
  'private-vehicle': 'privateVehicleNotForWork',
};
/** The fields of MeansTestExclusions, in the order of MEANS_TEST_EXCLUSIONS (the contract builds its schema from them). */
export const MEANS_TEST_EXCLUSION_FIELDS: readonly (keyof MeansTestExclusions)[] = MEANS_TEST_EXCLUSIONS.map(
  (code) => EXCLUSION_FIELDS[code],
);

export interface MeansTestInput {
  /** People in the household, the head included. */
  householdSize: number;
  annualIncomeFen: number;
  /** Rigid spending that policy lets be deducted (medical, education …), for the year. */
  rigidSpendingFen: number;
  /** Local urban 低保 line in force on the day, per person per month. */
  lowIncomeLineFen: number;
  /** Below this percent of the line (policy, today 200: twice the line) a household is in relative hardship. */
  relativeLinePercent: number;
  /** Accident costs above this percent of annual income (policy, today 80) make 意外致困. */
  accidentThresholdPercent: number;
  /** Disaster, accident or critical-illness costs in the year, after insurance and other aid; 0 when none. */
  accidentCostsFen: number;
  exclusions: MeansTestExclusions;
}

export const INCOME_TESTS = ['below-line', 'below-double-line', 'above-double-line'] as const;
export type IncomeTest = (typeof INCOME_TESTS)[number];
export const ACCIDENT_TESTS = ['passed', 'not-passed', 'no-costs'] as const;
export type AccidentTest = (typeof ACCIDENT_TESTS)[number];
/** `excluded` blocks filing; `not-in-hardship` means no test gives a category. */
export const MEANS_TEST_OUTCOMES = ['eligible', 'excluded', 'not-in-hardship'] as const;
export type MeansTestOutcome = (typeof MEANS_TEST_OUTCOMES)[number];

export interface MeansTestResult {
  outcome: MeansTestOutcome;
  /** What the tests give, even when an exclusion blocks filing, so the screen can explain both. */
  category: HardshipCategory | 'none';
  eligible: boolean;
  excludedBy: ExclusionCode[];
  /** Annual income − rigid spending, exact; negative when spending exceeds income. */
  netAnnualIncomeFen: number;
  householdSize: number;
  /** For display only: rounded half up to the fen, clamped at 0. Decisions never read it. */
  perCapitaMonthlyFen: number;
  lowIncomeLineFen: number;
  /** For display only: the line × relativeLinePercent ÷ 100, rounded half up to the fen. Decisions never read it. */
  relativeLineFen: number;
  relativeLinePercent: number;
  accidentThresholdPercent: number;
  incomeTest: IncomeTest;
  accidentTest: AccidentTest;
  /** Accident costs ÷ annual income in 1/100 of a percent, rounded down; null when income is 0. */
  accidentShareBasisPoints: number | null;
  spendingExceedsIncome: boolean;
}

/** The year's figures the means test reads, from the household's monthly earnings and the file's income items. */
export interface MeansTestTotals {
  /** What the household members earn: their monthly incomes × 12. */
  earnedAnnualFen: number;
  /** The income items (pensions, benefits, property …), for the year. */
  otherIncomeFen: number;
  /** Earned + other income: the means test's annual income. */
  annualIncomeFen: number;
  /** The rigid spending items, for the year. */
  rigidSpendingFen: number;
}

/**
 * Annual income = the members' monthly incomes × 12 (what they earn) + the income items; rigid spending = the rigid
 * items. `members` are the household's rows (a missing monthly income counts as 0), `incomeItems` the file's items.
 */
export function meansTestTotals(
  members: readonly { monthlyIncomeFen?: number | null }[],
  incomeItems: readonly { kind: 'income' | 'rigid'; annualFen: number }[],
): MeansTestTotals {
  const earnedAnnualFen = members.reduce((sum, m) => sum + (m.monthlyIncomeFen ?? 0) * 12, 0);
  const sum = (kind: 'income' | 'rigid') => incomeItems.filter((i) => i.kind === kind).reduce((total, i) => total + i.annualFen, 0);
  const otherIncomeFen = sum('income');
  return { earnedAnnualFen, otherIncomeFen, annualIncomeFen: earnedAnnualFen + otherIncomeFen, rigidSpendingFen: sum('rigid') };
}

// Our own forms validate first, so bad input here is a programming error: throw, naming the field.
function requireInteger(name: string, value: number, min: number): void {
  if (!Number.isSafeInteger(value)) throw new RangeError(`${name} must be an integer`);
  if (value < min) throw new RangeError(`${name} must be at least ${min}`);
}

function validate(input: MeansTestInput): void {
  requireInteger('householdSize', input.householdSize, 1);
  requireInteger('annualIncomeFen', input.annualIncomeFen, 0);
  requireInteger('rigidSpendingFen', input.rigidSpendingFen, 0);
  requireInteger('lowIncomeLineFen', input.lowIncomeLineFen, 1);
  requireInteger('relativeLinePercent', input.relativeLinePercent, 100);
  requireInteger('accidentThresholdPercent', input.accidentThresholdPercent, 1);
  if (input.accidentThresholdPercent > 100) throw new RangeError('accidentThresholdPercent must be at most 100');
  requireInteger('accidentCostsFen', input.accidentCostsFen, 0);
  const exclusions: unknown = input.exclusions;
  if (typeof exclusions !== 'object' || exclusions === null) throw new RangeError('exclusions must be an object');
  for (const field of Object.values(EXCLUSION_FIELDS)) {
    if (typeof input.exclusions[field] !== 'boolean') throw new RangeError(`exclusions.${field} must be a boolean`);
  }
}

/** A percent of the line as the multiple clerks say: 200 → "2" (2 倍), 150 → "1.5". For display only. */
export function percentAsMultiple(percent: number): string {
  return String(percent / 100);
}

/** n ÷ d rounded half up, for n ≥ 0 and d > 0: ⌊(2n + d) ÷ 2d⌋. */
function divideHalfUp(n: bigint, d: bigint): bigint {
  return (2n * n + d) / (2n * d);
}

export function runMeansTest(input: MeansTestInput): MeansTestResult {
  validate(input);
  const income = BigInt(input.annualIncomeFen);
  const costs = BigInt(input.accidentCostsFen);
  const line = BigInt(input.lowIncomeLineFen);
  const net = income - BigInt(input.rigidSpendingFen);
  const months = 12n * BigInt(input.householdSize);
  const relativePercent = BigInt(input.relativeLinePercent);
  const accidentPercent = BigInt(input.accidentThresholdPercent);

  // per-capita < line ⇔ net ÷ months < line ⇔ net < line × months (months > 0): no division, no rounding. Likewise
  // per-capita < line × p ÷ 100 ⇔ net × 100 < line × p × months.
  const incomeTest: IncomeTest =
    net < line * months ? 'below-line' : net * 100n < relativePercent * line * months ? 'below-double-line' : 'above-double-line';

  // costs > p % of income ⇔ costs × 100 > income × p; with zero income any positive cost is above.
  const accidentTest: AccidentTest = costs === 0n ? 'no-costs' : costs * 100n > income * accidentPercent ? 'passed' : 'not-passed';

  // The income test comes first: a household below the line is 深度困难 even if it also had an accident.
  const category: HardshipCategory | 'none' =
    incomeTest === 'below-line'
      ? 'deep'
      : incomeTest === 'below-double-line'
        ? 'relative'
        : accidentTest === 'passed'
          ? 'accident'
          : 'none';

  const excludedBy = MEANS_TEST_EXCLUSIONS.filter((code) => input.exclusions[EXCLUSION_FIELDS[code]]);
  const outcome: MeansTestOutcome = excludedBy.length > 0 ? 'excluded' : category === 'none' ? 'not-in-hardship' : 'eligible';

  return {
    outcome,
    category,
    eligible: outcome === 'eligible',
    excludedBy,
    netAnnualIncomeFen: Number(net),
    householdSize: input.householdSize,
    perCapitaMonthlyFen: net > 0n ? Number(divideHalfUp(net, months)) : 0,
    lowIncomeLineFen: input.lowIncomeLineFen,
    relativeLineFen: Number(divideHalfUp(line * relativePercent, 100n)),
    relativeLinePercent: input.relativeLinePercent,
    accidentThresholdPercent: input.accidentThresholdPercent,
    incomeTest,
    accidentTest,
    accidentShareBasisPoints: income === 0n ? null : Number((costs * 10000n) / income),
    spendingExceedsIncome: net < 0n,
  };
}

/**
 * The per-capita figure and the relative line as the screen and the 申报表 show them, so that a figure shown never
 * contradicts the exact comparison. The per-capita figure is rounded DOWN to the fen (not half up): for a line of whole
 * fen L, ⌊x⌋ < L exactly when x < L, so ¥939.996 below a line of ¥940.00 shows as ¥939.99, never as ¥940.00 "below"
 * ¥940.00. The relative line (line × percent ÷ 100) may itself have a fraction of a fen: it is rounded up when the
 * household is below it and down otherwise, which keeps "below" a strict < and "not below" a ≥ in the shown figures.
 * `exact` is false when the division left a fraction of a fen (the screen says it was dropped).
 */
export function shownComparison(
  r: Pick<MeansTestResult, 'netAnnualIncomeFen' | 'householdSize' | 'lowIncomeLineFen' | 'relativeLinePercent' | 'incomeTest'>,
): { perCapitaFen: number; relativeLineFen: number; exact: boolean } {
  const net = BigInt(Math.max(0, r.netAnnualIncomeFen));
  const months = 12n * BigInt(r.householdSize);
  const relative = BigInt(r.lowIncomeLineFen) * BigInt(r.relativeLinePercent);
  const relativeDown = relative / 100n;
  const relativeUp = (relative + 99n) / 100n;
  return {
    perCapitaFen: Number(net / months),
    relativeLineFen: Number(r.incomeTest === 'below-double-line' ? relativeUp : relativeDown),
    exact: net % months === 0n,
  };
}

/**
 * The accident test's threshold as shown: income × percent ÷ 100 rounded down to the fen. For whole-fen costs c,
 * c > x exactly when c > ⌊x⌋, so the shown amount agrees with the exact test either way.
 */
export function shownAccidentThresholdFen(annualIncomeFen: number, accidentThresholdPercent: number): number {
  return Number((BigInt(annualIncomeFen) * BigInt(accidentThresholdPercent)) / 100n);
}
