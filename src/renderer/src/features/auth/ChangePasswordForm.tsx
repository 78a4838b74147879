import { Button, Group, PasswordInput, Stack } from '@mantine/core';
import { useState, type FormEvent, type ReactNode } from 'react';
import type { SessionInfo } from '@shared/contract/auth';
import { useMutation } from '../../api/hooks';
import { ErrorAlert } from '../../components/ErrorAlert';
import { ConfirmPasswordInput, NewPasswordInput, newPasswordAcceptable } from '../../components/NewPasswordInput';
import { useT } from '../../i18n';
import { requiredField } from '../../components/required-field';

interface ChangePasswordFormProps {
  username: string;
  /** The forced change asks for the temporary password, the voluntary one for the current password. */
  temporary?: boolean;
  onChanged: (info: SessionInfo) => void;
  /** Extra buttons left of the submit button (cancel, sign out). */
  extraActions?: ReactNode;
}

export function ChangePasswordForm({ username, temporary, onChanged, extraActions }: ChangePasswordFormProps) {
  const t = useT();
  const change = useMutation('auth.changePassword');
  const [currentPassword, setCurrentPassword] = useState('');
  const [newPassword, setNewPassword] = useState('');
  const [confirmation, setConfirmation] = useState('');
  const [submitted, setSubmitted] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setSubmitted(true);
    if (!currentPassword || !newPasswordAcceptable(newPassword, username, confirmation)) return;
    const result = await change.run({ currentPassword, newPassword });
    if (result.ok) onChanged(result.data);
  };

  return (
    <form onSubmit={(event) => void submit(event)} noValidate>
      <Stack gap="md">
        <ErrorAlert error={change.error} />
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
        <Group justify="flex-end">
          {extraActions}
          <Button type="submit" loading={change.running}>
            {t('password.submit')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
