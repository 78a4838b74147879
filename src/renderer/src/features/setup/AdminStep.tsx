import { Button } from '@mantine/core';
import { useState } from 'react';
import { DisplayNameInput } from '../../components/DisplayNameInput';
import { FormActions } from '../../components/FormActions';
import { ConfirmPasswordInput, NewPasswordInput, newPasswordAcceptable } from '../../components/NewPasswordInput';
import { StackedForm } from '../../components/StackedForm';
import { UsernameInput, usernameValid } from '../../components/UsernameInput';
import { displayNameValid } from '../../components/validation';
import type { AppErrorShape } from '@shared/errors';
import { useT } from '../../i18n';
import type { AdminValues } from './setup-values';

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

  const submit = () => {
    setSubmitted(true);
    const ok =
      usernameValid(values.username) &&
      displayNameValid(values.displayName) &&
      newPasswordAcceptable(values.password, values.username, values.confirmation);
    if (ok) onSubmit();
  };

  return (
    <StackedForm onSubmit={submit} error={error}>
      <UsernameInput
        label={t('setup.username')}
        value={values.username}
        onChange={(value) => set('username', value)}
        showErrors={submitted}
        autoFocus
      />
      <DisplayNameInput
        label={t('setup.displayName')}
        value={values.displayName}
        onChange={(value) => set('displayName', value)}
        showErrors={submitted}
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
      <FormActions submitLabel={t('setup.create')} loading={submitting} justify="space-between">
        <Button variant="default" onClick={onBack} disabled={submitting}>
          {t('common.back')}
        </Button>
      </FormActions>
    </StackedForm>
  );
}
