import { DateInput, type DateInputProps } from '@mantine/dates';
import { useState, type FocusEvent } from 'react';
import { useT } from '../i18n';
import { parseClerkDate } from '@shared/domain/clerk-date';

type Problem = { key: 'validation.dateUnreadable' | 'validation.dateAfter' | 'validation.dateBefore'; text: string };

/**
 * A date field that refuses what it cannot read and says so. Mantine's own parser rolls 2019/13/1 over to
 * 2020-01-01, and on leaving the field quietly puts back the old value for text it cannot read or a day outside
 * minDate–maxDate (2019年3月1日, a future date): a silent change the clerk does not see. Here such text empties the
 * field and the error under it quotes what was typed.
 */
export function ClerkDateInput({ error, onBlur, onChange, minDate, maxDate, ...props }: DateInputProps) {
  const t = useT();
  const [problem, setProblem] = useState<Problem | null>(null);
  const min = typeof minDate === 'string' ? minDate : null;
  const max = typeof maxDate === 'string' ? maxDate : null;

  const checkTyped = (event: FocusEvent<HTMLInputElement>) => {
    // Read before DateInput puts its formatted value back into the box.
    const text = event.currentTarget.value.trim();
    const date = text === '' ? null : parseClerkDate(text);
    let found: Problem | null = null;
    if (text !== '' && date === null) found = { key: 'validation.dateUnreadable', text };
    else if (date !== null && max !== null && date > max) found = { key: 'validation.dateAfter', text };
    else if (date !== null && min !== null && date < min) found = { key: 'validation.dateBefore', text };
    setProblem(found);
    if (found) onChange?.(null);
    onBlur?.(event);
  };

  return (
    <DateInput
      {...props}
      minDate={minDate}
      maxDate={maxDate}
      dateParser={parseClerkDate}
      onChange={(value) => {
        setProblem(null);
        onChange?.(value);
      }}
      onBlur={checkTyped}
      error={problem ? t(problem.key, { text: problem.text, min: min ?? '', max: max ?? '' }) : error}
    />
  );
}
