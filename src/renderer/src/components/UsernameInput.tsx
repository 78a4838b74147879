import { TextInput } from '@mantine/core';
import { useState } from 'react';
import { useT } from '../i18n';
import { requiredField } from './required-field';

/** The contract's rule for user names, after it trims and lower-cases them. */
const USERNAME = /^[a-z0-9._-]{3,32}$/;

export function usernameValid(username: string): boolean {
  return USERNAME.test(username.trim().toLowerCase());
}

interface UsernameInputProps {
  label: string;
  value: string;
  onChange: (value: string) => void;
  showErrors?: boolean;
  autoFocus?: boolean;
}

export function UsernameInput({ label, value, onChange, showErrors, autoFocus }: UsernameInputProps) {
  const t = useT();
  const [left, setLeft] = useState(false);
  // An empty field is only an error once the form is submitted: leaving it (or a lock taking focus) is not.
  const invalid = ((left && value !== '') || showErrors) && !usernameValid(value);
  return (
    <TextInput
      label={label}
      value={value}
      // Shown as it will be stored: the core lower-cases user names.
      onChange={(event) => onChange(event.currentTarget.value.toLowerCase())}
      onBlur={() => setLeft(true)}
      description={t('validation.usernameFormat')}
      autoComplete="off"
      autoCapitalize="none"
      spellCheck={false}
      autoFocus={autoFocus}
      {...requiredField}
      error={invalid ? t('validation.usernameFormat') : undefined}
    />
  );
}
