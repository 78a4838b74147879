import { Anchor, Badge, Checkbox, Text } from '@mantine/core';
import { Link, useNavigate } from 'react-router';
import type { PaymentItem } from '@shared/contract/aid-types';
import type { PaymentStatus } from '@shared/domain/aid';
import { DataTable, type DataColumn } from '../../components/DataTable';
import { formatDateTime } from '../../components/format';
import { useT } from '../../i18n';
import { yuan } from './aid-format';

const STATUS_COLOR: Record<PaymentStatus, string> = { pending: 'yellow', approved: 'blue', paid: 'green', voided: 'gray' };

export function PaymentStatusBadge({ status }: { status: PaymentStatus }) {
  const t = useT();
  return (
    <Badge variant="light" color={STATUS_COLOR[status]}>
      {t(`paymentStatuses.${status}`)}
    </Badge>
  );
}

interface PaymentsTableProps {
  rows: PaymentItem[];
  busy?: boolean;
  /** Ticks to pick payments for an action; without it the table has no tick column. */
  selected?: Set<string>;
  onSelect?: (next: Set<string>) => void;
  /** The batch's own list leaves out the program and batch columns. */
  inBatch?: boolean;
  label: string;
}

/** Payments, one a row; a row opens the payment (/aid/payments/:id). */
export function PaymentsTable({ rows, busy, selected, onSelect, inBatch, label }: PaymentsTableProps) {
  const t = useT();
  const navigate = useNavigate();
  const allTicked = rows.length > 0 && rows.every((r) => selected?.has(r.id));
  const tick = (id: string, on: boolean) => {
    const next = new Set(selected);
    if (on) next.add(id);
    else next.delete(id);
    onSelect?.(next);
  };
  const columns: DataColumn<PaymentItem>[] = [
    ...(selected && onSelect
      ? [
          {
            key: 'tick',
            width: 44,
            header: (
              <Checkbox
                aria-label={t('aidPayments.tickPage')}
                checked={allTicked}
                indeterminate={!allTicked && rows.some((r) => selected.has(r.id))}
                onChange={(e) => onSelect(e.currentTarget.checked ? new Set([...selected, ...rows.map((r) => r.id)]) : new Set())}
              />
            ),
            render: (p: PaymentItem) => (
              <Checkbox
                aria-label={t('aidPayments.tickRow', {
                  name: p.recipientName,
                  amount: yuan(p.amountFen),
                  status: t(`paymentStatuses.${p.status}`),
                })}
                checked={selected.has(p.id)}
                onClick={(e) => e.stopPropagation()}
                onChange={(e) => tick(p.id, e.currentTarget.checked)}
              />
            ),
          },
        ]
      : []),
    {
      key: 'recipient',
      header: t('aidPayments.recipient'),
      render: (p) => (
        <>
          <Anchor component={Link} to={`/aid/payments/${p.id}`} size="sm" onClick={(e) => e.stopPropagation()}>
            {p.recipientName}
          </Anchor>
          <Text size="xs" c="dimmed">
            {[p.studentName, p.recipientUnit].filter(Boolean).join(' · ') || p.fileNo || ''}
          </Text>
        </>
      ),
    },
    ...(inBatch
      ? []
      : [
          {
            key: 'program',
            header: t('aidPayments.program'),
            render: (p: PaymentItem) => (
              <>
                <Text size="sm">{p.programName}</Text>
                {p.batchName && p.batchId && (
                  <Anchor component={Link} to={`/aid/batches/${p.batchId}`} size="xs" onClick={(e) => e.stopPropagation()}>
                    {p.batchName}
                  </Anchor>
                )}
              </>
            ),
          },
        ]),
    { key: 'amount', header: t('aidPayments.amount'), align: 'right', nowrap: true, width: 130, render: (p) => yuan(p.amountFen) },
    { key: 'method', header: t('aidPayments.method'), width: 100, nowrap: true, render: (p) => t(`paymentMethods.${p.method}`) },
    {
      key: 'serial',
      header: t('aidPayments.serial'),
      width: 120,
      monospace: true,
      nowrap: true,
      render: (p) => p.voucherSerial ?? t('common.none'),
    },
    { key: 'status', header: t('aidPayments.status'), width: 100, nowrap: true, render: (p) => <PaymentStatusBadge status={p.status} /> },
    // Who entered it: a reviewer ticking rows to approve sees which are their own (the four-eyes rule refuses those).
    { key: 'enteredBy', header: t('aidPayments.enteredBy'), width: 90, nowrap: true, render: (p) => p.enteredBy ?? t('common.none') },
    {
      key: 'date',
      header: t('aidPayments.date'),
      width: 110,
      nowrap: true,
      render: (p) => p.paidOn ?? formatDateTime(p.enteredAt).slice(0, 10),
    },
  ];
  return (
    <DataTable
      columns={columns}
      rows={rows}
      rowKey={(p) => p.id}
      empty={t('aidPayments.empty')}
      minWidth={inBatch ? 820 : 1000}
      busy={busy}
      onRowClick={(p) => void navigate(`/aid/payments/${p.id}`)}
      label={label}
    />
  );
}
