import { describe, expect, it } from 'vitest';
import {
  HARDSHIP_CATEGORIES,
  MEANS_TEST_EXCLUSIONS,
  runMeansTest,
  type ExclusionCode,
  type MeansTestExclusions,
  type MeansTestInput,
} from '@shared/domain/means-test';

// A 低保 line of ¥940.00 per person per month; 2 × line = ¥1,880.00.
const LINE = 94_000;

const NO_EXCLUSIONS: MeansTestExclusions = {
  twoOrMoreHomes: false,
  ownsBusinessOrEmploysOthers: false,
  childAtCostlyPrivateSchoolOrAbroad: false,
  privateVehicleNotForWork: false,
};

function household(overrides: Partial<MeansTestInput>): MeansTestInput {
  return {
    householdSize: 3,
    annualIncomeFen: 0,
    rigidSpendingFen: 0,
    lowIncomeLineFen: LINE,
    relativeLinePercent: 200,
    accidentThresholdPercent: 80,
    accidentCostsFen: 0,
    exclusions: NO_EXCLUSIONS,
    ...overrides,
  };
}

describe('constants', () => {
  it('lists the three categories and the four exclusions in a fixed order', () => {
    expect(HARDSHIP_CATEGORIES).toEqual(['deep', 'relative', 'accident']);
    expect(MEANS_TEST_EXCLUSIONS).toEqual([
      'two-or-more-homes',
      'business-or-employer',
      'costly-private-school-or-abroad',
      'private-vehicle',
    ]);
  });
});

describe('income test boundaries (household of 3: 36 person-months)', () => {
  it('gives everything the sentence needs: ¥412.50 per capita below ¥940.00 → deep', () => {
    // 41,250 × 36 = 1,485,000 net; rigid 15,000 deducted from 1,500,000.
    expect(runMeansTest(household({ annualIncomeFen: 1_500_000, rigidSpendingFen: 15_000 }))).toEqual({
      outcome: 'eligible',
      category: 'deep',
      eligible: true,
      excludedBy: [],
      netAnnualIncomeFen: 1_485_000,
      householdSize: 3,
      perCapitaMonthlyFen: 41_250,
      lowIncomeLineFen: 94_000,
      relativeLineFen: 188_000,
      relativeLinePercent: 200,
      accidentThresholdPercent: 80,
      incomeTest: 'below-line',
      accidentTest: 'no-costs',
      accidentShareBasisPoints: 0,
      spendingExceedsIncome: false,
    });
  });

  it('exactly at the line is not below it → relative', () => {
    // 94,000 × 36 = 3,384,000 → per capita exactly 94,000.
    const r = runMeansTest(household({ annualIncomeFen: 3_384_000 }));
    expect(r).toMatchObject({ perCapitaMonthlyFen: 94_000, incomeTest: 'below-double-line', category: 'relative' });
  });

  it('one fen below the line → deep', () => {
    // 93,999 × 36 = 3,383,964 → per capita 93,999.
    const r = runMeansTest(household({ annualIncomeFen: 3_383_964 }));
    expect(r).toMatchObject({ perCapitaMonthlyFen: 93_999, incomeTest: 'below-line', category: 'deep' });
  });

  it('exactly at 2 × line → neither deep nor relative', () => {
    // 188,000 × 36 = 6,768,000 → per capita exactly 188,000.
    const r = runMeansTest(household({ annualIncomeFen: 6_768_000 }));
    expect(r).toMatchObject({
      perCapitaMonthlyFen: 188_000,
      incomeTest: 'above-double-line',
      category: 'none',
      outcome: 'not-in-hardship',
      eligible: false,
    });
  });

  it('one fen below 2 × line → relative', () => {
    // 187,999 × 36 = 6,767,964 → per capita 187,999.
    const r = runMeansTest(household({ annualIncomeFen: 6_767_964 }));
    expect(r).toMatchObject({ perCapitaMonthlyFen: 187_999, incomeTest: 'below-double-line', category: 'relative' });
  });

  it('decides exactly even where the rounded display equals the line', () => {
    // Household of 1: 94,000 × 12 − 1 = 1,127,999 → 93,999 11/12 fen, displayed 94,000, but below the line.
    expect(runMeansTest(household({ householdSize: 1, annualIncomeFen: 1_127_999 }))).toMatchObject({
      perCapitaMonthlyFen: 94_000,
      category: 'deep',
    });
    // Household of 3: 3,384,000 − 1 = 3,383,999 → 94,000 − 1/36 fen, displayed 94,000, still deep.
    expect(runMeansTest(household({ annualIncomeFen: 3_383_999 }))).toMatchObject({
      perCapitaMonthlyFen: 94_000,
      category: 'deep',
    });
    // Household of 1: 188,000 × 12 − 1 = 2,255,999 → displayed 188,000 (= 2 × line), still relative.
    expect(runMeansTest(household({ householdSize: 1, annualIncomeFen: 2_255_999 }))).toMatchObject({
      perCapitaMonthlyFen: 188_000,
      category: 'relative',
    });
  });
});

