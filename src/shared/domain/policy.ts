/**
 * Policy numbers (docs/domain.md: "*policy*"): data an administrator keeps, each value with the date it takes effect.
 * A file is always judged with the values in force on its day, so values are never edited: a new value is added
 * with its own effective date, and a mistaken one is voided (kept, marked, with the reason).
 */

export const POLICY_KEYS = [
  'lowIncomeLine',
  'noticeWorkingDays',
  'visitValidDays',
  'reviewIntervalMonths',
  'relativeLinePercent',
  'accidentThresholdPercent',
  'aidYearCapTotal',
  'aidYearCapLiving',
  'aidYearCapMedical',
  'aidYearCapEducation',
  'aidYearCapFestival',
  'aidYearCapEmergency',
  'aidYearCapAccident',
  'batchOverdueDays',
] as const;
export type PolicyKey = (typeof POLICY_KEYS)[number];

export interface PolicyKeyRule {
  unit: 'fen' | 'workingDays' | 'days' | 'months' | 'percent';
  min: number;
  max: number;
  /** Used when no value was ever set; the 低保 line has none: files cannot be judged until it is set. */
  default: number | null;
  /** The 低保 line differs by region (county, city or province code); the others hold for the whole office. */
  byRegion: boolean;
  /** A value that may stay unset: an aid cap none has set limits nothing (the home page does not ask for it). */
  optional?: boolean;
  /** What an amount (unit fen) is counted by: the 低保 line per person and month, an aid cap per household and year. */
  per?: 'personMonth' | 'householdYear';
}

export const POLICY_RULES: Record<PolicyKey, PolicyKeyRule> = {
  // Per person per month. ¥1 to ¥10,000 catches a value typed in yuan where fen were meant, or the reverse.
  lowIncomeLine: { unit: 'fen', per: 'personMonth', min: 100, max: 1_000_000, default: null, byRegion: true },
  // docs/domain.md: a notice stays up at least 5 working days.
  noticeWorkingDays: { unit: 'workingDays', min: 5, max: 30, default: 5, byRegion: false },
  visitValidDays: { unit: 'days', min: 7, max: 365, default: 90, byRegion: false },
  // docs/domain.md: files are reviewed at least yearly.
  reviewIntervalMonths: { unit: 'months', min: 1, max: 12, default: 12, byRegion: false },
  // docs/domain.md "Means test": below 2 × the 低保 line → 相对困难. A whole percent of the line, so that it is exact
  // (200 = twice the line); at least the line itself, at most ten times it.
  relativeLinePercent: { unit: 'percent', min: 100, max: 1000, default: 200, byRegion: false },
  // docs/domain.md: 意外致困 when the year's disaster, accident or illness costs are above 80 % of annual income.
  accidentThresholdPercent: { unit: 'percent', min: 1, max: 100, default: 80, byRegion: false },
  // docs/domain.md "Aid": annual caps per household, in total and per type (shared/domain/aid.ts TYPE_CAP_KEY).
  // None until an administrator sets one: a program's own standard still limits every payment.
  aidYearCapTotal: { unit: 'fen', per: 'householdYear', min: 100, max: 100_000_000, default: null, byRegion: false, optional: true },
  aidYearCapLiving: { unit: 'fen', per: 'householdYear', min: 100, max: 100_000_000, default: null, byRegion: false, optional: true },
  aidYearCapMedical: { unit: 'fen', per: 'householdYear', min: 100, max: 100_000_000, default: null, byRegion: false, optional: true },
  aidYearCapEducation: { unit: 'fen', per: 'householdYear', min: 100, max: 100_000_000, default: null, byRegion: false, optional: true },
  aidYearCapFestival: { unit: 'fen', per: 'householdYear', min: 100, max: 100_000_000, default: null, byRegion: false, optional: true },
  aidYearCapEmergency: { unit: 'fen', per: 'householdYear', min: 100, max: 100_000_000, default: null, byRegion: false, optional: true },
  aidYearCapAccident: { unit: 'fen', per: 'householdYear', min: 100, max: 100_000_000, default: null, byRegion: false, optional: true },
  // Federation mode (各中心): a centre whose last batch was imported longer ago than this is flagged 逾期. 35 days: a
  // monthly batch with a few days' slack for the trip to the federation.
  batchOverdueDays: { unit: 'days', min: 7, max: 365, default: 35, byRegion: false },
};

export interface PolicyValue {
  key: PolicyKey;
  /** Six digits for the 低保 line; null for office-wide values. */
  regionCode: string | null;
  effectiveFrom: string;
  value: number;
  voided: boolean;
}

/**
 * The region codes a 低保 line is looked up under, most specific first: the county (440106), its city (440100),
 * its province (440000). A line set for a city holds in each of its districts that has none of its own.
 */
export function regionLookupOrder(regionCode: string): string[] {
  const order = [regionCode, `${regionCode.slice(0, 4)}00`, `${regionCode.slice(0, 2)}0000`];
  return order.filter((code, i) => order.indexOf(code) === i);
}

/** The value of `key` in force on `date` (for `regionCode` when the key is by region), or the default, or null. */
export function valueInForce(
  values: readonly PolicyValue[],
  key: PolicyKey,
  date: string,
  regionCode: string | null = null,
): number | null {
  const rule = POLICY_RULES[key];
  const regions = rule.byRegion ? (regionCode ? regionLookupOrder(regionCode) : []) : [null];
  for (const region of regions) {
    let best: PolicyValue | null = null;
    for (const v of values) {
      if (v.key !== key || v.voided || v.regionCode !== region || v.effectiveFrom > date) continue;
      if (!best || v.effectiveFrom > best.effectiveFrom) best = v;
    }
    if (best) return best.value;
  }
  return rule.default;
}

/** What is wrong with a value an administrator typed, if anything. */
export function policyValueProblem(
  key: PolicyKey,
  value: number,
  regionCode: string | null,
): 'OUT_OF_RANGE' | 'REGION_REQUIRED' | 'REGION_NOT_ALLOWED' | null {
  const rule = POLICY_RULES[key];
  if (rule.byRegion && !regionCode) return 'REGION_REQUIRED';
  if (!rule.byRegion && regionCode) return 'REGION_NOT_ALLOWED';
  if (!Number.isInteger(value) || value < rule.min || value > rule.max) return 'OUT_OF_RANGE';
  return null;
}
