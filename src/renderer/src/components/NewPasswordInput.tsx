import { PasswordInput, Text } from '@mantine/core';
import { useState } from 'react';
import { passwordProblem } from '@shared/domain/password';
import { useT } from '../i18n';
import { passwordProblemMessage } from '../i18n/errors';
import { requiredField } from './required-field';

interface NewPasswordInputProps {
  label: string;
  value: string;
  onChange: (value: string) => void;
  /** The account's user name: a password containing it is refused. */
  username: string;
  /** Show problems as errors even if the field was never left (the form was submitted). */
  showErrors?: boolean;
  autoFocus?: boolean;
}

/**
 * A new password with the core's own rule (passwordProblem) applied while typing: the problem shows quietly
 * under the field as the clerk types, and as an error once they leave the field or submit.
 */
export function NewPasswordInput({ label, value, onChange, username, showErrors, autoFocus }: NewPasswordInputProps) {
  const t = useT();
  const [left, setLeft] = useState(false);
  const problem = value ? passwordProblem(value, username) : null;
  const asError = Boolean(problem) && (left || showErrors);
  const required = showErrors && !value;

  let description = t('setup.passwordHint');
  let descriptionColor = 'dimmed';
  if (problem && !asError) {
    description = passwordProblemMessage(problem);
    descriptionColor = 'orange.8';
  } else if (value && !problem) {
    description = t('validation.passwordOk');
    descriptionColor = 'green.8';
  }

  return (
    <PasswordInput
      label={label}
      value={value}
      onChange={(event) => onChange(event.currentTarget.value)}
      onBlur={() => setLeft(true)}
      autoComplete="new-password"
      autoFocus={autoFocus}
      {...requiredField}
      description={
        <Text component="span" size="xs" c={descriptionColor}>
          {description}
        </Text>
      }
      inputWrapperOrder={['label', 'input', 'description', 'error']}
      error={required ? t('validation.required') : asError && problem ? passwordProblemMessage(problem) : undefined}
    />
  );
}

interface ConfirmPasswordInputProps {
  label: string;
  value: string;
  onChange: (value: string) => void;
  password: string;
  showErrors?: boolean;
}

export function ConfirmPasswordInput({ label, value, onChange, password, showErrors }: ConfirmPasswordInputProps) {
  const t = useT();
  const [left, setLeft] = useState(false);
  const mismatch = value !== password && (left || showErrors || value.length >= password.length) && (value || showErrors);
  return (
    <PasswordInput
      label={label}
      value={value}
      onChange={(event) => onChange(event.currentTarget.value)}
      onBlur={() => setLeft(true)}
      autoComplete="new-password"
      {...requiredField}
      error={mismatch ? t('validation.passwordMismatch') : undefined}
    />
  );
}

/** Whether a new password (and its confirmation, when asked for) may be submitted. */
export function newPasswordAcceptable(password: string, username: string, confirmation?: string): boolean {
  if (!password || passwordProblem(password, username)) return false;
  return confirmation === undefined || confirmation === password;
}
