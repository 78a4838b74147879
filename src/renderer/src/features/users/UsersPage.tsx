import { Button, Group, Paper, Table, Text } from '@mantine/core';
import { IconUserPlus } from '@tabler/icons-react';
import { useState } from 'react';
import type { User } from '@shared/contract/users';
import { useMutation, useQuery } from '../../api/hooks';
import { useSession } from '../../app/session/session-context';
import { formatDateTime } from '../../components/format';
import { notifyError, notifySuccess } from '../../components/notify';
import { PageHeader } from '../../components/PageHeader';
import { QueryStatus } from '../../components/QueryStatus';
import { useT } from '../../i18n';
import { CreateUserModal } from './CreateUserModal';
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
  const [creating, setCreating] = useState(false);
  const [editing, setEditing] = useState<User | null>(null);
  const [resetting, setResetting] = useState<User | null>(null);

  const toggleDisabled = async (user: User) => {
    const result = await setDisabled.run({ id: user.id, disabled: !user.disabled });
    if (!result.ok) {
      notifyError(result.error);
      return;
    }
    notifySuccess(t(result.data.disabled ? 'users.disabledDone' : 'users.enabledDone', { username: user.username }));
    changed();
  };

  const list = users.data?.users ?? [];
  return (
    <>
      <PageHeader title={t('users.title')}>
        <Button leftSection={<IconUserPlus size={18} />} onClick={() => setCreating(true)}>
          {t('users.create')}
        </Button>
      </PageHeader>
      <QueryStatus loading={users.loading && !users.data} error={users.error} onRetry={users.reload} />
      {users.data && (
        <Paper withBorder radius="md">
          <Table.ScrollContainer minWidth={820} type="native">
            <Table striped highlightOnHover verticalSpacing="sm" horizontalSpacing="md">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('users.username')}</Table.Th>
                  <Table.Th>{t('users.displayName')}</Table.Th>
                  <Table.Th>{t('users.role')}</Table.Th>
                  <Table.Th>{t('users.status')}</Table.Th>
                  <Table.Th>{t('users.lastSignIn')}</Table.Th>
                  <Table.Th>{t('common.actions')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {list.map((user) => (
                  <Table.Tr key={user.id}>
                    <Table.Td ff="monospace">{user.username}</Table.Td>
                    <Table.Td>{user.displayName}</Table.Td>
                    <Table.Td>{t(`roles.${user.role}`)}</Table.Td>
                    <Table.Td>
                      <UserStatus user={user} />
                    </Table.Td>
                    <Table.Td className="bangfu-nowrap">{formatDateTime(user.lastSignInAt) || t('common.none')}</Table.Td>
                    <Table.Td>
                      <Group gap={4} wrap="nowrap">
                        <Button size="compact-sm" variant="subtle" onClick={() => setEditing(user)}>
                          {t('common.edit')}
                        </Button>
                        <Button
                          size="compact-sm"
                          variant="subtle"
                          color={user.disabled ? 'green' : 'red'}
                          onClick={() => void toggleDisabled(user)}
                        >
                          {user.disabled ? t('users.enable') : t('users.disable')}
                        </Button>
                        <Button size="compact-sm" variant="subtle" color="orange" onClick={() => setResetting(user)}>
                          {t('users.resetPassword')}
                        </Button>
                      </Group>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
          {list.length === 0 && (
            <Text c="dimmed" ta="center" py="lg">
              {t('users.empty')}
            </Text>
          )}
        </Paper>
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
