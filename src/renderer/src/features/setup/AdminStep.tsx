import { Button, Group, Stack, TextInput } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { ErrorAlert } from '../../components/ErrorAlert';
import { ConfirmPasswordInput, NewPasswordInput, newPasswordAcceptable } from '../../components/NewPasswordInput';
import { UsernameInput, usernameValid } from '../../components/UsernameInput';
import { displayNameValid } from '../../components/validation';
import type { AppErrorShape } from '@shared/errors';
import { useT } from '../../i18n';
import type { AdminValues } from './setup-values';
import { requiredField } from '../../components/required-field';

interface AdminStepProps {
  values: AdminValues;
  onChange: (values: AdminValues) => void;
  onBack: () => void;
  onSubmit: () => void;
  submitting: boolean;
  error: AppErrorShape | null;
}

export function AdminStep({ values, onChange, onBack, onSubmit, submitting, error }: AdminStepProps) {
  const t = useT();
  const [submitted, setSubmitted] = useState(false);
  const set = <K extends keyof AdminValues>(key: K, value: AdminValues[K]) => onChange({ ...values, [key]: value });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setSubmitted(true);
    const ok =
      usernameValid(values.username) &&
      displayNameValid(values.displayName) &&
      newPasswordAcceptable(values.password, values.username, values.confirmation);
    if (ok) onSubmit();
  };

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="md">
        <ErrorAlert error={error} />
        <UsernameInput
          label={t('setup.username')}
          value={values.username}
          onChange={(value) => set('username', value)}
          showErrors={submitted}
          autoFocus
        />
        <TextInput
          label={t('setup.displayName')}
          value={values.displayName}
          onChange={(event) => set('displayName', event.currentTarget.value)}
          maxLength={40}
          {...requiredField}
          error={submitted && !displayNameValid(values.displayName) ? t('validation.displayName') : undefined}
        />
        <NewPasswordInput
          label={t('setup.password')}
          value={values.password}
          onChange={(value) => set('password', value)}
          username={values.username}
          showErrors={submitted}
        />
        <ConfirmPasswordInput
          label={t('setup.confirmPassword')}
          value={values.confirmation}
          onChange={(value) => set('confirmation', value)}
          password={values.password}
          showErrors={submitted}
        />
        <Group justify="space-between">
          <Button variant="default" onClick={onBack} disabled={submitting}>
            {t('common.back')}
          </Button>
          <Button type="submit" loading={submitting}>
            {t('setup.create')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
