import { Button, Group, Paper, Text } from '@mantine/core';
import { IconCheck } from '@tabler/icons-react';
import { useState } from 'react';
import { useSearchParams } from 'react-router';
import type { ChannelOutput } from '@shared/contract';
import type { PaymentFilters as Filters, PaymentItem } from '@shared/contract/aid-types';
import { AID_TYPES, PAYMENT_STATUSES } from '@shared/domain/aid';
import { roleAllows } from '@shared/roles';
import { useQuery } from '../../api/hooks';
import { useSession } from '../../app/session/session-context';
import { ListPagination } from '../../components/ListPagination';
import { notifySuccess } from '../../components/notify';
import { PageHeader } from '../../components/PageHeader';
import { EmergencyPaymentButton } from './EmergencyPaymentModal';
import { QueryStatus } from '../../components/QueryStatus';
import { useT } from '../../i18n';
import { yuan } from './aid-format';
import { BatchApproveModal } from './BatchApproveModal';
import { MarkPaidModal } from './MarkPaidModal';
import { OwnTickedNotice } from './OwnTickedNotice';
import { PaymentFilters } from './PaymentFilters';
import { PaymentsTable } from './PaymentsTable';
import { VoucherPrint } from './VoucherPrint';

const PAGE_SIZE = 50;

const isDay = (value: string | null): value is string => value !== null && /^\d{4}-\d{2}-\d{2}$/.test(value);

/**
 * A link's filters (/aid/payments?program=…&batch=…&status=pending; the director's charts: ?type=festival&from=…&to=…):
 * read once, when the list opens; a value the list does not know is left out.
 */
function filtersFromUrl(params: URLSearchParams): Filters {
  const status = params.get('status');
  const type = params.get('type');
  const from = params.get('from');
  const to = params.get('to');
  return {
    ...(params.get('program') ? { programId: params.get('program')! } : {}),
    ...(params.get('batch') ? { batchId: params.get('batch')! } : {}),
    ...(status && (PAYMENT_STATUSES as readonly string[]).includes(status) ? { status: status as Filters['status'] } : {}),
    ...(type && (AID_TYPES as readonly string[]).includes(type) ? { type: type as Filters['type'] } : {}),
    ...(isDay(from) ? { from } : {}),
    ...(isDay(to) ? { to } : {}),
  };
}

/** The totals of the whole selection (all pages), by status. */
function Totals({ totals, voidedOnly }: { totals: ChannelOutput<'aid.payments'>['totals']; voidedOnly: boolean }) {
  const t = useT();
  // Filtered to 已作废, "共 0 笔（不含作废）" would contradict the rows below it: say what the voided ones are.
  if (voidedOnly)
    return (
      <Text size="sm" data-testid="payments-totals">
        {t('aidPayments.totalsVoided', { count: totals.byStatus.voided ?? 0, amount: yuan(totals.voidedFen) })}
      </Text>
    );
  const parts = PAYMENT_STATUSES.filter((s) => totals.byStatus[s]).map((s) => `${t(`paymentStatuses.${s}`)} ${totals.byStatus[s]}`);
  return (
    <Text size="sm" data-testid="payments-totals">
      {t('aidPayments.totals', { count: totals.count, amount: yuan(totals.amountFen) })}
      {parts.length > 0 && `（${parts.join(t('common.listJoin'))}）`}
    </Text>
  );
}

