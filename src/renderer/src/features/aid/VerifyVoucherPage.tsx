import { Alert, Button, Group, Paper, Stack, Table, Text, Textarea } from '@mantine/core';
import { IconAlertTriangle, IconCircleCheck, IconCircleX, IconInfoCircle } from '@tabler/icons-react';
import { useRef, useState, type KeyboardEvent } from 'react';
import type { VerifyResult } from '@shared/contract/aid';
import { formatYuan } from '@shared/domain/money';
import { useMutation } from '../../api/hooks';
import { ErrorAlert } from '../../components/ErrorAlert';
import { formatDateTime } from '../../components/format';
import { PageHeader } from '../../components/PageHeader';
import { useT } from '../../i18n';

type Verdict = VerifyResult['verdict'];

/** Green for good, orange for "genuine but not good now", red for refuse, grey for "could not tell". */
const COLOURS: Record<Verdict, string> = {
  'valid-paid': 'green',
  'valid-unpaid': 'teal',
  valid: 'green',
  'serial-found': 'blue',
  'serial-not-found': 'orange',
  voided: 'orange',
  expired: 'orange',
  'not-issued-here': 'red',
  'not-on-record': 'orange',
  forged: 'red',
  malformed: 'gray',
};

function VerdictIcon({ verdict }: { verdict: Verdict }) {
  if (COLOURS[verdict] === 'red') return <IconCircleX />;
  if (COLOURS[verdict] === 'orange') return <IconAlertTriangle />;
  if (COLOURS[verdict] === 'green' || COLOURS[verdict] === 'teal') return <IconCircleCheck />;
  return <IconInfoCircle />;
}

/**
 * 凭证核验 (every signed-in role): a USB scanner types the QR text into the field and ends with Enter, which checks
 * at once; a pasted text or a typed serial is checked with Enter or the button. Shift+Enter is a line break.
 */
export function VerifyVoucherPage() {
  const t = useT();
  const verify = useMutation('aid.verify');
  const [text, setText] = useState('');
  const [result, setResult] = useState<VerifyResult | null>(null);
  const field = useRef<HTMLTextAreaElement>(null);

  const check = async (value = text) => {
    if (value.trim() === '') return;
    const answer = await verify.run({ text: value });
    setResult(answer.ok ? answer.data : null);
    // Ready for the next scan: the text stays selected, so the scanner's next code replaces it.
    field.current?.select();
  };

  const onKeyDown = (event: KeyboardEvent<HTMLTextAreaElement>) => {
    if (event.key !== 'Enter' || event.shiftKey || event.nativeEvent.isComposing) return;
    event.preventDefault();
    void check(event.currentTarget.value);
  };

  return (
    <>
      <PageHeader title={t('verify.title')} />
      <Paper withBorder radius="md" p="lg" maw={760}>
        <Stack>
          <Text size="sm">{t('verify.intro')}</Text>
          <Textarea
            ref={field}
            label={t('verify.input')}
            placeholder={t('verify.placeholder')}
            value={text}
            onChange={(event) => setText(event.currentTarget.value)}
            onKeyDown={onKeyDown}
            autosize
            minRows={3}
            maxRows={6}
            maxLength={2000}
            autoFocus
            autoComplete="off"
            spellCheck={false}
            styles={{ input: { fontFamily: 'monospace', fontSize: 16 } }}
          />
          <Group>
            <Button onClick={() => void check()} loading={verify.running} disabled={text.trim() === ''}>
              {t('verify.check')}
            </Button>
            <Button
              variant="default"
              onClick={() => {
                setText('');
                setResult(null);
                field.current?.focus();
              }}
            >
              {t('verify.clear')}
            </Button>
          </Group>
          <ErrorAlert error={verify.error} />
          {result && <VerdictAlert result={result} />}
        </Stack>
      </Paper>
    </>
  );
}

function VerdictAlert({ result }: { result: VerifyResult }) {
  const t = useT();
  const { verdict, summary } = result;
  const detail =
    verdict === 'malformed'
      ? t(`verify.problems.${(result.problem ?? 'field-count') as 'field-count'}`)
      : verdict === 'not-on-record' && result.problem === 'differs'
        ? t('verify.details.notOnRecordDiffers')
        : verdict === 'voided'
          ? summary?.voidedAt
            ? t('verify.details.voided', { date: formatDateTime(summary.voidedAt) })
            : t('verify.details.voidedNoDate')
          : t(`verify.details.${verdict}`);
  const kind = result.kind ? t(`verify.${result.kind}`) : null;
  return (
    <Alert
      color={COLOURS[verdict]}
      variant="light"
      icon={<VerdictIcon verdict={verdict} />}
      title={kind ? t('verify.titleWithKind', { kind, verdict: t(`verify.verdicts.${verdict}`) }) : t(`verify.verdicts.${verdict}`)}
      role="status"
      data-verdict={verdict}
    >
      <Text size="sm">{detail}</Text>
      {summary && (
        <Table mt="sm" withRowBorders={false} verticalSpacing={2} fz="sm" w="auto">
          <Table.Tbody>
            <Row label={t('verify.serial')} value={summary.serial} />
            {summary.amountFen !== null && <Row label={t('verify.amount')} value={`¥${formatYuan(summary.amountFen)}`} />}
            {summary.recipientMasked && (
              <Row label={t(result.kind === 'certificate' ? 'verify.holder' : 'verify.recipient')} value={summary.recipientMasked} />
            )}
            {summary.type && <Row label={t('verify.type')} value={t(`aidTypes.${summary.type}`)} />}
            {summary.programName && <Row label={t('verify.program')} value={summary.programName} />}
            {summary.date && <Row label={t('verify.date')} value={summary.date} />}
            {summary.status && <Row label={t('verify.status')} value={t(`paymentStatuses.${summary.status}`)} />}
            {summary.validUntil && <Row label={t('verify.validUntil')} value={summary.validUntil} />}
          </Table.Tbody>
        </Table>
      )}
    </Alert>
  );
}

function Row({ label, value }: { label: string; value: string }) {
  return (
    <Table.Tr>
      <Table.Td c="dimmed" pr="lg">
        {label}
      </Table.Td>
      <Table.Td fw={500}>{value}</Table.Td>
    </Table.Tr>
  );
}