describe('household shapes', () => {
  it('household of one: (1,500,000 − 120,000) ÷ 12 = 115,000 → relative', () => {
    const r = runMeansTest(household({ householdSize: 1, annualIncomeFen: 1_500_000, rigidSpendingFen: 120_000 }));
    expect(r).toMatchObject({ netAnnualIncomeFen: 1_380_000, perCapitaMonthlyFen: 115_000, category: 'relative' });
  });

  it('zero income → per capita 0, deep, no accident share', () => {
    const r = runMeansTest(household({ householdSize: 2, annualIncomeFen: 0 }));
    expect(r).toMatchObject({
      perCapitaMonthlyFen: 0,
      category: 'deep',
      accidentTest: 'no-costs',
      accidentShareBasisPoints: null,
      spendingExceedsIncome: false,
    });
  });

  it('rigid spending above income: display clamped at 0, flagged, deep on the exact negative value', () => {
    // 500,000 − 800,000 = −300,000.
    const r = runMeansTest(household({ householdSize: 2, annualIncomeFen: 500_000, rigidSpendingFen: 800_000 }));
    expect(r).toMatchObject({
      netAnnualIncomeFen: -300_000,
      perCapitaMonthlyFen: 0,
      spendingExceedsIncome: true,
      incomeTest: 'below-line',
      category: 'deep',
      eligible: true,
    });
  });
});

describe('accident test (意外致困)', () => {
  // Household of 1 with 3,000,000 a year: 250,000 per month ≥ 188,000, so the income test gives none.
  const wellOff = { householdSize: 1, annualIncomeFen: 3_000_000 };

  it('costs of exactly 80 % of income do not pass', () => {
    // 2,400,000 × 5 = 12,000,000 = 3,000,000 × 4: not strictly above.
    const r = runMeansTest(household({ ...wellOff, accidentCostsFen: 2_400_000 }));
    expect(r).toMatchObject({
      incomeTest: 'above-double-line',
      accidentTest: 'not-passed',
      accidentShareBasisPoints: 8_000,
      category: 'none',
      eligible: false,
    });
  });

  it('one fen above 80 % passes, though the share shown rounds down to 80.00 %', () => {
    // 2,400,001 × 5 = 12,000,005 > 12,000,000; share 8,000.0033 bp → 8,000.
    const r = runMeansTest(household({ ...wellOff, accidentCostsFen: 2_400_001 }));
    expect(r).toMatchObject({
      accidentTest: 'passed',
      accidentShareBasisPoints: 8_000,
      category: 'accident',
      outcome: 'eligible',
      eligible: true,
    });
  });

  it('shows the share in basis points, rounded down', () => {
    // 2,550,000 ÷ 3,000,000 = 85 % = 8,500 bp; 1,000,000 ÷ 3,000,000 = 3,333.33 bp → 3,333.
    expect(runMeansTest(household({ ...wellOff, accidentCostsFen: 2_550_000 })).accidentShareBasisPoints).toBe(8_500);
    expect(runMeansTest(household({ ...wellOff, accidentCostsFen: 1_000_000 }))).toMatchObject({
      accidentShareBasisPoints: 3_333,
      accidentTest: 'not-passed',
    });
  });

  it('with zero income any positive cost passes, but the income test already gives deep', () => {
    const r = runMeansTest(household({ annualIncomeFen: 0, accidentCostsFen: 1 }));
    expect(r).toMatchObject({ accidentTest: 'passed', accidentShareBasisPoints: null, category: 'deep' });
  });

  it('only applies when the income test gives none', () => {
    // Relative household (per capita exactly the line) with costs of 100 % of income: still relative.
    expect(runMeansTest(household({ annualIncomeFen: 3_384_000, accidentCostsFen: 3_384_000 }))).toMatchObject({
      accidentTest: 'passed',
      accidentShareBasisPoints: 10_000,
      category: 'relative',
    });
    // Deep household (41,250 per capita) with costs of 200 %: still deep.
    expect(runMeansTest(household({ annualIncomeFen: 1_485_000, accidentCostsFen: 2_970_000 }))).toMatchObject({
      accidentTest: 'passed',
      accidentShareBasisPoints: 20_000,
      category: 'deep',
    });
  });
});

