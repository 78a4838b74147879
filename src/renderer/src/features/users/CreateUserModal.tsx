import { Alert, Button, Group, Modal, Select, Stack, TextInput } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import type { User } from '@shared/contract/users';
import type { Role } from '@shared/roles';
import { useMutation } from '../../api/hooks';
import { ErrorAlert } from '../../components/ErrorAlert';
import { NewPasswordInput, newPasswordAcceptable } from '../../components/NewPasswordInput';
import { UsernameInput, usernameValid } from '../../components/UsernameInput';
import { useT } from '../../i18n';
import { displayNameValid } from '../../components/validation';
import { asRole, roleOptions } from './role-options';
import { requiredField } from '../../components/required-field';

function CreateUserForm({ onCreated, onCancel }: { onCreated: (user: User) => void; onCancel: () => void }) {
  const t = useT();
  const create = useMutation('users.create');
  const [username, setUsername] = useState('');
  const [displayName, setDisplayName] = useState('');
  const [role, setRole] = useState<Role>('clerk');
  const [password, setPassword] = useState('');
  const [submitted, setSubmitted] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setSubmitted(true);
    if (!usernameValid(username) || !displayNameValid(displayName) || !newPasswordAcceptable(password, username)) return;
    const result = await create.run({ username, displayName, role, password });
    if (result.ok) onCreated(result.data);
  };

  return (
    <form onSubmit={(event) => void submit(event)} noValidate>
      <Stack gap="md">
        <ErrorAlert error={create.error} />
        <UsernameInput label={t('users.username')} value={username} onChange={setUsername} showErrors={submitted} autoFocus />
        <TextInput
          label={t('users.displayName')}
          value={displayName}
          onChange={(event) => setDisplayName(event.currentTarget.value)}
          maxLength={40}
          {...requiredField}
          error={submitted && !displayNameValid(displayName) ? t('validation.displayName') : undefined}
        />
        <Select
          label={t('users.role')}
          value={role}
          onChange={(value) => setRole(asRole(value ?? role))}
          data={roleOptions()}
          allowDeselect={false}
          {...requiredField}
        />
        <NewPasswordInput
          label={t('users.initialPassword')}
          value={password}
          onChange={setPassword}
          username={username}
          showErrors={submitted}
        />
        <Alert color="blue" variant="light" role="note">
          {t('users.initialPasswordNote')}
        </Alert>
        <Group justify="flex-end">
          <Button variant="default" onClick={onCancel}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={create.running}>
            {t('users.create')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

export function CreateUserModal(props: { opened: boolean; onClose: () => void; onCreated: (user: User) => void }) {
  const t = useT();
  return (
    <Modal opened={props.opened} onClose={props.onClose} title={t('users.create')} centered size="md">
      {props.opened && <CreateUserForm onCreated={props.onCreated} onCancel={props.onClose} />}
    </Modal>
  );
}
