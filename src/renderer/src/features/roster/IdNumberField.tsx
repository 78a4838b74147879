import { Group, Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import { checkIdNumber, normalizeIdNumber } from '@shared/domain/id-number';
import { MONOSPACE } from '../../components/CodeInputs';
import { requiredField } from '../../components/required-field';
import { useT } from '../../i18n';
import { idProblemMessage } from '../../i18n/errors';

interface IdNumberFieldProps {
  value: string;
  onChange: (value: string) => void;
  today: string;
  showErrors: boolean;
  description?: string;
}

/**
 * 身份证号, checked as it is typed with the core's rule (GB 11643): the gender and birth date it encodes are
 * shown beside it, read-only, and a mistake is said in words once the number is complete or the field is left.
 * Full-width digits, spaces and a lower-case x are normalised as they come.
 */
export function IdNumberField({ value, onChange, today, showErrors, description }: IdNumberFieldProps) {
  const t = useT();
  const [left, setLeft] = useState(false);
  const check = checkIdNumber(value, today);
  const judged = left || showErrors || value.length >= 18;
  const error = !check.ok && judged && (value || showErrors) ? idProblemMessage(check.problem) : undefined;

  let note: { text: string; color: string } | null = null;
  if (check.ok && check.warnings.length > 0) {
    note = { text: check.warnings.map((warning) => t(`idWarnings.${warning}`)).join('；'), color: 'orange.8' };
  } else if (check.ok) {
    note = { text: description ?? t('memberForm.idOk'), color: description ? 'dimmed' : 'green.8' };
  }

  const derived = { readOnly: true, variant: 'filled', tabIndex: -1 } as const;
  return (
    <Group align="flex-start" gap="sm" wrap="nowrap">
      <TextInput
        label={t('memberForm.idNumber')}
        value={value}
        onChange={(event) => onChange(normalizeIdNumber(event.currentTarget.value))}
        onBlur={() => setLeft(true)}
        autoComplete="off"
        spellCheck={false}
        {...requiredField}
        description={
          // The problem replaces the hint rather than standing under it.
          !error && (
            <Text component="span" size="xs" c={note?.color ?? 'dimmed'} data-testid="id-number-note">
              {note?.text ?? description ?? t('memberForm.idHint')}
            </Text>
          )
        }
        inputWrapperOrder={['label', 'input', 'description', 'error']}
        error={error}
        styles={{ input: MONOSPACE }}
        style={{ flex: 1 }}
      />
      <TextInput label={t('memberForm.gender')} value={check.ok ? t(`genders.${check.gender}`) : ''} {...derived} w={70} />
      <TextInput label={t('memberForm.birthDate')} value={check.ok ? check.birthDate : ''} {...derived} w={120} />
    </Group>
  );
}
