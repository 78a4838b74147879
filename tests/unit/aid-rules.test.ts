import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { capAmount, shareOf, standardAmount, type AidStandard, type StandardFacts } from '@shared/domain/aid';

const facts = (over: Partial<StandardFacts> = {}): StandardFacts => ({
  category: 'deep',
  lowLineFen: null,
  baseFen: null,
  schoolStage: null,
  ...over,
});

describe('a program standard gives', () => {
  it('living aid as months of the 低保 line in force, by category', () => {
    const standard: AidStandard = { kind: 'lowLineMonths', monthsByCategory: { deep: 10, relative: 8 } };
    expect(standardAmount(standard, facts({ lowLineFen: 94_000 }))).toEqual({
      rule: 'lowLineMonths',
      category: 'deep',
      lowLineFen: 94_000,
      months: 10,
      amountFen: 940_000,
    });
    expect(standardAmount(standard, facts({ category: 'relative', lowLineFen: 94_000 }))).toMatchObject({ amountFen: 752_000 });
    expect(standardAmount(standard, facts({ category: 'accident', lowLineFen: 94_000 }))).toEqual({
      refused: 'categoryNotCovered',
      category: 'accident',
    });
    expect(standardAmount(standard, facts())).toEqual({ refused: 'noLowLine' });
    expect(standardAmount(standard, facts({ category: null }))).toEqual({ refused: 'noCategory' });
  });

  it('medical aid as a share of the self-paid part, capped by category', () => {
    const standard: AidStandard = {
      kind: 'billShare',
      byCategory: { deep: { percent: 100, capFen: 2_000_000 }, relative: { percent: 80, capFen: 1_600_000 } },
    };
    expect(standardAmount(standard, facts({ category: 'relative', baseFen: 1_000_000 }))).toMatchObject({
      shareFen: 800_000,
      amountFen: 800_000,
    });
    expect(standardAmount(standard, facts({ category: 'relative', baseFen: 3_000_000 }))).toMatchObject({
      shareFen: 2_400_000,
      amountFen: 1_600_000,
    });
    expect(standardAmount(standard, facts({ category: 'relative' }))).toEqual({ refused: 'noBase' });
  });

  it('a fixed sum, another for a category when set', () => {
    const standard: AidStandard = { kind: 'fixed', amountFen: 50_000, byCategory: { deep: 80_000 } };
    expect(standardAmount(standard, facts())).toMatchObject({ amountFen: 80_000, category: 'deep' });
    expect(standardAmount(standard, facts({ category: 'relative' }))).toMatchObject({ amountFen: 50_000, category: null });
  });

  it('education aid per student by school level', () => {
    const standard: AidStandard = { kind: 'perStudent', byStage: { college: 500_000, senior: 300_000 } };
    expect(standardAmount(standard, facts({ schoolStage: 'college' }))).toMatchObject({ amountFen: 500_000 });
    expect(standardAmount(standard, facts({ schoolStage: 'primary' }))).toEqual({ refused: 'stageNotCovered', schoolStage: 'primary' });
  });

  it('a share of a loss, capped; an emergency cap; a service without money', () => {
    expect(standardAmount({ kind: 'lossShare', percent: 50, capFen: 1_000_000 }, facts({ baseFen: 3_000_001 }))).toMatchObject({
      shareFen: 1_500_000,
      amountFen: 1_000_000,
    });
    expect(standardAmount({ kind: 'emergency', capFen: 200_000 }, facts({ category: null }))).toMatchObject({ amountFen: 200_000 });
    expect(standardAmount({ kind: 'service' }, facts())).toEqual({ rule: 'service', amountFen: 0 });
  });
});

describe('shares are exact to the fen, rounded down', () => {
  it('for sums far past what floating point holds', () => {
    expect(shareOf(9_007_199_254_740_991, 80)).toBe(7_205_759_403_792_792);
    expect(shareOf(333, 33.33)).toBe(110);
    expect(shareOf(1, 99.99)).toBe(0);
  });
});

describe('caps of the year', () => {
  it('the example of the issue: deep, ¥940 × 10, ¥3,000 already paid → at most ¥6,400', () => {
    const capped = capAmount({
      standardFen: 940_000,
      usedInProgramFen: 300_000,
      typeYear: { type: 'living', limitFen: null, usedFen: 300_000 },
      totalYear: { limitFen: null, usedFen: 300_000 },
      budget: { limitFen: null, usedFen: 0 },
    });
    expect(capped).toMatchObject({ maxFen: 640_000, suggestedFen: 640_000, limitedBy: null, overBudget: false });
  });

  it('the lowest cap decides, and the budget only lowers the suggestion', () => {
    const capped = capAmount({
      standardFen: 500_000,
      usedInProgramFen: 0,
      typeYear: { type: 'living', limitFen: 800_000, usedFen: 500_000 },
      totalYear: { limitFen: 1_000_000, usedFen: 900_000 },
      budget: { limitFen: 10_000_000, usedFen: 9_950_000 },
    });
    expect(capped).toMatchObject({ maxFen: 100_000, limitedBy: 'totalYear', suggestedFen: 50_000, overBudget: true });
  });

  it('never gives more than any limit left, never less than nothing (property)', () => {
    const money = fc.integer({ min: 0, max: 10_000_000 });
    const limit = fc.option(money, { nil: null });
    fc.assert(
      fc.property(
        money,
        money,
        limit,
        money,
        limit,
        money,
        limit,
        money,
        (standard, usedProgram, typeLimit, typeUsed, totalLimit, totalUsed, budget, budgetUsed) => {
          const capped = capAmount({
            standardFen: standard,
            usedInProgramFen: usedProgram,
            typeYear: { type: 'medical', limitFen: typeLimit, usedFen: typeUsed },
            totalYear: { limitFen: totalLimit, usedFen: totalUsed },
            budget: { limitFen: budget, usedFen: budgetUsed },
          });
          expect(capped.maxFen).toBeGreaterThanOrEqual(0);
          expect(capped.maxFen).toBeLessThanOrEqual(Math.max(0, standard - usedProgram));
          if (typeLimit !== null) expect(capped.maxFen).toBeLessThanOrEqual(Math.max(0, typeLimit - typeUsed));
          if (totalLimit !== null) expect(capped.maxFen).toBeLessThanOrEqual(Math.max(0, totalLimit - totalUsed));
          expect(capped.suggestedFen).toBeLessThanOrEqual(capped.maxFen);
          if (budget !== null) expect(capped.suggestedFen).toBeLessThanOrEqual(Math.max(0, budget - budgetUsed));
          expect(capped.overBudget).toBe(capped.suggestedFen < capped.maxFen);
        },
      ),
      { numRuns: 2000 },
    );
  });
});
