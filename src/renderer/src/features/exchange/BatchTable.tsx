import { Badge, Button, Stack, Table, Text } from '@mantine/core';
import type { SentBatchInfo, SentBatchState } from '@shared/contract/exchange-export';
import { formatBytes, formatDateTime } from '../../components/format';
import { useT } from '../../i18n';
import { receiptText } from './batch-words';

const STATE_COLORS: Record<SentBatchState, string> = { exported: 'blue', confirmed: 'green', problems: 'red' };

/** The batches exported, newest first: which file it was, what it held, and what the federation said. */
export function BatchTable({ batches, onShowReceipt }: { batches: SentBatchInfo[]; onShowReceipt: (batch: SentBatchInfo) => void }) {
  const t = useT();
  return (
    <Table striped verticalSpacing="sm" aria-label={t('exchangeBatches.title')}>
      <Table.Thead>
        <Table.Tr>
          <Table.Th>{t('exchangeBatches.sequence')}</Table.Th>
          <Table.Th>{t('exchangeBatches.createdAt')}</Table.Th>
          <Table.Th>{t('exchangeBatches.kind')}</Table.Th>
          <Table.Th>{t('exchangeBatches.records')}</Table.Th>
          <Table.Th>{t('exchangeBatches.state')}</Table.Th>
          <Table.Th>{t('exchangeBatches.receipt')}</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {batches.map((batch) => (
          <Table.Tr key={batch.sequence} data-testid={`batch-${batch.sequence}`}>
            <Table.Td>
              <Text fw={500}>{batch.sequence}</Text>
            </Table.Td>
            <Table.Td>
              <Stack gap={2}>
                <Text size="sm">{formatDateTime(batch.createdAt)}</Text>
                <Text size="xs" c="dimmed">
                  {t('exchangeBatches.fileName', { file: batch.fileName })} · {formatBytes(batch.bytes)} · {batch.exportedBy}
                </Text>
              </Stack>
            </Table.Td>
            <Table.Td>
              {t(
                batch.snapshot
                  ? batch.sequence === 1
                    ? 'exchangeBatches.snapshot'
                    : 'exchangeBatches.fullAgain'
                  : 'exchangeBatches.changes',
              )}
            </Table.Td>
            <Table.Td>
              <Stack gap={2}>
                <Text size="sm">{t('exchangeBatches.recordCount', { records: batch.records })}</Text>
                {batch.attachments > 0 && (
                  <Text size="xs" c="dimmed">
                    {t('exchangeBatches.attachmentCount', { count: batch.attachments })}
                  </Text>
                )}
              </Stack>
            </Table.Td>
            <Table.Td>
              <Badge color={STATE_COLORS[batch.state]} variant="light">
                {t(`batchStates.${batch.state}`)}
              </Badge>
            </Table.Td>
            <Table.Td>
              <Stack gap={2} align="flex-start">
                <Text size="sm">{receiptText(batch)}</Text>
                {batch.state === 'problems' && (
                  <>
                    {batch.receipt && batch.receipt.refused.length > 0 && (
                      <Text size="xs" c="red">
                        {t('exchangeBatches.refusedCount', { count: batch.receipt.refused.length })}
                      </Text>
                    )}
                    <Button size="compact-xs" variant="light" color="red" onClick={() => onShowReceipt(batch)}>
                      {t('exchangeBatches.showRefused')}
                    </Button>
                  </>
                )}
              </Stack>
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}
