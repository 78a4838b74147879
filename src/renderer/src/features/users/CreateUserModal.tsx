import { Alert } from '@mantine/core';
import { useState } from 'react';
import type { User } from '@shared/contract/users';
import type { Role } from '@shared/roles';
import { useMutation } from '../../api/hooks';
import { DisplayNameInput } from '../../components/DisplayNameInput';
import { FormActions } from '../../components/FormActions';
import { GuardedModal, useDialogValues } from '../../components/GuardedModal';
import { NewPasswordInput, newPasswordAcceptable } from '../../components/NewPasswordInput';
import { StackedForm } from '../../components/StackedForm';
import { UsernameInput, usernameValid } from '../../components/UsernameInput';
import { useT } from '../../i18n';
import { displayNameValid } from '../../components/validation';
import { RoleSelect } from './RoleSelect';

function CreateUserForm({ onCreated, onCancel }: { onCreated: (user: User) => void; onCancel: () => void }) {
  const t = useT();
  const create = useMutation('users.create');
  const [username, setUsername] = useState('');
  const [displayName, setDisplayName] = useState('');
  const [role, setRole] = useState<Role>('clerk');
  const [password, setPassword] = useState('');
  const [submitted, setSubmitted] = useState(false);
  useDialogValues({ username, displayName, role, password });

  const submit = async () => {
    setSubmitted(true);
    if (!usernameValid(username) || !displayNameValid(displayName) || !newPasswordAcceptable(password, username)) return;
    const result = await create.run({ username, displayName, role, password });
    if (result.ok) onCreated(result.data);
  };

  return (
    <StackedForm onSubmit={submit} error={create.error}>
      <UsernameInput label={t('users.username')} value={username} onChange={setUsername} showErrors={submitted} autoFocus />
      <DisplayNameInput label={t('users.displayName')} value={displayName} onChange={setDisplayName} showErrors={submitted} />
      <RoleSelect label={t('users.role')} value={role} onChange={setRole} />
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
      <FormActions submitLabel={t('users.create')} loading={create.running} onCancel={onCancel} />
    </StackedForm>
  );
}

export function CreateUserModal(props: { opened: boolean; onClose: () => void; onCreated: (user: User) => void }) {
  const t = useT();
  return (
    <GuardedModal opened={props.opened} onClose={props.onClose} title={t('users.create')} centered size="md">
      {props.opened && <CreateUserForm onCreated={props.onCreated} onCancel={props.onClose} />}
    </GuardedModal>
  );
}
