import { Card, Group, SimpleGrid, Table, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import type { Member } from '@shared/contract/roster';
import { ethnicityName } from '@shared/domain/ethnicity';
import { formatDateTime } from '../../components/format';
import { useT } from '../../i18n';
import { MemberStatusBadge } from './MemberStatusBadge';

type Fact = [label: string, value: ReactNode];

function FactsCard({ title, facts }: { title: string; facts: Fact[] }) {
  return (
    <Card withBorder radius="md" padding="lg">
      <Title order={3} size="h5" mb="xs">
        {title}
      </Title>
      <Table variant="vertical" layout="fixed" withRowBorders={false} verticalSpacing={6}>
        <Table.Tbody>
          {facts.map(([label, value]) => (
            <Table.Tr key={label}>
              <Table.Th w={120} bg="transparent" c="dimmed" fw={400} style={{ whiteSpace: 'normal' }}>
                {label}
              </Table.Th>
              <Table.Td style={{ overflowWrap: 'anywhere' }}>{value}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Card>
  );
}

/** Everything recorded about a member, in two cards: the person, and their membership. */
export function MemberFacts({ member, idNumber }: { member: Member; idNumber: ReactNode }) {
  const t = useT();
  const dash = t('common.none');
  const ethnicity = member.ethnicity ? (ethnicityName(member.ethnicity) ?? member.ethnicity) : dash;
  const status = (
    <Group gap="xs">
      <MemberStatusBadge status={member.status} />
      {member.status !== 'active' && member.statusOn && <Text size="sm">{t('member.statusSince', { date: member.statusOn })}</Text>}
    </Group>
  );

  const person: Fact[] = [
    [t('member.name'), member.name],
    [t('member.gender'), t(`genders.${member.gender}`)],
    [t('member.birthYear'), String(member.birthYear)],
    [t('member.idNumber'), idNumber],
    [t('member.ethnicity'), ethnicity],
    [t('member.phone'), member.phone ?? dash],
  ];
  const membership: Fact[] = [
    [t('member.unitName'), member.unitName ?? dash],
    [t('member.unionName'), member.unionName ?? dash],
    [t('member.joinedOn'), member.joinedOn ?? dash],
    [t('member.cardNo'), member.cardNo ?? dash],
    [t('member.status'), status],
  ];
  if (member.statusReason) membership.push([t('member.statusReason'), member.statusReason]);
  membership.push([t('member.note'), member.note ?? dash], [t('member.updatedAt'), formatDateTime(member.updatedAt)]);

  return (
    <SimpleGrid cols={{ base: 1, md: 2 }} spacing="lg">
      <FactsCard title={t('member.personCard')} facts={person} />
      <FactsCard title={t('member.membershipCard')} facts={membership} />
    </SimpleGrid>
  );
}
