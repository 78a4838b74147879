/**
 * The aid dialogs' amounts typed in yuan, read as integer fen by the same parser as the hardship form's money fields
 * (components/money.ts), and the same words for a bad amount (files.draftChecks.money).
 */
import { formatYuan, moneyProblem, parseYuan } from '../../components/money';
import type { useT } from '../../i18n';

type T = ReturnType<typeof useT>;

/** Fen as the clerk would type it back: 5000, 1234.5 → "5000.00", "1234.50" (no thousands separators). */
export function yuanText(fen: number): string {
  return formatYuan(fen).replace(/,/g, '');
}

export interface ReadYuan {
  /** Null while empty or unreadable. */
  fen: number | null;
  /** What is wrong, in words, or null (an empty field is not wrong: the form says it is missing). */
  error: string | null;
}

export function readYuan(t: T, text: string): ReadYuan {
  const problem = moneyProblem(text);
  if (problem) return { fen: null, error: t(`files.draftChecks.money.${problem}`) };
  return { fen: text.trim() === '' ? null : parseYuan(text), error: null };
}
