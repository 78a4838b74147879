import { Alert, Anchor, Button, Group, Paper, Select, SimpleGrid, Stack, Text, TextInput, Title } from '@mantine/core';
import { IconCheck } from '@tabler/icons-react';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { PAYMENT_STATUSES, type PaymentStatus } from '@shared/domain/aid';
import { roleAllows } from '@shared/roles';
import { useQuery } from '../../api/hooks';
import { useSession } from '../../app/session/session-context';
import { formatDateTime } from '../../components/format';
import { ListPagination } from '../../components/ListPagination';
import { notifySuccess } from '../../components/notify';
import { PageHeader } from '../../components/PageHeader';
import { QueryStatus } from '../../components/QueryStatus';
import { useT } from '../../i18n';
import { AidPrintButton } from './AidPrintButton';
import { BatchApproveModal } from './BatchApproveModal';
import { yuan } from './aid-format';
import { MarkPaidModal } from './MarkPaidModal';
import { PaymentsTable } from './PaymentsTable';
import { ReturnListModal } from './ReturnListModal';
import { VoucherPrint } from './VoucherPrint';

const PAGE_SIZE = 50;

/** 重新打印: vouchers by serial range, after a printer jammed in the middle of a batch. */
function SerialRangeReprint({ serials }: { serials: string[] }) {
  const t = useT();
  const sorted = [...serials].sort();
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const ready = from.trim() !== '' && to.trim() !== '';
  return (
    <Group gap="sm" align="flex-end">
      <TextInput
        label={t('aidBatch.serialFrom')}
        placeholder={sorted[0]}
        value={from}
        onChange={(e) => setFrom(e.currentTarget.value)}
        w={150}
      />
      <TextInput
        label={t('aidBatch.serialTo')}
        placeholder={sorted.at(-1)}
        value={to}
        onChange={(e) => setTo(e.currentTarget.value)}
        w={150}
      />
      <VoucherPrint
        label={t('aidBatch.reprint')}
        disabled={!ready}
        target={() => (ready ? { serialFrom: from.trim(), serialTo: to.trim() } : null)}
      />
    </Group>
  );
}

