import { TextInput, Textarea } from '@mantine/core';
import type { AidSuggestion } from '@shared/contract/aid';
import { formatYuan } from '../../components/money';
import { requiredField } from '../../components/required-field';
import { useT } from '../../i18n';
import { budgetLeft, type AmountCheck, type AmountState } from './amount-check';
import { yuanText } from './yuan';

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
