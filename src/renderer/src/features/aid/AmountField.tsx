import { TextInput, Textarea } from '@mantine/core';
import type { AidSuggestion } from '@shared/contract/aid';
import { formatYuan } from '../../components/money';
import { requiredField } from '../../components/required-field';
import { useT } from '../../i18n';
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
  lowered: boolean;
  overBudget: boolean;
  missing: string[];
}

/** The budget still left (the suggestion's budget line), or null for a program without a budget. */
function budgetLeft(s: AidSuggestion): number | null {
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
  const lowered = ok && fen < s.suggestedFen;
  const overBudget = ok && left !== null && fen > left;
  const missing = [
    ...(fen === null || error ? [t('aidPay.missingAmount')] : []),
    ...(lowered && state.adjustReason.trim().length < 2 ? [t('aidPay.missingAdjustReason')] : []),
    ...(overBudget && state.overBudgetReason.trim().length < 2 ? [t('aidPay.missingOverBudget')] : []),
  ];
  return { fen: ok ? fen : null, limitFen, error, lowered, overBudget, missing };
}

/** 本次发放金额 pre-filled with the suggestion, with 本次最多 ¥… under it and the reasons it then asks for. */
export function AmountField({
  suggestion,
  state,
  check,
  onChange,
}: {
  suggestion: AidSuggestion;
  state: AmountState;
  check: AmountCheck;
  onChange: (state: AmountState) => void;
}) {
  const t = useT();
  const left = budgetLeft(suggestion);
  return (
    <>
      <TextInput
        label={t('aidPay.amount')}
        description={t('aidPay.amountMax', { max: formatYuan(check.limitFen) })}
        value={state.text ?? yuanText(suggestion.suggestedFen)}
        onChange={(e) => onChange({ ...state, text: e.currentTarget.value })}
        inputMode="decimal"
        error={check.error}
        {...requiredField}
      />
      {check.lowered && (
        <Textarea
          label={t('aidPay.adjustReason')}
          description={t('aidPay.adjustHint', { suggested: formatYuan(suggestion.suggestedFen) })}
          value={state.adjustReason}
          onChange={(e) => onChange({ ...state, adjustReason: e.currentTarget.value })}
          autosize
          minRows={1}
          maxLength={200}
          {...requiredField}
        />
      )}
      {check.overBudget && (
        <Textarea
          label={t('aidPay.overBudgetReason')}
          description={t('aidPay.overBudget', { left: formatYuan(left ?? 0) })}
          value={state.overBudgetReason}
          onChange={(e) => onChange({ ...state, overBudgetReason: e.currentTarget.value })}
          autosize
          minRows={1}
          maxLength={200}
          {...requiredField}
        />
      )}
    </>
  );
}