/** 发放批次: its counts by status, its payments, and the steps of a batch — approve, print, pay. */
export function BatchPage() {
  const t = useT();
  const { batchId = '' } = useParams();
  const { session } = useSession();
  const role = session.user.role;
  const batch = useQuery('aid.batch', { id: batchId });
  const [status, setStatus] = useState<PaymentStatus | undefined>(undefined);
  const [page, setPage] = useState(1);
  const payments = useQuery('aid.payments', { batchId, status, page, pageSize: PAGE_SIZE });
  const [approving, setApproving] = useState(false);
  const [markingPaid, setMarkingPaid] = useState(false);
  const [readingReturn, setReadingReturn] = useState(false);
  const reload = () => {
    batch.reload();
    payments.reload();
  };

  if (!batch.data) return <QueryStatus loading={batch.loading} error={batch.error} onRetry={batch.reload} />;
  const b = batch.data;
  const printable = b.counts.approved + b.counts.paid;

  return (
    <>
      <PageHeader title={b.name}>
        <Anchor component={Link} to={`/aid/payments?program=${b.programId}&batch=${b.id}`} size="sm">
          {t('aidBatch.inPaymentsList')}
        </Anchor>
      </PageHeader>
      <Text size="sm" c="dimmed" mb="sm">
        {t('aidBatch.headLine', {
          program: b.programName,
          method: t(`paymentMethods.${b.method}`),
          by: b.createdBy ?? t('common.none'),
          at: formatDateTime(b.createdAt),
        })}
      </Text>
      <SimpleGrid cols={{ base: 2, md: 5 }} spacing="sm" mb="md" data-testid="batch-counts">
        {PAYMENT_STATUSES.map((s) => (
          <Paper key={s} withBorder radius="md" p="sm">
            <Text size="xs" c="dimmed">
              {t(`paymentStatuses.${s}`)}
            </Text>
            <Text fw={700} size="lg" data-testid={`batch-count-${s}`}>
              {b.counts[s]}
            </Text>
          </Paper>
        ))}
        <Paper withBorder radius="md" p="sm">
          <Text size="xs" c="dimmed">
            {t('aidBatch.total')}
          </Text>
          <Text fw={700} size="lg" data-testid="batch-total">
            {yuan(b.totalFen)}
          </Text>
        </Paper>
      </SimpleGrid>

      <Paper withBorder radius="md" p="md" mb="md">
        <Stack gap="sm">
          <Group gap="sm">
            {b.counts.pending > 0 &&
              (roleAllows(role, 'reviewer') ? (
                <Button leftSection={<IconCheck size={16} />} onClick={() => setApproving(true)}>
                  {t('aidBatch.approveAll', { count: b.counts.pending })}
                </Button>
              ) : (
                <Alert color="gray" variant="light" p="xs" data-testid="approve-not-offered">
                  {t('aidBatch.approveNeedsReviewer', { count: b.counts.pending })}
                </Alert>
              ))}
            {roleAllows(role, 'clerk') && b.counts.approved > 0 && (
              <Button variant="default" onClick={() => setMarkingPaid(true)}>
                {t('aidBatch.markAllPaid', { count: b.counts.approved })}
              </Button>
            )}
            {roleAllows(role, 'clerk') && b.method === 'bank' && b.counts.approved > 0 && (
              <Button variant="default" onClick={() => setReadingReturn(true)}>
                {t('aidBatch.fromReturn')}
              </Button>
            )}
          </Group>
          {roleAllows(role, 'clerk') && (
            <Group gap="md">
              <VoucherPrint label={t('aidBatch.printVouchers')} disabled={printable === 0} target={() => ({ batchId })} />
              <AidPrintButton channel="aid.printSheet" label={t('aidBatch.printSheet')} input={() => ({ batchId })} />
              {roleAllows(role, 'admin') && b.method === 'bank' && (
                <AidPrintButton channel="aid.exportBankList" label={t('aidBatch.exportBank')} input={() => ({ batchId })} />
              )}
            </Group>
          )}
          {roleAllows(role, 'clerk') && printable > 0 && (
            <SerialRangeReprint serials={(payments.data?.rows ?? []).flatMap((p) => (p.voucherSerial ? [p.voucherSerial] : []))} />
          )}
          {printable === 0 && b.counts.pending > 0 && (
            <Text size="xs" c="dimmed">
              {t('aidBatch.vouchersAfterApproval')}
            </Text>
          )}
        </Stack>
      </Paper>

      <Group justify="space-between" mb="sm">
        <Title order={3} size="h4">
          {t('aidBatch.payments')}
        </Title>
        <Select
          aria-label={t('aidPayments.status')}
          placeholder={t('common.all')}
          data={PAYMENT_STATUSES.map((s) => ({ value: s, label: t(`paymentStatuses.${s}`) }))}
          value={status ?? null}
          onChange={(s) => {
            setStatus((s as PaymentStatus | null) ?? undefined);
            setPage(1);
          }}
          clearable
          w={140}
        />
      </Group>
      <QueryStatus loading={payments.loading && !payments.data} error={payments.error} onRetry={payments.reload} />
      {payments.data && (
        <>
          <PaymentsTable rows={payments.data.rows} busy={payments.loading} inBatch label={t('aidBatch.payments')} />
          <ListPagination
            pages={Math.max(1, Math.ceil(payments.data.total / PAGE_SIZE))}
            page={page}
            onChange={setPage}
            count={t('aidPayments.totals', { count: payments.data.totals.count, amount: yuan(payments.data.totals.amountFen) })}
          />
        </>
      )}
      <BatchApproveModal
        opened={approving}
        target={{ kind: 'batch', batch: b }}
        onClose={() => setApproving(false)}
        onDone={() => {
          setApproving(false);
          reload();
        }}
      />
      <ReturnListModal opened={readingReturn} batchId={batchId} onClose={() => setReadingReturn(false)} onDone={reload} />
      <MarkPaidModal
        opened={markingPaid}
        target={{ batchId }}
        count={b.counts.approved}
        onClose={() => setMarkingPaid(false)}
        onDone={(paid) => {
          setMarkingPaid(false);
          notifySuccess(t('aidPayments.paidDone', { count: paid }));
          reload();
        }}
      />
    </>
  );
}