describe('exclusions', () => {
  it.each<[keyof MeansTestExclusions, ExclusionCode]>([
    ['twoOrMoreHomes', 'two-or-more-homes'],
    ['ownsBusinessOrEmploysOthers', 'business-or-employer'],
    ['childAtCostlyPrivateSchoolOrAbroad', 'costly-private-school-or-abroad'],
    ['privateVehicleNotForWork', 'private-vehicle'],
  ])('%s alone excludes with code %s, keeping the category for the explanation', (field, code) => {
    // Relative household: per capita exactly the line.
    const r = runMeansTest(household({ annualIncomeFen: 3_384_000, exclusions: { ...NO_EXCLUSIONS, [field]: true } }));
    expect(r).toMatchObject({ outcome: 'excluded', eligible: false, excludedBy: [code], category: 'relative' });
  });

  it('lists several exclusions in the fixed order, whatever the input order', () => {
    const exclusions: MeansTestExclusions = {
      privateVehicleNotForWork: true,
      childAtCostlyPrivateSchoolOrAbroad: false,
      ownsBusinessOrEmploysOthers: true,
      twoOrMoreHomes: true,
    };
    const r = runMeansTest(household({ annualIncomeFen: 3_384_000, exclusions }));
    expect(r.excludedBy).toEqual(['two-or-more-homes', 'business-or-employer', 'private-vehicle']);
    expect(r.outcome).toBe('excluded');
  });

  it('excludes even a deep household, and one no test puts in hardship', () => {
    const exclusions = { ...NO_EXCLUSIONS, twoOrMoreHomes: true };
    expect(runMeansTest(household({ annualIncomeFen: 0, exclusions }))).toMatchObject({
      category: 'deep',
      outcome: 'excluded',
      eligible: false,
    });
    expect(runMeansTest(household({ annualIncomeFen: 6_768_000, exclusions }))).toMatchObject({
      category: 'none',
      outcome: 'excluded',
      eligible: false,
    });
  });
});

