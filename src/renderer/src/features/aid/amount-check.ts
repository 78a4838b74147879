/**
 * The amount of a payment against its suggestion (AmountField): never above the caps; below the suggestion only with a
 * reason (but 临时救助's sum is a most, not a standard: less needs none, shared/domain/aid.ts loweringNeedsReason); over the budget left only by an administrator, with a reason. Pure, so the rules are tested without a screen.
 */
import type { AidSuggestion } from '@shared/contract/aid';
import { loweringNeedsReason } from '@shared/domain/aid';
import { formatYuan } from '../../components/money';
import type { useT } from '../../i18n';
import { readYuan, yuanText } from './yuan';

type T = ReturnType<typeof useT>;

export interface AmountState {
  /** What the clerk typed; null while the field still shows the suggestion. */
  text: string | null;
  adjustReason: string;
  overBudgetReason: string;
}

export const NO_AMOUNT: AmountState = { text: null, adjustReason: '', overBudgetReason: '' };

export interface AmountCheck {
  fen: number | null;
  /** The most this person may pay: the caps' max, and the budget left unless an administrator may go over it. */
  limitFen: number;
  error: string | null;
  /** Below the suggestion where that needs a reason (never for 临时救助, whose sum is a most per case). */
  lowered: boolean;
  overBudget: boolean;
  missing: string[];
}

/** The budget still left (the suggestion's budget line), or null for a program without a budget. */
export function budgetLeft(s: AidSuggestion): number | null {
  return s.lines.find((l) => l.cap === 'budget')?.leftFen ?? null;
}

/** The amount against the suggestion: never above the caps; below it with a reason; over the budget by an administrator. */
export function checkAmount(t: T, s: AidSuggestion, state: AmountState, isAdmin: boolean): AmountCheck {
  const read = readYuan(t, state.text ?? yuanText(s.suggestedFen));
  const left = budgetLeft(s);
  const limitFen = isAdmin || left === null ? s.maxFen : Math.min(s.maxFen, left);
  const fen = read.fen;
  const error = read.error ?? (fen !== null && fen > limitFen ? t('aidPay.overMax', { max: formatYuan(limitFen) }) : null);
  const ok = error === null && fen !== null;
  const lowered = ok && fen < s.suggestedFen && loweringNeedsReason(s.basis);
  const overBudget = ok && left !== null && fen > left;
  const missing = [
    // A typed amount that cannot be paid is named as such, not as if nothing had been typed.
    ...(error ? [t('aidPay.missingAmountFix')] : fen === null ? [t('aidPay.missingAmount')] : []),
    ...(lowered && state.adjustReason.trim().length < 2 ? [t('aidPay.missingAdjustReason')] : []),
    ...(overBudget && state.overBudgetReason.trim().length < 2 ? [t('aidPay.missingOverBudget')] : []),
  ];
  return { fen: ok ? fen : null, limitFen, error, lowered, overBudget, missing };
}
