import { Anchor, Badge, Button, Group, Progress, Select, Stack, Text } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { Link } from 'react-router';
import type { ProgramItem } from '@shared/contract/aid-types';
import { roleAllows } from '@shared/roles';
import { useMutation, useQuery } from '../../api/hooks';
import { useSession } from '../../app/session/session-context';
import { DataTable, type DataColumn } from '../../components/DataTable';
import { todayIso } from '../../components/format';
import { notifyError, notifySuccess } from '../../components/notify';
import { PageHeader } from '../../components/PageHeader';
import { QueryStatus } from '../../components/QueryStatus';
import { shortcut } from '../../components/shortcuts';
import { useT } from '../../i18n';
import { BATCH_TYPES, standardSummary, yuan } from './aid-format';
import { BatchesList } from './BatchesList';
import { ProgramModal } from './ProgramModal';

/** What the program has committed against its budget: a bar when there is a budget, the sum alone otherwise. */
function Usage({ program }: { program: ProgramItem }) {
  const t = useT();
  const { usage, budgetFen } = program;
  const used = t('aidPrograms.usageLine', { committed: yuan(usage.committedFen), count: usage.payments });
  if (budgetFen === null || budgetFen === 0) return <Text size="sm">{used}</Text>;
  const percent = Math.min(100, (usage.committedFen / budgetFen) * 100);
  return (
    <Stack gap={2}>
      <Text size="sm">
        {used}
        {t('aidPrograms.ofBudget', { budget: yuan(budgetFen) })}
      </Text>
      <Progress value={percent} color={usage.committedFen > budgetFen ? 'red' : percent > 90 ? 'orange' : 'blue'} size="sm" aria-hidden />
      <Text size="xs" c="dimmed">
        {t('aidPrograms.usageByStatus', { pending: yuan(usage.pendingFen), approved: yuan(usage.approvedFen), paid: yuan(usage.paidFen) })}
      </Text>
    </Stack>
  );
}

/** 救助项目: the year's programs with what each has used of its budget; reviewers set them up, clerks start batches. */
export function ProgramsPage() {
  const t = useT();
  const { session } = useSession();
  const canSetUp = roleAllows(session.user.role, 'reviewer');
  const canPay = roleAllows(session.user.role, 'clerk');
  const [thisYear] = useState(() => Number(todayIso().slice(0, 4)));
  const [year, setYear] = useState(thisYear);
  const programs = useQuery('aid.programs', { year, includeClosed: true });
  const setStatus = useMutation('aid.setProgramStatus');
  const [editing, setEditing] = useState<ProgramItem | 'new' | null>(null);

  const toggle = async (program: ProgramItem) => {
    const status = program.status === 'open' ? 'closed' : 'open';
    const result = await setStatus.run({ id: program.id, status });
    if (!result.ok) return notifyError(result.error);
    notifySuccess(t(status === 'closed' ? 'aidPrograms.closedDone' : 'aidPrograms.reopenedDone', { name: program.name }));
    programs.reload();
  };

  const columns: DataColumn<ProgramItem>[] = [
    {
      key: 'name',
      header: t('aidPrograms.name'),
      render: (p) => (
        <Stack gap={2}>
          <Text fw={600} size="sm">
            {p.name}
          </Text>
          <Text size="xs" c="dimmed">
            {t(`aidTypes.${p.type}`)} · {t(`fundSources.${p.fundSource}`)}
          </Text>
        </Stack>
      ),
    },
    { key: 'standard', header: t('aidPrograms.standard'), render: (p) => <Text size="sm">{standardSummary(t, p.standard)}</Text> },
    { key: 'usage', header: t('aidPrograms.usage'), width: 300, render: (p) => <Usage program={p} /> },
    {
      key: 'status',
      header: t('aidPrograms.status'),
      width: 90,
      nowrap: true,
      render: (p) => (
        <Badge variant="light" color={p.status === 'open' ? 'green' : 'gray'}>
          {t(`programStatuses.${p.status}`)}
        </Badge>
      ),
    },
    {
      key: 'actions',
      header: t('common.actions'),
      width: 250,
      render: (p) => (
        <Group gap={6}>
          {canPay && p.status === 'open' && BATCH_TYPES.includes(p.type) && (
            <Button
              size="xs"
              component={Link}
              to={`/aid/batches/new?program=${p.id}`}
              aria-label={t('aidPrograms.newBatchOf', { name: p.name })}
            >
              {t('aidPrograms.newBatch')}
            </Button>
          )}
          <Anchor
            component={Link}
            to={`/aid/payments?program=${p.id}`}
            size="sm"
            aria-label={t('aidPrograms.paymentsOf', { name: p.name })}
          >
            {t('aidPrograms.payments')}
          </Anchor>
          {canSetUp && (
            <>
              <Button size="xs" variant="default" onClick={() => setEditing(p)} aria-label={t('aidPrograms.editOf', { name: p.name })}>
                {t('common.edit')}
              </Button>
              <Button
                size="xs"
                variant="subtle"
                color={p.status === 'open' ? 'gray' : 'green'}
                onClick={() => void toggle(p)}
                aria-label={t(p.status === 'open' ? 'aidPrograms.closeOf' : 'aidPrograms.reopenOf', { name: p.name })}
              >
                {t(p.status === 'open' ? 'aidPrograms.close' : 'aidPrograms.reopen')}
              </Button>
            </>
          )}
        </Group>
      ),
    },
  ];

  return (
    <>
      <PageHeader title={t('aidPrograms.title')}>
        <Select
          aria-label={t('aidPrograms.year')}
          data={[thisYear - 2, thisYear - 1, thisYear, thisYear + 1].map((y) => ({
            value: String(y),
            label: t('aidPrograms.yearOption', { year: y }),
          }))}
          value={String(year)}
          onChange={(next) => next && setYear(Number(next))}
          allowDeselect={false}
          w={130}
        />
        {canSetUp && (
          <Button leftSection={<IconPlus size={16} />} onClick={() => setEditing('new')} {...shortcut('new')}>
            {t('aidPrograms.new')}
          </Button>
        )}
      </PageHeader>
      <QueryStatus loading={programs.loading && !programs.data} error={programs.error} onRetry={programs.reload} />
      {programs.data && (
        <DataTable
          columns={columns}
          rows={programs.data.programs}
          rowKey={(p) => p.id}
          empty={canSetUp ? t('aidPrograms.emptyCanCreate') : t('aidPrograms.empty')}
          minWidth={1000}
          busy={programs.loading}
          label={t('aidPrograms.title')}
        />
      )}
      {programs.data && <BatchesList programs={programs.data.programs} />}
      <ProgramModal
        opened={editing !== null}
        program={editing === 'new' ? null : editing}
        year={year}
        onClose={() => setEditing(null)}
        onSaved={(saved) => {
          setEditing(null);
          notifySuccess(t('aidPrograms.savedDone', { name: saved.name }));
          if (saved.year !== year) setYear(saved.year);
          else programs.reload();
        }}
      />
    </>
  );
}
