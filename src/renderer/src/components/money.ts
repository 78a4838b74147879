/**
 * Money as clerks type and read it: yuan with up to two decimals, kept as integer fen (docs/architecture.md §4). Parsed
 * from the text, never through a floating-point number (1320.10 × 100 is not 132010 in floating point).
 */
import { toHalfWidth } from '@shared/domain/half-width';

export { formatYuan } from '@shared/domain/money';

/** "1320", "1,320.5", "¥1320.50", full-width digits → fen; null when it is not an amount. */
export function parseYuan(text: string): number | null {
  const cleaned = toHalfWidth(text).replace(/[\s,，¥￥元]/g, '');
  const match = /^(\d{1,9})(?:\.(\d{1,2}))?$/.exec(cleaned);
  if (!match) return null;
  return Number(match[1]) * 100 + Number((match[2] ?? '').padEnd(2, '0'));
}

export type MoneyProblem = 'negative' | 'decimals' | 'invalid';

/**
 * What is wrong with an amount as typed, or null when parseYuan reads it (empty included): a negative amount and more
 * than two decimals (12000.555) are named, so the field can say so at once rather than "invalid".
 */
export function moneyProblem(text: string): MoneyProblem | null {
  const cleaned = toHalfWidth(text).replace(/[\s,，¥￥元]/g, '');
  if (cleaned === '') return null;
  if (/^[-−]/.test(cleaned)) return 'negative';
  if (/^\d+\.\d{3,}$/.test(cleaned)) return 'decimals';
  return parseYuan(cleaned) === null ? 'invalid' : null;
}
