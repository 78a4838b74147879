import { Alert, Anchor, Group, List, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { IconArrowLeft } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import type { PaymentItem } from '@shared/contract/aid';
import { useQuery } from '../../api/hooks';
import { formatDateTime } from '../../components/format';
import { formatYuan } from '../../components/money';
import { QueryStatus } from '../../components/QueryStatus';
import { useT } from '../../i18n';
import { PaymentActions } from './PaymentActions';
import { PaymentStatusBadge } from './PaymentStatusBadge';
import { suggestionText } from './suggestion-text';

function Field({ label, children }: { label: string; children: ReactNode }) {
  return (
    <Stack gap={0}>
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text size="sm" component="div">
        {children || '—'}
      </Text>
    </Stack>
  );
}

function Fields({ p }: { p: PaymentItem }) {
  const t = useT();
  const f = (key: Parameters<typeof t>[0]) => t(key);
  return (
    <SimpleGrid cols={{ base: 2, md: 4 }} spacing="sm" data-testid="payment-fields">
      <Field label={f('aidPayment.recipient')}>{p.recipientName}</Field>
      <Field label={f('aidPayment.idNumber')}>{p.recipientIdMasked}</Field>
      <Field label={f('aidPayment.unit')}>{p.recipientUnit}</Field>
      <Field label={f('aidPayment.file')}>
        {p.fileId ? (
          <Anchor component={Link} to={`/files/${p.fileId}`} size="sm">
            {p.fileNo ?? p.recipientName}
          </Anchor>
        ) : (
          t('aidPayment.emergencyRoute')
        )}
      </Field>
      <Field label={f('aidPayment.program')}>{p.programName}</Field>
      <Field label={f('aidPayment.type')}>{t(`aidTypes.${p.type}`)}</Field>
      <Field label={f('aidPayment.year')}>{p.year}</Field>
      <Field label={f('aidPayment.batch')}>{p.batchName}</Field>
      {p.studentName && (
        <Field label={f('aidPayment.student')}>
          {p.studentName}
          {p.schoolStage ? `（${t(`schoolStages.${p.schoolStage}`)}）` : ''}
        </Field>
      )}
      <Field label={f('aidPayment.amount')}>
        <Text fw={700} span data-testid="payment-amount">
          ¥{formatYuan(p.amountFen)}
        </Text>
      </Field>
      <Field label={f('aidPayment.suggested')}>¥{formatYuan(p.suggestedFen)}</Field>
      {p.adjustReason && <Field label={f('aidPayment.adjustReason')}>{p.adjustReason}</Field>}
      <Field label={f('aidPayment.method')}>{t(`paymentMethods.${p.method}`)}</Field>
      {p.method === 'bank' && <Field label={f('aidPayment.account')}>{p.accountMasked}</Field>}
      <Field label={f('aidPayment.serial')}>{p.voucherSerial ?? t('aidPayment.serialNone')}</Field>
      <Field label={f('aidPayment.paidOn')}>{p.paidOn}</Field>
      {p.overBudgetReason && <Field label={f('aidPayment.overBudgetReason')}>{p.overBudgetReason}</Field>}
      {p.note && <Field label={f('aidPayment.note')}>{p.note}</Field>}
    </SimpleGrid>
  );
}

function History({ p }: { p: PaymentItem }) {
  const t = useT();
  const who = (name: string | null) => name ?? '—';
  return (
    <List spacing={4} aria-label={t('aidPayment.historyTitle')} data-testid="payment-history">
      <List.Item>{t('aidPayment.entered', { at: formatDateTime(p.enteredAt), who: who(p.enteredBy) })}</List.Item>
      {p.approvedAt && <List.Item>{t('aidPayment.approved', { at: formatDateTime(p.approvedAt), who: who(p.approvedBy) })}</List.Item>}
      {p.paidOn && <List.Item>{t('aidPayment.paid', { date: p.paidOn, who: who(p.paidBy) })}</List.Item>}
      {p.voidedAt && (
        <List.Item>
          {t('aidPayment.voided', { at: formatDateTime(p.voidedAt), who: who(p.voidedBy), reason: p.voidReason ?? '' })}
        </List.Item>
      )}
    </List>
  );
}

/** One payment: every field, how its amount was worked out, who did what, and its next steps (/aid/payments/:id). */
export function PaymentPage() {
  const t = useT();
  const navigate = useNavigate();
  const { paymentId = '' } = useParams();
  const query = useQuery('aid.payment', { id: paymentId });
  const p = query.data;
  return (
    <>
      <Anchor component="button" type="button" size="sm" onClick={() => void navigate(-1)}>
        <Group gap={4}>
          <IconArrowLeft size={14} />
          {t('aidPayment.back')}
        </Group>
      </Anchor>
      <QueryStatus loading={query.loading && !p} error={query.error} onRetry={query.reload} />
      {p && p.id === paymentId && (
        <Stack gap="md" mt="sm">
          <Group gap="sm">
            <Title order={2}>{p.voucherSerial ? t('aidPayment.titleSerial', { serial: p.voucherSerial }) : t('aidPayment.title')}</Title>
            <PaymentStatusBadge status={p.status} />
            <Text size="sm" c="dimmed" data-testid="print-count">
              {p.printCount > 0 ? t('aidPayment.printCount', { count: p.printCount }) : t('aidPayment.printNever')}
            </Text>
          </Group>
          <PaymentActions payment={p} onChanged={query.reload} />
          {(p.reissueOf || p.reissuedBy) && (
            <Text size="sm" data-testid="payment-links">
              {p.reissueOf ? t('aidPayment.reissueOf') : t('aidPayment.reissuedBy')}{' '}
              <Anchor component={Link} to={`/aid/payments/${p.reissueOf ?? p.reissuedBy}`}>
                {t('aidPayment.openLinked')}
              </Anchor>
            </Text>
          )}
          {p.nameMismatch && (
            <Alert color="orange" data-testid="payment-name-mismatch">
              {t('aidPayment.nameMismatch')}
            </Alert>
          )}
          <Paper withBorder radius="md" p="md">
            <Fields p={p} />
          </Paper>
          <Paper withBorder radius="md" p="md">
            <Title order={5} mb="xs">
              {t('aidPayment.explanationTitle')}
            </Title>
            <Text size="sm" data-testid="payment-explanation">
              {/* The emergency route's caps were counted by the recipient's ID number. */}
              {p.suggestion ? suggestionText(t, p.suggestion, { byIdNumber: p.fileId === null }) : t('aidPayment.explanationNone')}
            </Text>
          </Paper>
          <Paper withBorder radius="md" p="md">
            <Title order={5} mb="xs">
              {t('aidPayment.historyTitle')}
            </Title>
            <History p={p} />
          </Paper>
        </Stack>
      )}
    </>
  );
}
