import { Button, Group, Modal, Select, Stack, TextInput } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import type { User } from '@shared/contract/users';
import { useMutation } from '../../api/hooks';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useT } from '../../i18n';
import { displayNameValid } from '../../components/validation';
import { asRole, roleOptions } from './role-options';
import { requiredField } from '../../components/required-field';

function EditUserForm({ user, onSaved, onCancel }: { user: User; onSaved: (user: User) => void; onCancel: () => void }) {
  const t = useT();
  const update = useMutation('users.update');
  const [displayName, setDisplayName] = useState(user.displayName);
  const [role, setRole] = useState(user.role);
  const [submitted, setSubmitted] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setSubmitted(true);
    if (!displayNameValid(displayName)) return;
    const result = await update.run({ id: user.id, displayName, role });
    if (result.ok) onSaved(result.data);
  };

  return (
    <form onSubmit={(event) => void submit(event)} noValidate>
      <Stack gap="md">
        <ErrorAlert error={update.error} />
        <TextInput
          label={t('users.displayName')}
          value={displayName}
          onChange={(event) => setDisplayName(event.currentTarget.value)}
          maxLength={40}
          {...requiredField}
          data-autofocus
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
        <Group justify="flex-end">
          <Button variant="default" onClick={onCancel}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={update.running}>
            {t('common.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

export function EditUserModal(props: { user: User | null; onClose: () => void; onSaved: (user: User) => void }) {
  const t = useT();
  const { user } = props;
  return (
    <Modal
      opened={user !== null}
      onClose={props.onClose}
      title={user ? t('users.editTitle', { username: user.username }) : ''}
      centered
    >
      {user && <EditUserForm key={user.id} user={user} onSaved={props.onSaved} onCancel={props.onClose} />}
    </Modal>
  );
}