/** 发放记录: every payment, filtered and paged in the core; ticked ones approved, marked paid or printed. */
export function PaymentsPage() {
  const t = useT();
  const { session } = useSession();
  const role = session.user.role;
  const [params] = useSearchParams();
  const [filters, setFilters] = useState<Filters>(() => filtersFromUrl(params));
  const [page, setPage] = useState(1);
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const [markingPaid, setMarkingPaid] = useState(false);
  const list = useQuery('aid.payments', { ...filters, page, pageSize: PAGE_SIZE });

  const rows = list.data?.rows ?? [];
  const ticked = rows.filter((r) => selected.has(r.id));
  const ofStatus = (status: PaymentItem['status']) => ticked.filter((r) => r.status === status);
  const printable = ticked.filter((r) => r.status === 'approved' || r.status === 'paid');
  // The reviewer's own entries among the ticked pending rows: the core would refuse them all (four eyes).
  const ownTicked = ofStatus('pending').filter((r) => r.enteredById === session.user.id);

  const change = (next: Partial<Filters>) => {
    setFilters((f) => ({ ...f, ...next }));
    setPage(1);
    setSelected(new Set());
  };
  const [approving, setApproving] = useState(false);
  const tickedPending = ofStatus('pending');

  return (
    <>
      <PageHeader title={t('aidPayments.title')}>
        {/* The emergency route: 临时救助 for a worker who has no file (EmergencyPaymentModal.tsx). */}
        <EmergencyPaymentButton />
      </PageHeader>
      <PaymentFilters filters={filters} onChange={change} />
      <Paper withBorder radius="md" p="sm" mb="sm">
        <Group justify="space-between" gap="sm">
          {list.data ? <Totals totals={list.data.totals} voidedOnly={filters.status === 'voided'} /> : <span />}
          <Group gap="sm">
            <Text size="sm" c="dimmed">
              {t('aidPayments.tickedCount', { count: ticked.length })}
            </Text>
            {roleAllows(role, 'reviewer') && (
              <Button
                size="sm"
                leftSection={<IconCheck size={16} />}
                disabled={tickedPending.length === 0 || ownTicked.length > 0}
                aria-describedby={ownTicked.length > 0 ? 'own-ticked' : undefined}
                onClick={() => setApproving(true)}
              >
                {t('aidPayments.approve')}
              </Button>
            )}
            {roleAllows(role, 'clerk') && (
              <>
                <Button size="sm" variant="default" disabled={ofStatus('approved').length === 0} onClick={() => setMarkingPaid(true)}>
                  {t('aidPayments.markPaid')}
                </Button>
                <VoucherPrint disabled={printable.length === 0} target={() => ({ ids: printable.map((r) => r.id) })} />
              </>
            )}
          </Group>
        </Group>
      </Paper>
      {roleAllows(role, 'reviewer') && (
        <OwnTickedNotice
          own={ownTicked}
          onUntick={() => setSelected(new Set([...selected].filter((id) => !ownTicked.some((r) => r.id === id))))}
        />
      )}
      <QueryStatus loading={list.loading && !list.data} error={list.error} onRetry={list.reload} />
      {list.data && (
        <>
          <PaymentsTable
            rows={rows}
            busy={list.loading}
            selected={roleAllows(role, 'clerk') ? selected : undefined}
            onSelect={setSelected}
            label={t('aidPayments.title')}
          />
          <ListPagination
            pages={Math.max(1, Math.ceil(list.data.total / PAGE_SIZE))}
            page={page}
            onChange={(next) => {
              setPage(next);
              setSelected(new Set());
            }}
            count={t('aidPayments.count', { count: list.data.total })}
          />
        </>
      )}
      <BatchApproveModal
        opened={approving}
        target={{ kind: 'ticked', ids: tickedPending.map((r) => r.id), amountFen: tickedPending.reduce((sum, r) => sum + r.amountFen, 0) }}
        onClose={() => setApproving(false)}
        onDone={() => {
          setApproving(false);
          setSelected(new Set());
          list.reload();
        }}
      />
      <MarkPaidModal
        opened={markingPaid}
        target={{ ids: ofStatus('approved').map((r) => r.id) }}
        count={ofStatus('approved').length}
        onClose={() => setMarkingPaid(false)}
        onDone={(paid) => {
          setMarkingPaid(false);
          notifySuccess(t('aidPayments.paidDone', { count: paid }));
          setSelected(new Set());
          list.reload();
        }}
      />
    </>
  );
}
