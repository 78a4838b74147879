import { Group, Pagination, Paper, Table, Text } from '@mantine/core';
import { useState } from 'react';
import { useQuery } from '../../api/hooks';
import { formatDateTime, shortId } from '../../components/format';
import { PageHeader } from '../../components/PageHeader';
import { QueryStatus } from '../../components/QueryStatus';
import { actionLabel, auditSummaryText, useT } from '../../i18n';
import { recordTypeLabel } from '../../i18n/labels';
import { AuditFilters, NO_FILTERS, type AuditFilterValues } from './AuditFilters';
import { VerifyChain } from './VerifyChain';

const PAGE_SIZE = 50;

export function AuditPage() {
  const t = useT();
  const [filters, setFilters] = useState<AuditFilterValues>(NO_FILTERS);
  const [page, setPage] = useState(1);
  const users = useQuery('users.list', {});
  const audit = useQuery('audit.list', {
    userId: filters.userId || undefined,
    action: filters.action || undefined,
    from: filters.from ?? undefined,
    to: filters.to ?? undefined,
    page,
    pageSize: PAGE_SIZE,
  });

  const changeFilters = (next: AuditFilterValues) => {
    setFilters(next);
    setPage(1);
  };

  const entries = audit.data?.entries ?? [];
  const total = audit.data?.total ?? 0;
  const pages = Math.max(1, Math.ceil(total / PAGE_SIZE));
  return (
    <>
      <PageHeader title={t('audit.title')} />
      <VerifyChain />
      <AuditFilters
        values={filters}
        onChange={changeFilters}
        users={users.data?.users ?? []}
        actions={audit.data?.actions ?? []}
      />
      <QueryStatus loading={audit.loading && !audit.data} error={audit.error} onRetry={audit.reload} />
      {audit.data && (
        <Paper withBorder radius="md" style={{ opacity: audit.loading ? 0.6 : 1 }}>
          <Table.ScrollContainer minWidth={900} type="native">
            <Table striped verticalSpacing="xs" horizontalSpacing="md" aria-busy={audit.loading}>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th w={70}>{t('audit.seq')}</Table.Th>
                  <Table.Th w={150}>{t('audit.time')}</Table.Th>
                  <Table.Th w={140}>{t('audit.user')}</Table.Th>
                  <Table.Th w={150}>{t('audit.action')}</Table.Th>
                  <Table.Th w={150}>{t('audit.record')}</Table.Th>
                  <Table.Th>{t('audit.summary')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {entries.map((entry) => (
                  <Table.Tr key={entry.seq}>
                    <Table.Td>{entry.seq}</Table.Td>
                    <Table.Td className="bangfu-nowrap">{formatDateTime(entry.at)}</Table.Td>
                    <Table.Td>{entry.userName ?? t('audit.system')}</Table.Td>
                    <Table.Td>{actionLabel(entry.action)}</Table.Td>
                    <Table.Td>
                      {entry.recordType && recordTypeLabel(entry.recordType)}
                      {entry.recordId && (
                        <Text span ff="monospace" size="xs" c="dimmed" ml={6} title={entry.recordId}>
                          {shortId(entry.recordId)}
                        </Text>
                      )}
                    </Table.Td>
                    <Table.Td>{auditSummaryText(entry.summary)}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
          {entries.length === 0 && (
            <Text c="dimmed" ta="center" py="lg">
              {t('audit.empty')}
            </Text>
          )}
        </Paper>
      )}
      {audit.data && (
        <Group justify="space-between" mt="md">
          <Text size="sm" c="dimmed">
            {t('audit.total', { total })}
          </Text>
          <Pagination
            total={pages}
            value={page}
            onChange={setPage}
            getControlProps={(control) =>
              control === 'previous'
                ? { 'aria-label': t('audit.previous') }
                : control === 'next'
                  ? { 'aria-label': t('audit.next') }
                  : {}
            }
            getItemProps={(item) => ({ 'aria-label': t('audit.page', { page: item }) })}
          />
        </Group>
      )}
    </>
  );
}
