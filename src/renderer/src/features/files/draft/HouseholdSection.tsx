import { Button, Paper, Table, Text, Title } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { Fragment } from 'react';
import type { FileDetail } from '@shared/contract/hardship';
import { useT } from '../../../i18n';
import { newKey, type DraftState, type Dispatch, type MemberRow } from './draft-state';
import { MemberRows } from './MemberRows';

/** 家庭成员: the household's table, a row per person (the head first), with a button to add one. */
export function HouseholdSection({
  file,
  state,
  errors,
  dispatch,
}: {
  file: FileDetail;
  state: DraftState;
  errors: Record<string, string>;
  dispatch: Dispatch;
}) {
  const t = useT();
  const { members } = state;
  const add = () =>
    dispatch({
      type: 'set',
      change: {
        members: [
          ...members,
          {
            key: newKey(),
            relation: members.some((m) => m.relation === 'spouse') ? 'child' : 'spouse',
            name: '',
            idNumber: '',
            health: 'healthy',
            income: '',
          } as MemberRow,
        ],
      },
    });
  return (
    <Paper withBorder radius="md" p="md">
      <Title order={4} mb="sm">
        {t('files.tabs.household')}
      </Title>
      <Table aria-label={t('files.tabs.household')} verticalSpacing={6}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th w={130}>{t('files.relation')}</Table.Th>
            <Table.Th w={120}>{t('files.name')}</Table.Th>
            <Table.Th w={200}>{t('files.idNumber')}</Table.Th>
            <Table.Th w={120}>{t('files.healthStatus')}</Table.Th>
            <Table.Th w={120}>{t('files.work')}</Table.Th>
            <Table.Th w={120}>{t('files.monthlyIncome')}</Table.Th>
            <Table.Th w={40} />
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {members.map((m, i) => (
            <Fragment key={m.key}>
              <MemberRows
                file={file}
                member={m}
                index={i}
                errors={errors}
                dispatch={dispatch}
                onRemove={() => dispatch({ type: 'set', change: { members: members.filter((x) => x.key !== m.key) } })}
              />
            </Fragment>
          ))}
        </Table.Tbody>
      </Table>
      <Button mt="sm" size="xs" variant="light" leftSection={<IconPlus size={14} />} onClick={add}>
        {t('files.addMember')}
      </Button>
      <Text size="xs" c="dimmed" mt="xs">
        {t('files.monthlyIncomeHint')}
      </Text>
    </Paper>
  );
}
