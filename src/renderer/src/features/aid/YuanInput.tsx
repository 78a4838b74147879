import { TextInput, type TextInputProps } from '@mantine/core';
import { moneyProblem } from '../../components/money';
import { useT } from '../../i18n';

/**
 * An amount typed in yuan (1320, 1,320.50, ¥1320) and kept as the text; the form reads it with parseYuan into
 * integer fen. A negative amount or a third decimal is said at once, as in the hardship form's money fields.
 */
export function YuanInput({
  value,
  onChange,
  error,
  ...props
}: Omit<TextInputProps, 'value' | 'onChange'> & { value: string; onChange: (text: string) => void }) {
  const t = useT();
  const problem = moneyProblem(value);
  // "12." is on its way to "12.5": not said until the clerk types on.
  const typing = problem === 'invalid' && /\.\s*$/.test(value);
  return (
    <TextInput
      inputMode="decimal"
      maxLength={16}
      leftSection="¥"
      value={value}
      onChange={(event) => onChange(event.currentTarget.value)}
      error={problem && !typing ? t(`files.draftChecks.money.${problem}`) : error}
      {...props}
    />
  );
}
