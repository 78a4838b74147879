import { Anchor, Text } from '@mantine/core';
import { useState } from 'react';
import { Link } from 'react-router';
import type { DrillFileRow, DrillPaymentRow } from '@shared/contract/reports';
import { useQuery } from '../../api/hooks';
import { DataTable, type DataColumn } from '../../components/DataTable';
import { GuardedModal } from '../../components/GuardedModal';
import { ListPagination } from '../../components/ListPagination';
import { formatYuan } from '../../components/money';
import { QueryStatus } from '../../components/QueryStatus';
import { useT } from '../../i18n';

const PAGE_SIZE = 50;

/**
 * The list behind a report's number (reports.drill): files or payments, a page at a time, each file a link to its page.
 * In federation mode (`centre` given) each row names its centre and a file links to the centre's read-only file page.
 */
export function DrillModal({ drillKey, centre, onClose }: { drillKey: string | null; centre?: string; onClose: () => void }) {
  const t = useT();
  return (
    <GuardedModal opened={drillKey !== null} onClose={onClose} size={1240} title={t('reports.drillHeading')}>
      {drillKey && <DrillList key={`${centre ?? ''}|${drillKey}`} drillKey={drillKey} centre={centre} />}
    </GuardedModal>
  );
}

function FileLink({ fileId, fileNo, centreCode }: { fileId: string | null; fileNo: string | null; centreCode?: string }) {
  const t = useT();
  if (!fileId) return <>{fileNo ?? ''}</>;
  const to = centreCode ? `/federation/centres/${encodeURIComponent(centreCode)}/files/${fileId}` : `/files/${fileId}`;
  return (
    <Anchor component={Link} to={to} size="sm">
      {fileNo ?? t('reports.noNumber')}
    </Anchor>
  );
}

function DrillList({ drillKey, centre }: { drillKey: string; centre?: string }) {
  const t = useT();
  const [page, setPage] = useState(1);
  const list = useQuery('reports.drill', {
    key: drillKey,
    limit: PAGE_SIZE,
    offset: (page - 1) * PAGE_SIZE,
    ...(centre ? { centre } : {}),
  });
  const data = list.data;
  const centreColumn = <R extends { centreName?: string }>(): DataColumn<R>[] =>
    centre ? [{ key: 'centre', header: t('reports.centreColumn'), render: (r) => r.centreName ?? '' }] : [];
  const fileColumns: DataColumn<DrillFileRow>[] = [
    ...centreColumn<DrillFileRow>(),
    {
      key: 'fileNo',
      header: t('reports.fileNo'),
      width: 150,
      render: (r) => <FileLink fileId={r.fileId} fileNo={r.fileNo} centreCode={r.centreCode} />,
    },
    { key: 'headName', header: t('reports.headName'), render: (r) => r.headName },
    { key: 'headId', header: t('reports.headId'), monospace: true, nowrap: true, render: (r) => r.headIdMasked },
    {
      key: 'category',
      header: t('reports.category'),
      nowrap: true,
      render: (r) => (r.category ? t(`hardshipCategories.${r.category}`) : ''),
    },
    { key: 'worker', header: t('reports.workerType'), nowrap: true, render: (r) => t(`workerTypes.${r.workerType}`) },
    { key: 'entry', header: t('reports.entryKind'), nowrap: true, render: (r) => t(`entryKinds.${r.entryKind}`) },
    { key: 'cause', header: t('reports.mainCause'), render: (r) => (r.mainCause ? t(`causes.${r.mainCause}`) : '') },
    { key: 'status', header: t('reports.status'), nowrap: true, render: (r) => t(`fileStatuses.${r.status}`) },
    { key: 'stepOn', header: t('reports.stepOn'), nowrap: true, render: (r) => r.stepOn ?? '' },
  ];
  const paymentColumns: DataColumn<DrillPaymentRow>[] = [
    ...centreColumn<DrillPaymentRow>(),
    { key: 'voucherNo', header: t('reports.voucherNo'), nowrap: true, render: (r) => r.voucherNo ?? '' },
    { key: 'recipient', header: t('reports.recipient'), render: (r) => r.recipientName },
    { key: 'id', header: t('reports.headId'), monospace: true, nowrap: true, render: (r) => r.recipientIdMasked },
    {
      key: 'fileNo',
      header: t('reports.fileNo'),
      render: (r) => <FileLink fileId={r.fileId} fileNo={r.fileNo} centreCode={r.centreCode} />,
    },
    { key: 'type', header: t('reports.program'), render: (r) => `${t(`aidTypes.${r.type}`)} · ${r.programName}` },
    { key: 'amount', header: t('reports.amount'), align: 'right', nowrap: true, render: (r) => formatYuan(r.amountFen) },
    { key: 'paidOn', header: t('reports.paidOn'), nowrap: true, render: (r) => r.paidOn ?? '' },
    { key: 'status', header: t('reports.status'), nowrap: true, render: (r) => t(`paymentStatuses.${r.status}`) },
  ];
  return (
    <>
      <QueryStatus loading={list.loading && !data} error={list.error} onRetry={list.reload} />
      {data && (
        <>
          <Text size="sm" mb="xs">
            {data.kind === 'files'
              ? t('reports.drillTitle', { count: String(data.total) })
              : t('reports.drillPaymentsTitle', { count: String(data.total) })}
          </Text>
          {data.kind === 'files' ? (
            <DataTable
              columns={fileColumns}
              rows={data.rows}
              rowKey={(r) => r.fileId}
              empty={t('reports.drillEmpty')}
              minWidth={820}
              busy={list.loading}
              dense
            />
          ) : (
            <DataTable
              columns={paymentColumns}
              rows={data.rows}
              rowKey={(r) => r.paymentId}
              empty={t('reports.drillEmpty')}
              minWidth={820}
              busy={list.loading}
              dense
            />
          )}
          <ListPagination pages={Math.max(1, Math.ceil(data.total / PAGE_SIZE))} page={page} onChange={setPage} />
        </>
      )}
    </>
  );
}
