import { Button, Group } from '@mantine/core';
import { IconUserPlus } from '@tabler/icons-react';
import { useState } from 'react';
import type { User } from '@shared/contract/users';
import { useMutation, useQuery } from '../../api/hooks';
import { useSession } from '../../app/session/session-context';
import { DataTable, type DataColumn } from '../../components/DataTable';
import { formatDateTime } from '../../components/format';
import { notifyError, notifySuccess } from '../../components/notify';
import { PageHeader } from '../../components/PageHeader';
import { QueryStatus } from '../../components/QueryStatus';
import { useT } from '../../i18n';
import { CreateUserModal } from './CreateUserModal';
import { DisableUserModal } from './DisableUserModal';
import { EditUserModal } from './EditUserModal';
import { ResetPasswordModal } from './ResetPasswordModal';
import { UserStatus } from './UserStatus';

export function UsersPage() {
  const t = useT();
  const users = useQuery('users.list', {});
  const session = useSession();
  // The header shows the signed-in user's own name and role: editing oneself must show there at once.
  const changed = () => {
    users.reload();
    void session.refresh();
  };
  const setDisabled = useMutation('users.setDisabled');
  const unlock = useMutation('users.unlock');
  const [creating, setCreating] = useState(false);
  const [disabling, setDisabling] = useState<User | null>(null);
  const [editing, setEditing] = useState<User | null>(null);
  const [resetting, setResetting] = useState<User | null>(null);

  const toggleDisabled = async (user: User) => {
    const result = await setDisabled.run({ id: user.id, disabled: !user.disabled });
    setDisabling(null);
    if (!result.ok) {
      notifyError(result.error);
      return;
    }
    notifySuccess(t(result.data.disabled ? 'users.disabledDone' : 'users.enabledDone', { username: user.username }));
    changed();
  };

  // A locked user rang: lift the lockout, their password stays (no temporary password to hand over).
  const unlockUser = async (user: User) => {
    const result = await unlock.run({ id: user.id });
    if (!result.ok) notifyError(result.error);
    else notifySuccess(t('users.unlockDone', { username: user.username }));
    users.reload();
  };

  const columns: DataColumn<User>[] = [
    { key: 'username', header: t('users.username'), monospace: true, render: (user) => user.username },
    { key: 'displayName', header: t('users.displayName'), render: (user) => user.displayName },
    { key: 'role', header: t('users.role'), render: (user) => t(`roles.${user.role}`) },
    { key: 'status', header: t('users.status'), render: (user) => <UserStatus user={user} /> },
    {
      key: 'lastSignIn',
      header: t('users.lastSignIn'),
      nowrap: true,
      render: (user) => formatDateTime(user.lastSignInAt) || t('common.none'),
    },
    {
      key: 'actions',
      header: t('common.actions'),
      render: (user) => (
        <Group gap={4} wrap="nowrap">
          <Button size="compact-sm" variant="subtle" onClick={() => setEditing(user)}>
            {t('common.edit')}
          </Button>
          <Button
            size="compact-sm"
            variant="subtle"
            color={user.disabled ? 'green' : 'red'}
            // Enabling is harmless; disabling asks first (DisableUserModal).
            onClick={() => (user.disabled ? void toggleDisabled(user) : setDisabling(user))}
          >
            {user.disabled ? t('users.enable') : t('users.disable')}
          </Button>
          {user.lockedUntil && !user.disabled && (
            <Button size="compact-sm" variant="subtle" color="orange" loading={unlock.running} onClick={() => void unlockUser(user)}>
              {t('users.unlock')}
            </Button>
          )}
          <Button size="compact-sm" variant="subtle" color="orange" onClick={() => setResetting(user)}>
            {t('users.resetPassword')}
          </Button>
        </Group>
      ),
    },
  ];

  return (
    <>
      <PageHeader title={t('users.title')}>
        <Button leftSection={<IconUserPlus size={18} />} onClick={() => setCreating(true)}>
          {t('users.create')}
        </Button>
      </PageHeader>
      <QueryStatus loading={users.loading && !users.data} error={users.error} onRetry={users.reload} />
      {users.data && (
        <DataTable columns={columns} rows={users.data.users} rowKey={(user) => user.id} empty={t('users.empty')} minWidth={820} />
      )}

      <CreateUserModal
        opened={creating}
        onClose={() => setCreating(false)}
        onCreated={(user) => {
          setCreating(false);
          notifySuccess(t('users.created', { username: user.username }));
          users.reload();
        }}
      />
      <EditUserModal
        user={editing}
        onClose={() => setEditing(null)}
        onSaved={() => {
          setEditing(null);
          notifySuccess(t('users.updated'));
          changed();
        }}
      />
      <DisableUserModal
        user={disabling}
        running={setDisabled.running}
        onConfirm={(user) => void toggleDisabled(user)}
        onClose={() => setDisabling(null)}
      />
      <ResetPasswordModal
        user={resetting}
        onClose={() => setResetting(null)}
        onDone={(user) => {
          setResetting(null);
          notifySuccess(t('users.resetDone', { username: user.username }));
          users.reload();
        }}
      />
    </>
  );
}
