import { useState } from 'react';
import type { User } from '@shared/contract/users';
import { useMutation } from '../../api/hooks';
import { DisplayNameInput } from '../../components/DisplayNameInput';
import { FormActions } from '../../components/FormActions';
import { useDialogValues } from '../../components/GuardedModal';
import { RecordModal } from '../../components/RecordModal';
import { StackedForm } from '../../components/StackedForm';
import { useT } from '../../i18n';
import { displayNameValid } from '../../components/validation';
import { RoleSelect } from './RoleSelect';

function EditUserForm({ user, onSaved, onCancel }: { user: User; onSaved: (user: User) => void; onCancel: () => void }) {
  const t = useT();
  const update = useMutation('users.update');
  const [displayName, setDisplayName] = useState(user.displayName);
  const [role, setRole] = useState(user.role);
  const [submitted, setSubmitted] = useState(false);
  useDialogValues({ displayName, role });

  const submit = async () => {
    setSubmitted(true);
    if (!displayNameValid(displayName)) return;
    const result = await update.run({ id: user.id, displayName, role });
    if (result.ok) onSaved(result.data);
  };

  return (
    <StackedForm onSubmit={submit} error={update.error}>
      <DisplayNameInput
        label={t('users.displayName')}
        value={displayName}
        onChange={setDisplayName}
        showErrors={submitted}
        data-autofocus
      />
      <RoleSelect label={t('users.role')} value={role} onChange={setRole} />
      <FormActions submitLabel={t('common.save')} loading={update.running} onCancel={onCancel} />
    </StackedForm>
  );
}

export function EditUserModal({ user, onClose, onSaved }: { user: User | null; onClose: () => void; onSaved: (user: User) => void }) {
  const t = useT();
  return (
    <RecordModal record={user} title={(record) => t('users.editTitle', { username: record.username })} onClose={onClose}>
      {(record) => <EditUserForm user={record} onSaved={onSaved} onCancel={onClose} />}
    </RecordModal>
  );
}
