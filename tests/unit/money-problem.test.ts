import { describe, expect, it } from 'vitest';
import { moneyProblem, parseYuan } from '@renderer/components/money';

describe('an amount as typed in a form', () => {
  it.each([
    ['', null],
    ['1320', null],
    ['1320.5', null],
    ['12,000.55', null],
    ['１２０００.５５', null],
    ['-500', 'negative'],
    ['−500', 'negative'],
    ['12000.555', 'decimals'],
    ['0.001', 'decimals'],
    ['12a', 'invalid'],
    ['1.2.3', 'invalid'],
    ['1234567890', 'invalid'],
  ] as const)('%j → %s', (text, problem) => {
    expect(moneyProblem(text)).toBe(problem);
    // A problem exactly when the amount cannot be read (an empty field is 0, read by the form).
    if (text !== '') expect(parseYuan(text) === null).toBe(problem !== null);
  });
});
