import { PasswordInput } from '@mantine/core';
import { useState, type ReactNode } from 'react';
import type { SessionInfo } from '@shared/contract/auth';
import { useMutation } from '../../api/hooks';
import { FormActions } from '../../components/FormActions';
import { ConfirmPasswordInput, NewPasswordInput, newPasswordAcceptable } from '../../components/NewPasswordInput';
import { StackedForm } from '../../components/StackedForm';
import { useT } from '../../i18n';
import { requiredField } from '../../components/required-field';

interface ChangePasswordFormProps {
  username: string;
  /** The forced change asks for the temporary password, the voluntary one for the current password. */
  temporary?: boolean;
  onChanged: (info: SessionInfo) => void;
  /** Puts 取消 left of the submit button (the voluntary change, in a dialog). */
  onCancel?: () => void;
  /** Other buttons left of the submit button (sign out). */
  extraActions?: ReactNode;
}

export function ChangePasswordForm({ username, temporary, onChanged, onCancel, extraActions }: ChangePasswordFormProps) {
  const t = useT();
  const change = useMutation('auth.changePassword');
  const [currentPassword, setCurrentPassword] = useState('');
  const [newPassword, setNewPassword] = useState('');
  const [confirmation, setConfirmation] = useState('');
  const [submitted, setSubmitted] = useState(false);

  const submit = async () => {
    setSubmitted(true);
    if (!currentPassword || !newPasswordAcceptable(newPassword, username, confirmation)) return;
    const result = await change.run({ currentPassword, newPassword });
    if (result.ok) onChanged(result.data);
  };

  return (
    <StackedForm onSubmit={submit} error={change.error}>
      <PasswordInput
        label={temporary ? t('password.currentTemporary') : t('password.current')}
        value={currentPassword}
        onChange={(event) => setCurrentPassword(event.currentTarget.value)}
        autoComplete="current-password"
        {...requiredField}
        error={submitted && !currentPassword ? t('validation.required') : undefined}
        data-autofocus
      />
      <NewPasswordInput
        label={t('password.next')}
        value={newPassword}
        onChange={setNewPassword}
        username={username}
        showErrors={submitted}
      />
      <ConfirmPasswordInput
        label={t('password.confirm')}
        value={confirmation}
        onChange={setConfirmation}
        password={newPassword}
        showErrors={submitted}
      />
      <FormActions submitLabel={t('password.submit')} loading={change.running} onCancel={onCancel}>
        {extraActions}
      </FormActions>
    </StackedForm>
  );
}
