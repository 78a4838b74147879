import { Alert, Button, Group, Modal, Stack } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import type { User } from '@shared/contract/users';
import { useMutation } from '../../api/hooks';
import { ErrorAlert } from '../../components/ErrorAlert';
import { NewPasswordInput, newPasswordAcceptable } from '../../components/NewPasswordInput';
import { useT } from '../../i18n';

function ResetPasswordForm({ user, onDone, onCancel }: { user: User; onDone: () => void; onCancel: () => void }) {
  const t = useT();
  const reset = useMutation('users.resetPassword');
  const [password, setPassword] = useState('');
  const [submitted, setSubmitted] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setSubmitted(true);
    if (!newPasswordAcceptable(password, user.username)) return;
    const result = await reset.run({ id: user.id, password });
    if (result.ok) onDone();
  };

  return (
    <form onSubmit={(event) => void submit(event)} noValidate>
      <Stack gap="md">
        <ErrorAlert error={reset.error} />
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
        <Group justify="flex-end">
          <Button variant="default" onClick={onCancel}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" color="orange" loading={reset.running}>
            {t('users.resetPassword')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

export function ResetPasswordModal(props: { user: User | null; onClose: () => void; onDone: (user: User) => void }) {
  const t = useT();
  const { user } = props;
  return (
    <Modal
      opened={user !== null}
      onClose={props.onClose}
      title={user ? t('users.resetTitle', { username: user.username }) : ''}
      centered
    >
      {user && (
        <ResetPasswordForm key={user.id} user={user} onDone={() => props.onDone(user)} onCancel={props.onClose} />
      )}
    </Modal>
  );
}
