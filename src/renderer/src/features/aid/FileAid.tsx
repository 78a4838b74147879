import { Anchor, Button, Group, Paper, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import type { FileAidSummary } from '@shared/contract/aid';
import type { FileDetail } from '@shared/contract/hardship';
import { roleAllows } from '@shared/roles';
import { useQuery } from '../../api/hooks';
import { useSession } from '../../app/session/session-context';
import { DataTable } from '../../components/DataTable';
import { formatDateTime } from '../../components/format';
import { formatYuan } from '../../components/money';
import { QueryStatus } from '../../components/QueryStatus';
import { useT } from '../../i18n';
import { PrintButton } from '../files/PrintButton';
import { NewPaymentModal } from './NewPaymentModal';
import { PaymentStatusBadge } from './PaymentStatusBadge';

/** Files that may be paid: 在档, or in the annual review (复核) that keeps them so until it ends. */
const PAYABLE = ['active', 'annualReview'];

function Caps({ summary }: { summary: FileAidSummary }) {
  const t = useT();
  const money = (fen: number | null) => (fen === null ? t('aidFile.noCap') : `¥${formatYuan(fen)}`);
  return (
    <Paper withBorder radius="md" p="md">
      <Title order={5} mb="xs">
        {t('aidFile.capsTitle', { year: summary.year })}
      </Title>
      <Table aria-label={t('aidFile.capsTitle', { year: summary.year })} data-testid="aid-caps">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('aidFile.capKind')}</Table.Th>
            <Table.Th ta="right">{t('aidFile.capLimit')}</Table.Th>
            <Table.Th ta="right">{t('aidFile.capUsed')}</Table.Th>
            <Table.Th ta="right">{t('aidFile.capLeft')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {summary.caps.map((c) => (
            <Table.Tr key={c.key}>
              <Table.Td>{c.type ? t(`aidTypes.${c.type}`) : t('aidFile.capTotalKind')}</Table.Td>
              <Table.Td ta="right">{money(c.limitFen)}</Table.Td>
              <Table.Td ta="right">¥{formatYuan(c.usedFen)}</Table.Td>
              <Table.Td ta="right">{c.leftFen === null ? '—' : `¥${formatYuan(c.leftFen)}`}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Paper>
  );
}

function ByYear({ summary }: { summary: FileAidSummary }) {
  const t = useT();
  return (
    <Paper withBorder radius="md" p="md">
      <Title order={5} mb="xs">
        {t('aidFile.byYearTitle')}
      </Title>
      {summary.byYear.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('aidFile.byYearEmpty')}
        </Text>
      ) : (
        <Table aria-label={t('aidFile.byYearTitle')} data-testid="aid-by-year">
          <Table.Tbody>
            {summary.byYear.map((y) => [
              ...y.byType.map((row) => (
                <Table.Tr key={`${y.year}-${row.type}`}>
                  <Table.Td>{y.year}</Table.Td>
                  <Table.Td>{t(`aidTypes.${row.type}`)}</Table.Td>
                  <Table.Td ta="right">{row.count}</Table.Td>
                  <Table.Td ta="right">¥{formatYuan(row.amountFen)}</Table.Td>
                </Table.Tr>
              )),
              <Table.Tr key={`${y.year}-total`} fw={600}>
                <Table.Td colSpan={3}>{t('aidFile.yearTotal', { year: y.year })}</Table.Td>
                <Table.Td ta="right">¥{formatYuan(y.totalFen)}</Table.Td>
              </Table.Tr>,
            ])}
          </Table.Tbody>
        </Table>
      )}
    </Paper>
  );
}

/**
 * The certificate is for 在档 files whose annual review is not overdue (the core's rule, FileDetail.reviewOverdue);
 * for any other the clerk sees why instead of a button that fails.
 */
function CertificateButton({ file }: { file: FileDetail }) {
  const t = useT();
  if (file.status === 'active' && !file.reviewOverdue) {
    return <PrintButton channel="aid.printCertificate" input={{ fileId: file.id, layout: 'a4' }} label={t('aidFile.printCertificate')} />;
  }
  const why =
    file.status === 'active'
      ? t('aidFile.certificateReviewOverdue', { date: file.nextReviewOn ?? '' })
      : t('aidFile.certificateOnlyActive', { status: t(`fileStatuses.${file.status}`) });
  return (
    <Stack gap={2} maw={260}>
      <Button variant="default" disabled aria-describedby="certificate-why">
        {t('aidFile.printCertificate')}
      </Button>
      <Text id="certificate-why" size="xs" c="dimmed">
        {why}
      </Text>
    </Stack>
  );
}

/** The file page's 帮扶救助 tab: what the household received, what each cap still allows, its payments, new ones. */
export function FileAid({ file }: { file: FileDetail }) {
  const t = useT();
  const navigate = useNavigate();
  const { session } = useSession();
  const canEnter = roleAllows(session.user.role, 'clerk');
  const summary = useQuery('aid.fileSummary', { fileId: file.id });
  const payments = useQuery('aid.payments', { fileId: file.id, page: 1, pageSize: 200 });
  const [adding, setAdding] = useState(false);
  const payable = PAYABLE.includes(file.status);

  return (
    <Stack data-testid="file-aid">
      {canEnter && (
        <Group align="flex-start">
          <Stack gap={2} maw={300}>
            <Button
              leftSection={<IconPlus size={16} />}
              disabled={!payable}
              onClick={() => setAdding(true)}
              aria-describedby={payable ? undefined : 'new-payment-why'}
            >
              {t('aidFile.newPayment')}
            </Button>
            {!payable && (
              <Text id="new-payment-why" size="xs" c="dimmed">
                {t('aidFile.notPayable', { status: t(`fileStatuses.${file.status}`) })}
              </Text>
            )}
          </Stack>
          <CertificateButton file={file} />
          <PrintButton channel="aid.printContactCards" input={{ fileIds: [file.id] }} label={t('aidFile.printContactCard')} />
        </Group>
      )}
      <QueryStatus loading={summary.loading && !summary.data} error={summary.error} onRetry={summary.reload} />
      {summary.data && (
        <>
          <Text fw={600} data-testid="aid-last-12">
            {t('aidFile.last12', { amount: formatYuan(summary.data.last12MonthsFen) })}
          </Text>
          <SimpleGrid cols={{ base: 1, md: 2 }}>
            <Caps summary={summary.data} />
            <ByYear summary={summary.data} />
          </SimpleGrid>
        </>
      )}
      <Title order={5}>{t('aidFile.paymentsTitle')}</Title>
      <QueryStatus loading={payments.loading && !payments.data} error={payments.error} onRetry={payments.reload} />
      {payments.data && (
        <DataTable
          label={t('aidFile.paymentsTitle')}
          rows={payments.data.rows}
          rowKey={(p) => p.id}
          empty={t('aidFile.paymentsEmpty')}
          minWidth={1040}
          onRowClick={(p) => void navigate(`/aid/payments/${p.id}`)}
          columns={[
            { key: 'at', header: t('aidFile.enteredAt'), width: 140, nowrap: true, render: (p) => formatDateTime(p.enteredAt) },
            {
              key: 'program',
              header: t('aidFile.program'),
              render: (p) => (
                <Anchor component={Link} to={`/aid/payments/${p.id}`} size="sm">
                  {p.programName}
                </Anchor>
              ),
            },
            { key: 'type', header: t('aidFile.type'), width: 90, render: (p) => t(`aidTypes.${p.type}`) },
            { key: 'student', header: t('aidFile.student'), width: 90, render: (p) => p.studentName ?? '' },
            {
              key: 'amount',
              header: t('aidFile.amount'),
              width: 110,
              align: 'right',
              nowrap: true,
              render: (p) => `¥${formatYuan(p.amountFen)}`,
            },
            { key: 'method', header: t('aidFile.method'), width: 90, render: (p) => t(`paymentMethods.${p.method}`) },
            { key: 'status', header: t('aidFile.status'), width: 90, render: (p) => <PaymentStatusBadge status={p.status} /> },
            { key: 'serial', header: t('aidFile.serial'), width: 120, monospace: true, render: (p) => p.voucherSerial ?? '' },
            // When it went out and who marked it so (登记已发放, or the bank's return list).
            {
              key: 'paid',
              header: t('aidFile.paid'),
              width: 150,
              render: (p) => (p.paidOn ? t('aidFile.paidBy', { date: p.paidOn, who: p.paidBy ?? t('common.none') }) : ''),
            },
          ]}
        />
      )}
      <NewPaymentModal
        file={file}
        opened={adding}
        onClose={() => setAdding(false)}
        onCreated={() => {
          setAdding(false);
          summary.reload();
          payments.reload();
        }}
      />
    </Stack>
  );
}
