import { Anchor, Group, Text, Title } from '@mantine/core';
import { Link, useNavigate } from 'react-router';
import type { BatchItem, ProgramItem } from '@shared/contract/aid-types';
import { PAYMENT_STATUSES } from '@shared/domain/aid';
import { useQuery } from '../../api/hooks';
import { DataTable, type DataColumn } from '../../components/DataTable';
import { formatDateTime } from '../../components/format';
import { QueryStatus } from '../../components/QueryStatus';
import { useT } from '../../i18n';
import { yuan } from './aid-format';

/**
 * 发放批次 of the year's programs, newest first, with their counts by status: where a reviewer finds a batch that
 * waits for approval and a clerk one to print or mark paid.
 */
export function BatchesList({ programs }: { programs: ProgramItem[] }) {
  const t = useT();
  const navigate = useNavigate();
  const batches = useQuery('aid.batches', {});
  const ofYear = new Set(programs.map((p) => p.id));
  const rows = (batches.data?.batches ?? []).filter((b) => ofYear.has(b.programId)).sort((a, b) => b.createdAt.localeCompare(a.createdAt));
  const columns: DataColumn<BatchItem>[] = [
    {
      key: 'name',
      header: t('aidBatch.name'),
      render: (b) => (
        <>
          <Anchor component={Link} to={`/aid/batches/${b.id}`} size="sm" onClick={(e) => e.stopPropagation()}>
            {b.name}
          </Anchor>
          <Text size="xs" c="dimmed">
            {b.programName} · {t(`paymentMethods.${b.method}`)}
          </Text>
        </>
      ),
    },
    {
      key: 'counts',
      header: t('aidBatch.counts'),
      render: (b) => (
        <Group gap="xs">
          {PAYMENT_STATUSES.filter((s) => b.counts[s] > 0).map((s) => (
            <Text key={s} size="sm" c={s === 'pending' ? 'orange.8' : undefined} fw={s === 'pending' ? 600 : undefined}>
              {t(`paymentStatuses.${s}`)} {b.counts[s]}
            </Text>
          ))}
        </Group>
      ),
    },
    { key: 'total', header: t('aidBatch.total'), width: 150, align: 'right', nowrap: true, render: (b) => yuan(b.totalFen) },
    { key: 'at', header: t('aidBatch.createdAt'), width: 150, nowrap: true, render: (b) => formatDateTime(b.createdAt) },
  ];
  return (
    <>
      <Title order={3} size="h4" mt="xl" mb="sm">
        {t('aidBatch.listTitle')}
      </Title>
      <QueryStatus loading={batches.loading && !batches.data} error={batches.error} onRetry={batches.reload} />
      {batches.data && (
        <DataTable
          columns={columns}
          rows={rows}
          rowKey={(b) => b.id}
          empty={t('aidBatch.listEmpty')}
          minWidth={800}
          onRowClick={(b) => void navigate(`/aid/batches/${b.id}`)}
          label={t('aidBatch.listTitle')}
        />
      )}
    </>
  );
}
