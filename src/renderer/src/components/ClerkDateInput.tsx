import { DateInput, type DateInputProps } from '@mantine/dates';
import { useState, type FocusEvent, type InputEvent, type KeyboardEvent } from 'react';
import { parseClerkDate, readClerkDate } from '@shared/domain/clerk-date';
import { useT } from '../i18n';
import { todayIso } from './format';

type ProblemKey =
  'validation.dateUnreadable' | 'validation.dateImpossible' | 'validation.dateAfter' | 'validation.dateFuture' | 'validation.dateBefore';
type Judged = { date: string | null; problem: ProblemKey | null };

/** What the typed text means, against the field's bounds. `today` turns a maxDate of today into 不能是将来的日期. */
function judge(text: string, min: string | null, max: string | null, today: string | null): Judged {
  if (text.trim() === '') return { date: null, problem: null };
  const read = readClerkDate(text);
  if (!read.ok) return { date: null, problem: read.problem === 'IMPOSSIBLE' ? 'validation.dateImpossible' : 'validation.dateUnreadable' };
  if (max !== null && read.date > max) return { date: null, problem: max === today ? 'validation.dateFuture' : 'validation.dateAfter' };
  if (min !== null && read.date < min) return { date: null, problem: 'validation.dateBefore' };
  return { date: read.date, problem: null };
}

export interface ClerkDateInputProps extends DateInputProps {
  /**
   * Told, as the clerk types, what is wrong with the text in the box (the message shown under the field), or null
   * when the box is empty or holds a date that was taken. A form uses it to hold back its submit: the value alone
   * is null both for an empty field and for text that was refused.
   */
  onProblem?: (problem: string | null) => void;
  /**
   * A narrow field in a row of filters: the message under it is the short one (没有这一天，请核对), which fits in one
   * or two lines without pushing the row apart; the label and the text in the box already say which and what.
   */
  compact?: boolean;
}

/**
 * A date field that reads what the clerk typed the way the core and the imports do (shared/domain/clerk-date.ts)
 * and never changes it silently. Mantine's DateInput on its own keeps the last text that parsed while typing (typing
 * 2031-01-01 with a maxDate stopped at 0203-01-01 with the default parser) and on leaving the field puts that value
 * back. Here:
 * - the value is whatever the whole text means now: text that is not a real day within the bounds makes it empty at
 *   once, so Enter cannot submit a half-typed date;
 * - leaving the field (or Enter) with such text keeps the text in the box and says under it, naming the field, why it
 *   was not taken (cannot read, no such day, after today, outside the bounds);
 * - Esc while the calendar is open closes the calendar only, not the dialog around it;
 * - the box shows YYYY-MM-DD unless told otherwise; the calendar's header reads 2026年12月 (App.tsx sets its locale).
 * Its props are DateInputProps, so it replaces a DateInput as it is.
 */
export function ClerkDateInput({
  error,
  onBlur,
  onChange,
  onKeyDown,
  onInput,
  minDate,
  maxDate,
  valueFormat = 'YYYY-MM-DD',
  popoverProps,
  onProblem,
  compact = false,
  ...props
}: ClerkDateInputProps) {
  const t = useT();
  const [problem, setProblem] = useState<{ key: ProblemKey; text: string } | null>(null);
  const [typedBad, setTypedBad] = useState(false);
  const [pickerOpen, setPickerOpen] = useState(false);
  const [today] = useState(todayIso);
  const min = typeof minDate === 'string' ? minDate : null;
  const max = typeof maxDate === 'string' ? maxDate : null;
  const fieldName =
    typeof props.label === 'string' ? props.label : typeof props['aria-label'] === 'string' ? props['aria-label'] : t('fields.date');

  const say = (key: ProblemKey, text: string) => t(key, { field: fieldName, text: text.trim(), min: min ?? '', max: max ?? '' });

  const typed = (event: InputEvent<HTMLInputElement>) => {
    const text = event.currentTarget.value;
    const { date, problem: found } = judge(text, min, max, today);
    setTypedBad(found !== null);
    onProblem?.(found ? say(found, text) : null);
    setProblem(null);
    // DateInput sets the value only for text it can read; for any other text the value must not stay behind.
    if (date === null) onChange?.(null);
    onInput?.(event);
  };

  const check = (text: string) => {
    const { problem: found } = judge(text, min, max, today);
    setProblem(found ? { key: found, text: text.trim() } : null);
  };

  return (
    <DateInput
      {...props}
      valueFormat={valueFormat}
      // The calendar's header as Chinese writes it (2026年12月), not the locale's default "十二月 2026".
      monthLabelFormat={t('validation.calendarMonth')}
      yearLabelFormat={t('validation.calendarYear')}
      minDate={minDate}
      maxDate={maxDate}
      dateParser={parseClerkDate}
      // Text that was not taken stays in the box, to be corrected; a date that was taken is shown as YYYY-MM-DD.
      fixOnBlur={!typedBad}
      popoverProps={{
        ...popoverProps,
        onOpen: () => {
          setPickerOpen(true);
          popoverProps?.onOpen?.();
        },
        onClose: () => {
          setPickerOpen(false);
          popoverProps?.onClose?.();
        },
      }}
      // Mantine's Modal leaves an Escape alone when its target carries this: the open calendar takes it.
      data-mantine-stop-propagation={pickerOpen ? 'true' : undefined}
      onInput={typed}
      onChange={(value) => {
        setProblem(null);
        setTypedBad(false);
        onProblem?.(null);
        onChange?.(value);
      }}
      onBlur={(event: FocusEvent<HTMLInputElement>) => {
        check(event.currentTarget.value);
        onBlur?.(event);
      }}
      onKeyDown={(event: KeyboardEvent<HTMLInputElement>) => {
        if (event.key === 'Enter') check(event.currentTarget.value);
        onKeyDown?.(event);
      }}
      error={problem ? (compact ? t(`${problem.key}Short`, { min: min ?? '', max: max ?? '' }) : say(problem.key, problem.text)) : error}
    />
  );
}
