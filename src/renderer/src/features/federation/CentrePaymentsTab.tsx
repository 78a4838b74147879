import { Anchor, Badge, CloseButton, Group, NumberInput, Select, Text } from '@mantine/core';
import { useState } from 'react';
import { Link } from 'react-router';
import type { FedPaymentItem } from '@shared/contract/federation';
import { AID_TYPES, PAYMENT_STATUSES, type AidType, type PaymentStatus } from '@shared/domain/aid';
import { useQuery } from '../../api/hooks';
import { DataTable, type DataColumn } from '../../components/DataTable';
import { ListPagination } from '../../components/ListPagination';
import { QueryStatus } from '../../components/QueryStatus';
import { useT } from '../../i18n';
import { PaymentStatusBadge } from '../aid/PaymentsTable';
import { yuan } from '../aid/aid-format';
import type { PaymentsFilter } from './centre-url-filters';
import { dayOf, personFacts } from './fed-format';

const PAGE_SIZE = 50;

/**
 * A centre's payments: year, type and status, paged in the core, with the totals of the whole selection; a link's
 * program and days of entry show as badges the clerk can take off.
 */
export function CentrePaymentsTab({ code, initial = {} }: { code: string; initial?: PaymentsFilter }) {
  const t = useT();
  const [year, setYear] = useState<number | undefined>(initial.year);
  const [type, setType] = useState<AidType | undefined>(initial.type);
  const [status, setStatus] = useState<PaymentStatus | undefined>(initial.status);
  const [program, setProgram] = useState(initial.program);
  const [days, setDays] = useState(initial.from || initial.to ? { from: initial.from, to: initial.to } : undefined);
  const [page, setPage] = useState(1);
  const list = useQuery('federation.centrePayments', {
    centre: code,
    year,
    type,
    status,
    programId: program,
    ...days,
    page,
    pageSize: PAGE_SIZE,
  });
  const columns: DataColumn<FedPaymentItem>[] = [
    {
      key: 'recipient',
      header: t('fedCentre.recipient'),
      render: (p) => (
        <>
          <Text size="sm">{p.recipient.name}</Text>
          <Text size="xs" c="dimmed" ff="monospace">
            {p.recipient.idNumberMasked} {personFacts(t, p.recipient)}
          </Text>
        </>
      ),
    },
    { key: 'year', header: t('fedCentre.year'), width: 70, render: (p) => p.year },
    { key: 'type', header: t('fedCentre.type'), width: 100, render: (p) => t(`aidTypes.${p.type}`) },
    { key: 'amount', header: t('fedCentre.amount'), width: 120, align: 'right', nowrap: true, render: (p) => yuan(p.amountFen) },
    { key: 'status', header: t('fedCentre.status'), width: 100, render: (p) => <PaymentStatusBadge status={p.status} /> },
    { key: 'paidOn', header: t('fedCentre.paidOn'), width: 110, nowrap: true, render: (p) => p.paidOn ?? dayOf(p.enteredAt) },
    {
      key: 'file',
      header: t('fedCentre.fileNo'),
      width: 80,
      render: (p) =>
        p.fileId ? (
          <Anchor component={Link} to={`/federation/centres/${encodeURIComponent(code)}/files/${p.fileId}`} size="sm">
            {t('fedCentres.open')}
          </Anchor>
        ) : (
          ''
        ),
    },
  ];
  const change = (next: () => void) => {
    next();
    setPage(1);
  };
  const totals = list.data?.totals;
  return (
    <>
      <Group gap="xs" align="flex-end" mb="md">
        <NumberInput
          label={t('fedCentre.year')}
          placeholder={t('fedCentre.allYears')}
          value={year ?? ''}
          onChange={(v) => change(() => setYear(typeof v === 'number' && v >= 2000 && v <= 2100 ? v : undefined))}
          min={2000}
          max={2100}
          allowDecimal={false}
          w={110}
        />
        <Select
          label={t('fedCentre.type')}
          placeholder={t('fedCentre.allTypes')}
          data={AID_TYPES.map((a) => ({ value: a, label: t(`aidTypes.${a}`) }))}
          value={type ?? null}
          onChange={(a) => change(() => setType((a as AidType | null) ?? undefined))}
          clearable
          w={130}
        />
        <Select
          label={t('fedCentre.status')}
          placeholder={t('fedCentre.allStatuses')}
          data={PAYMENT_STATUSES.map((s) => ({ value: s, label: t(`paymentStatuses.${s}`) }))}
          value={status ?? null}
          onChange={(s) => change(() => setStatus((s as PaymentStatus | null) ?? undefined))}
          clearable
          w={130}
        />
        {program && (
          <Badge
            size="lg"
            variant="light"
            rightSection={
              <CloseButton size="xs" aria-label={t('fedCentre.clearProgram')} onClick={() => change(() => setProgram(undefined))} />
            }
          >
            {t('fedCentre.programChosen')}
          </Badge>
        )}
        {days && (
          <Badge
            size="lg"
            variant="light"
            rightSection={<CloseButton size="xs" aria-label={t('fedCentre.clearDays')} onClick={() => change(() => setDays(undefined))} />}
          >
            {t('fedCentre.enteredDays', { from: days.from ?? '…', to: days.to ?? '…' })}
          </Badge>
        )}
      </Group>
      <QueryStatus loading={list.loading && !list.data} error={list.error} onRetry={list.reload} />
      {list.data && totals && (
        <>
          <Text size="sm" mb="xs" data-testid="fed-payment-totals">
            {t('fedCentre.totals', {
              count: totals.count,
              amount: yuan(totals.amountFen),
              voidedCount: totals.voidedCount,
              voidedAmount: yuan(totals.voidedFen),
            })}
          </Text>
          <DataTable
            columns={columns}
            rows={list.data.items}
            rowKey={(p) => p.id}
            empty={t('fedCentre.empty')}
            minWidth={900}
            busy={list.loading}
            label={t('fedCentre.tabPayments')}
          />
          <ListPagination
            pages={Math.max(1, Math.ceil(list.data.total / PAGE_SIZE))}
            page={page}
            onChange={setPage}
            count={t('fedCentre.total', { total: list.data.total })}
          />
        </>
      )}
    </>
  );
}
