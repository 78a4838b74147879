import { Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import { checkPhone } from '@shared/domain/phone';
import { useT } from '../../i18n';

interface PhoneInputProps {
  value: string;
  onChange: (value: string) => void;
  showErrors: boolean;
}

/** 手机/电话, checked with the core's rule: a mobile, or a landline with its area code (and an extension). */
export function PhoneInput({ value, onChange, showErrors }: PhoneInputProps) {
  const t = useT();
  const [left, setLeft] = useState(false);
  const check = value.trim() ? checkPhone(value) : null;
  const error = check && !check.ok && (left || showErrors) ? t('memberForm.phoneBad') : undefined;

  let note = { text: t('memberForm.phoneHint'), color: 'dimmed' };
  if (check?.ok) {
    note = {
      text: check.kind === 'mobile' ? t('memberForm.phoneMobile') : t('memberForm.phoneLandline', { phone: check.phone }),
      color: 'green.8',
    };
  }

  return (
    <TextInput
      label={t('memberForm.phone')}
      value={value}
      onChange={(event) => onChange(event.currentTarget.value)}
      onBlur={() => setLeft(true)}
      inputMode="tel"
      autoComplete="off"
      maxLength={40}
      description={
        !error && (
          <Text component="span" size="xs" c={note.color}>
            {note.text}
          </Text>
        )
      }
      inputWrapperOrder={['label', 'input', 'description', 'error']}
      error={error}
    />
  );
}
