import { Badge, Button, Group, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { IconDownload } from '@tabler/icons-react';
import type { ReceivedCentre } from '@shared/contract/exchange-import';
import { bridge } from '../../api/client';
import { useQuery } from '../../api/hooks';
import { useJob } from '../../api/jobs';
import { formatBytes, formatDateTime } from '../../components/format';
import { notifyError } from '../../components/notify';
import { PageHeader } from '../../components/PageHeader';
import { QueryStatus } from '../../components/QueryStatus';
import { useT } from '../../i18n';
import { AlarmsPanel } from './AlarmsPanel';
import { ImportBatchPanel } from './ImportBatchPanel';
import { KeptPendingPanel } from './KeptPendingPanel';
import { tableLabel } from './ImportOutcome';

/** 接收批次 (federation): alarms first, the kept batches to import again after a restore, then 导入批次, then each centre's batches with 下载回执. */
export function ReceivedBatchesPage() {
  const t = useT();
  const received = useQuery('exchangeImport.received', {});
  return (
    <>
      <PageHeader title={t('exchangeImport.title')} />
      <QueryStatus loading={received.loading && !received.data} error={received.error} onRetry={received.reload} />
      {received.data && <AlarmsPanel alarms={received.data.alarms} onChanged={received.reload} />}
      {received.data && <KeptPendingPanel runs={received.data.keptPending} onDone={received.reload} />}
      <ImportBatchPanel onImported={received.reload} />
      {received.data && <ReceivedCentres centres={received.data.centres} />}
    </>
  );
}

function ReceivedCentres({ centres }: { centres: ReceivedCentre[] }) {
  const t = useT();
  return (
    <Paper withBorder radius="md" p="lg" maw={1080} mt="lg" aria-labelledby="received-title">
      <Title order={3} size="h4" id="received-title" mb="md">
        {t('exchangeImport.centresTitle')}
      </Title>
      {centres.length === 0 && (
        <Text size="sm" c="dimmed">
          {t('exchangeImport.noCentres')}
        </Text>
      )}
      <Stack gap="lg">
        {centres.map((centre) => (
          <div key={centre.code} data-testid="received-centre">
            <Group gap="sm">
              <Text fw={600}>{centre.name}</Text>
              <Text size="sm" c="dimmed">
                {centre.code}
              </Text>
              <Badge variant="light">{t('exchangeImport.nextSequence', { sequence: centre.nextSequence })}</Badge>
            </Group>
            {centre.batches.length === 0 ? (
              <Text size="sm" c="dimmed" mt={4}>
                {t('exchangeImport.noBatches')}
              </Text>
            ) : (
              <BatchTable code={centre.code} batches={centre.batches} />
            )}
          </div>
        ))}
      </Stack>
    </Paper>
  );
}

function BatchTable({ code, batches }: { code: string; batches: ReceivedCentre['batches'] }) {
  const t = useT();
  return (
    <Table mt="xs" verticalSpacing={6} striped>
      <Table.Thead>
        <Table.Tr>
          <Table.Th>{t('exchangeImport.sequence')}</Table.Th>
          <Table.Th>{t('exchangeImport.kind')}</Table.Th>
          <Table.Th>{t('exchangeImport.createdAt')}</Table.Th>
          <Table.Th>{t('exchangeImport.importedAt')}</Table.Th>
          <Table.Th>{t('exchangeImport.appliedCount')}</Table.Th>
          <Table.Th>{t('exchangeImport.refusedCount')}</Table.Th>
          <Table.Th />
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {batches.map((b) => (
          <Table.Tr key={b.sequence} data-testid="received-batch">
            <Table.Td>{b.sequence}</Table.Td>
            <Table.Td>
              {t(
                b.snapshot
                  ? b.sequence === 1
                    ? 'exchangeImport.kindSnapshot'
                    : 'exchangeImport.kindFullAgain'
                  : 'exchangeImport.kindChanges',
              )}
            </Table.Td>
            <Table.Td>{formatDateTime(b.createdAt)}</Table.Td>
            <Table.Td>
              {formatDateTime(b.importedAt)}
              <Text size="xs" c="dimmed">
                {b.importedBy} · {formatBytes(b.bytes)}
              </Text>
            </Table.Td>
            <Table.Td>
              {Object.entries(b.applied).map(([table, count]) => (
                <Text size="xs" key={table}>
                  {tableLabel(table)} {count}
                </Text>
              ))}
            </Table.Td>
            <Table.Td>{b.refusedCount}</Table.Td>
            <Table.Td>
              <ReceiptAgainButton code={code} sequence={b.sequence} />
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}

function ReceiptAgainButton({ code, sequence }: { code: string; sequence: number }) {
  const t = useT();
  const job = useJob('exchangeImport.receipt');
  const download = async () => {
    const result = await job.run({ centreCode: code, sequence });
    if (!result.ok) return notifyError(result.error);
    await bridge.saveFile(result.data);
  };
  return (
    <Button size="xs" variant="light" leftSection={<IconDownload size={14} />} loading={job.running} onClick={() => void download()}>
      {t('exchangeImport.downloadReceipt')}
    </Button>
  );
}