describe('policy change', () => {
  it('judges the same household differently under two lines', () => {
    // Household of 2 with 2,400,000 a year: 2,400,000 ÷ 24 = 100,000 per capita.
    const base = { householdSize: 2, annualIncomeFen: 2_400_000 };
    // 94,000 ≤ 100,000 < 188,000 → relative.
    expect(runMeansTest(household({ ...base, lowIncomeLineFen: 94_000 }))).toMatchObject({ category: 'relative' });
    // 100,000 < 110,000 → deep.
    expect(runMeansTest(household({ ...base, lowIncomeLineFen: 110_000 }))).toMatchObject({
      category: 'deep',
      lowIncomeLineFen: 110_000,
      relativeLineFen: 220_000,
    });
    // 100,000 ≥ 2 × 45,000 = 90,000 → none.
    expect(runMeansTest(household({ ...base, lowIncomeLineFen: 45_000 }))).toMatchObject({ category: 'none' });
  });

  it('draws the relative-hardship line at the policy percent of the 低保 line, exactly at its edge', () => {
    // Household of 2, per capita 100,000 against a line of 94,000: relative at 200 %, none at 106 % (99,640).
    const base = { householdSize: 2, annualIncomeFen: 2_400_000 };
    expect(runMeansTest(household({ ...base, relativeLinePercent: 106 }))).toMatchObject({
      category: 'none',
      relativeLineFen: 99_640,
      relativeLinePercent: 106,
    });
    // 107 %: 100,580 per capita is the line; 100,000 is below it.
    expect(runMeansTest(household({ ...base, relativeLinePercent: 107 }))).toMatchObject({
      category: 'relative',
      incomeTest: 'below-double-line',
    });
    // Exactly on the line is not below it: 24 × 94,000 × 150 % = 3,384,000 a year is 141,000 per capita = the line.
    expect(runMeansTest(household({ ...base, annualIncomeFen: 3_384_000, relativeLinePercent: 150 }))).toMatchObject({
      incomeTest: 'above-double-line',
    });
    expect(runMeansTest(household({ ...base, annualIncomeFen: 3_383_999, relativeLinePercent: 150 }))).toMatchObject({
      incomeTest: 'below-double-line',
    });
    // An odd line at an odd percent: the shown line rounds half up to the fen (94,001 × 1.5 = 141,001.5 → 141,002).
    expect(runMeansTest(household({ ...base, lowIncomeLineFen: 94_001, relativeLinePercent: 150 })).relativeLineFen).toBe(141_002);
  });

  it('takes the accident share from policy: costs above the percent pass, exactly at it do not', () => {
    // Household of 1 with 3,000,000 a year (above twice the line): 60 % of it is 1,800,000.
    const wellOff = { householdSize: 1, annualIncomeFen: 3_000_000 };
    expect(runMeansTest(household({ ...wellOff, accidentCostsFen: 1_800_000, accidentThresholdPercent: 60 }))).toMatchObject({
      accidentTest: 'not-passed',
      category: 'none',
    });
    expect(runMeansTest(household({ ...wellOff, accidentCostsFen: 1_800_001, accidentThresholdPercent: 60 }))).toMatchObject({
      accidentTest: 'passed',
      category: 'accident',
      accidentThresholdPercent: 60,
    });
    // The same costs under today's 80 %: not passed.
    expect(runMeansTest(household({ ...wellOff, accidentCostsFen: 1_800_001 }))).toMatchObject({ accidentTest: 'not-passed' });
  });

  it('refuses percents the policy table cannot hold', () => {
    expect(() => runMeansTest(household({ relativeLinePercent: 99 }))).toThrow(/relativeLinePercent/);
    expect(() => runMeansTest(household({ relativeLinePercent: 1.5 }))).toThrow(/relativeLinePercent/);
    expect(() => runMeansTest(household({ accidentThresholdPercent: 0 }))).toThrow(/accidentThresholdPercent/);
    expect(() => runMeansTest(household({ accidentThresholdPercent: 101 }))).toThrow(/accidentThresholdPercent/);
  });
});

describe('display rounding', () => {
  it.each([
    // Household of 2 (24 person-months).
    [2, 990_000, 41_250], // exactly 41,250
    [2, 990_011, 41_250], // 41,250 + 11/24 = 41,250.458 → down
    [2, 990_012, 41_251], // 41,250 + 12/24 = 41,250.5 → half up
    [2, 990_013, 41_251], // 41,250.542 → up
    [1, 6, 1], // 6 ÷ 12 = 0.5 → 1
    [1, 5, 0], // 5 ÷ 12 = 0.417 → 0
    [3, 1_000_000, 27_778], // 1,000,000 ÷ 36 = 27,777.78 → 27,778
  ])('household of %i with net %i → %i fen', (householdSize, annualIncomeFen, perCapita) => {
    expect(runMeansTest(household({ householdSize, annualIncomeFen })).perCapitaMonthlyFen).toBe(perCapita);
  });
});

describe('invalid input', () => {
  it.each<[string, Partial<MeansTestInput>]>([
    ['householdSize', { householdSize: 0 }],
    ['householdSize', { householdSize: 1.5 }],
    ['householdSize', { householdSize: Number.NaN }],
    ['annualIncomeFen', { annualIncomeFen: -1 }],
    ['annualIncomeFen', { annualIncomeFen: 100.5 }],
    ['annualIncomeFen', { annualIncomeFen: 2 ** 53 }],
    ['rigidSpendingFen', { rigidSpendingFen: -100 }],
    ['lowIncomeLineFen', { lowIncomeLineFen: 0 }],
    ['lowIncomeLineFen', { lowIncomeLineFen: Number.POSITIVE_INFINITY }],
    ['accidentCostsFen', { accidentCostsFen: -1 }],
    ['exclusions', { exclusions: null as unknown as MeansTestExclusions }],
    [
      'exclusions.privateVehicleNotForWork',
      { exclusions: { ...NO_EXCLUSIONS, privateVehicleNotForWork: undefined as unknown as boolean } },
    ],
  ])('%s: %j throws a RangeError naming the field', (field, overrides) => {
    const run = () => runMeansTest(household(overrides));
    expect(run).toThrow(RangeError);
    expect(run).toThrow(field);
  });
});
