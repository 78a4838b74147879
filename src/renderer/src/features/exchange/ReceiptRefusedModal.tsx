import { Button, Group, Modal, Stack, Table, Text } from '@mantine/core';
import type { SentBatchInfo } from '@shared/contract/exchange-export';
import { useT } from '../../i18n';
import { reasonText, receiptText, tableName } from './batch-words';

/** What the federation said of one batch: the whole batch's refusal, or each refused record and how to find it here. */
export function ReceiptRefusedModal({ batch, onClose }: { batch: SentBatchInfo | null; onClose: () => void }) {
  const t = useT();
  const refused = batch?.receipt?.refused ?? [];
  return (
    <Modal
      opened={batch !== null}
      onClose={onClose}
      title={batch ? t('exchangeBatches.refusedTitle', { sequence: batch.sequence }) : ''}
      size="xl"
      centered
    >
      {batch && (
        <Stack gap="md">
          <Text size="sm">{receiptText(batch)}</Text>
          {refused.length > 0 && (
            <>
              <Text size="sm" c="dimmed">
                {t('exchangeBatches.refusedIntro')}
              </Text>
              <Table striped aria-label={t('exchangeBatches.refusedTitle', { sequence: batch.sequence })}>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t('exchangeBatches.refusedTable')}</Table.Th>
                    <Table.Th>{t('exchangeBatches.refusedFind')}</Table.Th>
                    <Table.Th>{t('exchangeBatches.refusedReason')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {refused.map((r) => (
                    <Table.Tr key={`${r.table}:${r.id}`}>
                      <Table.Td>{tableName(r.table)}</Table.Td>
                      <Table.Td>{r.find ?? t('exchangeBatches.notFound')}</Table.Td>
                      <Table.Td>{reasonText(r.reason)}</Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </>
          )}
          <Group justify="flex-end">
            <Button onClick={onClose}>{t('exchangeBatches.close')}</Button>
          </Group>
        </Stack>
      )}
    </Modal>
  );
}
