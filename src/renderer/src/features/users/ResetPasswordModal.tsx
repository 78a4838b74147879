import { Alert } from '@mantine/core';
import { useState } from 'react';
import type { User } from '@shared/contract/users';
import { useMutation } from '../../api/hooks';
import { FormActions } from '../../components/FormActions';
import { useDialogValues } from '../../components/GuardedModal';
import { NewPasswordInput, newPasswordAcceptable } from '../../components/NewPasswordInput';
import { RecordModal } from '../../components/RecordModal';
import { StackedForm } from '../../components/StackedForm';
import { useT } from '../../i18n';

function ResetPasswordForm({ user, onDone, onCancel }: { user: User; onDone: () => void; onCancel: () => void }) {
  const t = useT();
  const reset = useMutation('users.resetPassword');
  const [password, setPassword] = useState('');
  const [submitted, setSubmitted] = useState(false);
  useDialogValues(password);

  const submit = async () => {
    setSubmitted(true);
    if (!newPasswordAcceptable(password, user.username)) return;
    const result = await reset.run({ id: user.id, password });
    if (result.ok) onDone();
  };

  return (
    <StackedForm onSubmit={submit} error={reset.error}>
      <NewPasswordInput
        label={t('users.newPassword')}
        value={password}
        onChange={setPassword}
        username={user.username}
        showErrors={submitted}
        autoFocus
      />
      <Alert color="blue" variant="light" role="note">
        {t('users.resetNote')}
      </Alert>
      <FormActions submitLabel={t('users.resetPassword')} color="orange" loading={reset.running} onCancel={onCancel} />
    </StackedForm>
  );
}

export function ResetPasswordModal({ user, onClose, onDone }: { user: User | null; onClose: () => void; onDone: (user: User) => void }) {
  const t = useT();
  return (
    <RecordModal record={user} title={(record) => t('users.resetTitle', { username: record.username })} onClose={onClose}>
      {(record) => <ResetPasswordForm user={record} onDone={() => onDone(record)} onCancel={onClose} />}
    </RecordModal>
  );
}
