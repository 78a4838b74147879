import { Card, List, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { useSession } from '../../app/session/session-context';
import { useQuery } from '../../api/hooks';
import { formatDateTime } from '../../components/format';
import { useT } from '../../i18n';

/**
 * Who and where the clerk is, and what their role lets them do. The sign-in time is read from the user list,
 * which only administrators may see.
 */
export function HomePage() {
  const t = useT();
  const { session, org } = useSession();
  const { user, idleLockMinutes } = session;
  const users = useQuery('users.list', {}, { enabled: user.role === 'admin' });
  const lastSignInAt = users.data?.users.find((u) => u.id === user.id)?.lastSignInAt;
  const abilities = t(`roleAbilities.${user.role}`).split('\n');

  const rows: [string, string][] = [
    [t('home.org'), org?.name ?? ''],
    [t('home.mode'), org ? t(`modes.${org.mode}`) : ''],
    [t('home.user'), t('home.userValue', { name: user.displayName, username: user.username })],
    [t('home.role'), t(`roles.${user.role}`)],
  ];
  if (lastSignInAt) rows.push([t('home.lastSignIn'), formatDateTime(lastSignInAt)]);

  return (
    <Stack gap="lg" maw={960}>
      <Title order={2}>{t('home.title')}</Title>
      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="lg">
        <Card withBorder radius="md" padding="lg">
          <Table variant="vertical" layout="fixed" withRowBorders={false}>
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
        <Card withBorder radius="md" padding="lg">
          <Title order={3} size="h4" mb="sm">
            {t('home.canDo')}
          </Title>
          <List spacing="xs" size="sm">
            {abilities.map((ability) => (
              <List.Item key={ability}>{ability}</List.Item>
            ))}
          </List>
          <Text size="sm" c="dimmed" mt="md">
            {t('home.everyone', { minutes: idleLockMinutes })}
          </Text>
        </Card>
      </SimpleGrid>
    </Stack>
  );
}
