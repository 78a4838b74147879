import { Anchor, Badge, CloseButton, Group, Stack, Text } from '@mantine/core';
import { Link, useNavigate, useSearchParams } from 'react-router';
import type { CentreSummary } from '@shared/contract/federation';
import { useQuery } from '../../api/hooks';
import { DataTable, type DataColumn } from '../../components/DataTable';
import { PageHeader } from '../../components/PageHeader';
import { QueryStatus } from '../../components/QueryStatus';
import { useT } from '../../i18n';
import { dayOf } from './fed-format';

const KEY_COLOR = { trusted: 'green', replaced: 'gray', withdrawn: 'red' } as const;

/**
 * 各中心: the centres this federation trusts or trusted, overdue ones first; a row opens the centre's records. From the
 * home page's to-do (?overdue=1) only the overdue ones, as many as it counted, until the filter is taken off.
 */
export function CentresPage() {
  const t = useT();
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const overdueOnly = params.get('overdue') === '1';
  const list = useQuery('federation.centres', {});
  const open = (c: CentreSummary) => `/federation/centres/${encodeURIComponent(c.code)}`;
  const columns: DataColumn<CentreSummary>[] = [
    {
      key: 'name',
      header: t('fedCentres.name'),
      render: (c) => (
        <>
          <Anchor component={Link} to={open(c)} size="sm" onClick={(e) => e.stopPropagation()}>
            {c.name}
          </Anchor>
          <Text size="xs" c="dimmed" ff="monospace">
            {c.code}
          </Text>
        </>
      ),
    },
    { key: 'region', header: t('fedCentres.region'), width: 80, monospace: true, render: (c) => c.region },
    {
      key: 'key',
      header: t('fedCentres.key'),
      width: 170,
      render: (c) => (
        <Stack gap={4} align="flex-start">
          <Badge variant="light" color={KEY_COLOR[c.keyState]}>
            {t(`peerStatuses.${c.keyState}`)}
          </Badge>
          {c.keyChange && (
            <Badge variant="light" color="orange">
              {t('fedCentres.keyChanged')}
            </Badge>
          )}
          {c.keyChange?.at && (
            <Text size="xs" c="dimmed">
              {t('fedCentres.keyChangedOn', { date: dayOf(c.keyChange.at) })}
            </Text>
          )}
          {c.keyChange?.kind === 'restart' && (
            <Text size="xs" c="orange.8">
              {t('fedCentres.keyRestart')}
            </Text>
          )}
          {c.keyPending && (
            <Text size="xs" c="dimmed">
              {t('fedCentres.keyPending')}
            </Text>
          )}
        </Stack>
      ),
    },
    {
      key: 'batch',
      header: t('fedCentres.lastBatch'),
      width: 170,
      render: (c) =>
        c.lastBatch
          ? t('fedCentres.batchValue', { sequence: c.lastBatch.sequence, date: dayOf(c.lastBatch.createdAt) })
          : t('fedCentres.none'),
    },
    {
      key: 'import',
      header: t('fedCentres.lastImport'),
      width: 110,
      nowrap: true,
      render: (c) => dayOf(c.lastImportAt) || t('fedCentres.none'),
    },
    {
      key: 'counts',
      header: t('fedCentres.counts'),
      width: 150,
      nowrap: true,
      render: (c) => t('fedCentres.countsValue', { files: c.counts.files, members: c.counts.members, payments: c.counts.payments }),
    },
    {
      key: 'alarms',
      header: t('fedCentres.alarms'),
      width: 110,
      render: (c) =>
        c.openAlarms > 0 ? (
          <Badge color="red" variant="light">
            {t('fedCentres.alarmsValue', { count: c.openAlarms })}
          </Badge>
        ) : (
          ''
        ),
    },
    {
      key: 'state',
      header: t('fedCentres.state'),
      width: 190,
      render: (c) =>
        c.overdue ? (
          <Badge color="red" data-testid="centre-overdue">
            {c.lastImportAt
              ? t('fedCentres.overdue', { days: c.daysSince ?? 0 })
              : t('fedCentres.overdueNever', { days: c.daysSince ?? 0 })}
          </Badge>
        ) : c.keyState === 'trusted' ? (
          <Text size="sm">{t('fedCentres.onTime')}</Text>
        ) : (
          ''
        ),
    },
  ];
  return (
    <>
      <PageHeader title={t('fedCentres.title')} />
      <QueryStatus loading={list.loading && !list.data} error={list.error} onRetry={list.reload} />
      {list.data && (
        <>
          <Group mb="sm">
            <Text size="sm" c="dimmed">
              {t('fedCentres.intro', { days: list.data.overdueDays })}
            </Text>
            {overdueOnly && (
              <Badge
                size="lg"
                variant="light"
                color="orange"
                rightSection={<CloseButton size="xs" aria-label={t('fedCentres.clearOverdue')} onClick={() => setParams({})} />}
              >
                {t('fedCentres.overdueOnly')}
              </Badge>
            )}
          </Group>
          <DataTable
            columns={columns}
            rows={overdueOnly ? list.data.centres.filter((c) => c.overdue) : list.data.centres}
            rowKey={(c) => c.code}
            empty={t('fedCentres.empty')}
            minWidth={1100}
            onRowClick={(c) => void navigate(open(c))}
            label={t('fedCentres.title')}
          />
        </>
      )}
    </>
  );
}
