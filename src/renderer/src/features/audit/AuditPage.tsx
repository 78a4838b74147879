import { Text } from '@mantine/core';
import { useState } from 'react';
import type { AuditEntry } from '@shared/contract/audit';
import { useQuery } from '../../api/hooks';
import { DataTable, type DataColumn } from '../../components/DataTable';
import { formatDateTime } from '../../components/format';
import { ListPagination } from '../../components/ListPagination';
import { PageHeader } from '../../components/PageHeader';
import { QueryStatus } from '../../components/QueryStatus';
import { auditActionText, auditSummaryText, useT } from '../../i18n';
import { recordTypeLabel } from '../../i18n/labels';
import { AuditAlarms } from './AuditAlarms';
import { AuditFilters, NO_FILTERS, type AuditFilterValues } from './AuditFilters';
import { VerifyChain } from './VerifyChain';

const PAGE_SIZE = 50;

export function AuditPage() {
  const t = useT();
  const [filters, setFilters] = useState<AuditFilterValues>(NO_FILTERS);
  const [page, setPage] = useState(1);
  const users = useQuery('users.list', {});
  const alarms = useQuery('audit.alarms', {});
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

  const columns: DataColumn<AuditEntry>[] = [
    { key: 'seq', header: t('audit.seq'), width: 70, render: (entry) => entry.seq },
    { key: 'time', header: t('audit.time'), width: 150, nowrap: true, render: (entry) => formatDateTime(entry.at) },
    { key: 'user', header: t('audit.user'), width: 140, render: (entry) => entry.userDisplayName ?? entry.userName ?? t('audit.system') },
    { key: 'action', header: t('audit.action'), width: 150, render: (entry) => auditActionText(entry) },
    {
      key: 'record',
      header: t('audit.record'),
      width: 150,
      // The record's name when the core gives one (read from the records now); never a hex id the clerk cannot read.
      render: (entry) => (
        <>
          {entry.recordType && recordTypeLabel(entry.recordType)}
          {entry.recordName && (
            <Text span size="sm" ml={6}>
              {entry.recordName}
            </Text>
          )}
        </>
      ),
    },
    { key: 'summary', header: t('audit.summary'), render: (entry) => auditSummaryText(entry.summary) },
  ];

  // An alarm raised or acknowledged is also an audit entry: both lists are read again.
  const refresh = () => {
    alarms.reload();
    audit.reload();
  };

  const total = audit.data?.total ?? 0;
  const pages = Math.max(1, Math.ceil(total / PAGE_SIZE));
  return (
    <>
      <PageHeader title={t('audit.title')} />
      <AuditAlarms alarms={alarms.data?.alarms ?? []} onChanged={refresh} />
      <VerifyChain onChecked={refresh} />
      <AuditFilters values={filters} onChange={changeFilters} users={users.data?.users ?? []} actions={audit.data?.actions ?? []} />
      <QueryStatus loading={audit.loading && !audit.data} error={audit.error} onRetry={audit.reload} />
      {audit.data && (
        <DataTable
          columns={columns}
          rows={audit.data.entries}
          rowKey={(entry) => entry.seq}
          empty={t('audit.empty')}
          minWidth={900}
          busy={audit.loading}
          dense
        />
      )}
      {audit.data && <ListPagination pages={pages} page={page} onChange={setPage} count={t('audit.total', { total })} always />}
    </>
  );
}
