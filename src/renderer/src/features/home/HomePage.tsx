import { Card, Group, List, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { useSession } from '../../app/session/session-context';
import { useQuery } from '../../api/hooks';
import { formatDateTime } from '../../components/format';
import { QueryStatus } from '../../components/QueryStatus';
import { useT } from '../../i18n';
import { roleAllows } from '@shared/roles';
import { DashboardCharts } from './DashboardCharts';
import { TodoCards } from './TodoCards';

/**
 * Today's work for the signed-in role (home.todo: counts, each a link to its list), then who and where the clerk is
 * and what the role lets them do, compact. A reviewer or administrator sees the director's charts between the to-dos
 * and those (at a federation, of its centres). The sign-in time is read from the user list, which only administrators
 * may see.
 */
export function HomePage() {
  const t = useT();
  const { session, org } = useSession();
  const { user, idleLockMinutes } = session;
  const todo = useQuery('home.todo', {});
  const users = useQuery('users.list', {}, { enabled: user.role === 'admin' });
  const lastSignInAt = users.data?.users.find((u) => u.id === user.id)?.lastSignInAt;
  // A federation keeps no roster, files or aid of its own: its roles' work is the exchange's and the views'.
  const abilities = t(org?.mode === 'federation' ? `fedRoleAbilities.${user.role}` : `roleAbilities.${user.role}`).split('\n');

  const rows: [string, string][] = [
    [t('home.org'), org?.name ?? ''],
    [t('home.mode'), org ? t(`modes.${org.mode}`) : ''],
    [t('home.user'), t('home.userValue', { name: user.displayName, username: user.username })],
    [t('home.role'), t(`roles.${user.role}`)],
  ];
  if (lastSignInAt) rows.push([t('home.lastSignIn'), formatDateTime(lastSignInAt)]);

  return (
    <Stack gap="md" maw={1100}>
      <Group justify="space-between" align="baseline">
        <Title order={2}>{t('home.todoTitle')}</Title>
        {todo.data && (
          <Text size="sm" c="dimmed">
            {t('home.today', { date: todo.data.today })}
          </Text>
        )}
      </Group>
      <QueryStatus loading={todo.loading && !todo.data} error={todo.error} onRetry={todo.reload} />
      {todo.data && <TodoCards items={todo.data.items} />}
      {/* For those who approve and direct (审核人, 管理员); at a federation, of its centres' records. */}
      {org && roleAllows(user.role, 'reviewer') && <DashboardCharts federation={org.mode === 'federation'} />}
      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
        <Card withBorder radius="md" padding="sm">
          <Table variant="vertical" layout="fixed" withRowBorders={false} verticalSpacing={4} fz="sm">
            <Table.Tbody>
              {rows.map(([label, value]) => (
                <Table.Tr key={label}>
                  <Table.Th w={120}>{label}</Table.Th>
                  <Table.Td>{value}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Card>
        <Card withBorder radius="md" padding="sm">
          <Title order={3} size="h5" mb={6}>
            {t('home.canDo')}
          </Title>
          <List spacing={2} size="sm">
            {abilities.map((ability) => (
              <List.Item key={ability}>{ability}</List.Item>
            ))}
          </List>
          <Text size="xs" c="dimmed" mt="xs">
            {t('home.everyone', { minutes: idleLockMinutes })}
          </Text>
        </Card>
      </SimpleGrid>
    </Stack>
  );
}
