import { Alert, Button, Stack, Table, Text } from '@mantine/core';
import { IconDownload } from '@tabler/icons-react';
import type { FileRef } from '@shared/contract';
import type { BatchImportResult } from '@shared/contract/exchange-import';
import { bridge, toErrorShape } from '../../api/client';
import { formatDateTime } from '../../components/format';
import { notifyError } from '../../components/notify';
import { knownText, useT } from '../../i18n';

/** A table's name in words (a table this version does not know shows as it came). */
export function tableLabel(table: string): string {
  return knownText(`exchangeTables.${table}`) ?? table;
}

function batchReasonText(t: ReturnType<typeof useT>, outcome: BatchImportResult): string {
  const reason = outcome.reason ?? '';
  // A damaged copy of a batch held: the advice to export it again would be wrong, the batch stands.
  if (outcome.heldSince)
    return t('exchangeImport.refusedHeld', {
      reason: knownText(`batchRefusalNames.${reason}`) ?? reason,
      name: outcome.centre?.name ?? '',
      sequence: outcome.sequence ?? 0,
      time: formatDateTime(outcome.heldSince),
    });
  const template = knownText(`batchRefusals.${reason}`);
  if (!template) return reason;
  return template.replaceAll('{expected}', String(outcome.expected ?? '')).replaceAll('{sequence}', String(outcome.sequence ?? ''));
}

export function ReceiptButton({ receipt }: { receipt: FileRef }) {
  const t = useT();
  const save = async () => {
    try {
      await bridge.saveFile(receipt);
    } catch (error) {
      notifyError(toErrorShape(error));
    }
  };
  return (
    <Button leftSection={<IconDownload size={16} />} onClick={() => void save()}>
      {t('exchangeImport.downloadReceipt')}
    </Button>
  );
}

/** What an import did: applied counts by table, refused records with reasons, a repeat, a refusal, an alarm. */
export function ImportOutcome({ outcome }: { outcome: BatchImportResult }) {
  const t = useT();
  const name = outcome.centre?.name ?? '';
  const sequence = outcome.sequence ?? 0;
  const tables = Object.entries(outcome.applied);
  return (
    <Stack gap="md" data-testid="import-outcome">
      {outcome.outcome === 'applied' && (
        <Alert
          color="green"
          title={t('exchangeImport.outcomeApplied', {
            name,
            sequence,
            snapshot: outcome.snapshot ? t(sequence === 1 ? 'exchangeImport.snapshot' : 'exchangeImport.fullAgain') : '',
          })}
        >
          {tables.length === 0 ? t('exchangeImport.noRecords') : null}
        </Alert>
      )}
      {outcome.outcome === 'applied' && outcome.withdrawn > 0 && (
        <Alert color="yellow" data-testid="import-withdrawn">
          {t('exchangeImport.withdrawnNote', { name, count: outcome.withdrawn })}
        </Alert>
      )}
      {outcome.outcome === 'repeat' && <Alert color="blue">{t('exchangeImport.outcomeRepeat', { name, sequence })}</Alert>}
      {outcome.outcome === 'refused' && (
        <Alert color="red" title={t('exchangeImport.outcomeRefused')} data-testid="import-refused">
          {batchReasonText(t, outcome)}
        </Alert>
      )}
      {outcome.outcome === 'alarm' && (
        <Alert color="red" variant="filled" title={t('exchangeImport.outcomeAlarm')} data-testid="import-alarm">
          {batchReasonText(t, outcome)}
        </Alert>
      )}
      {outcome.outcome === 'applied' && tables.length > 0 && (
        <div>
          <Text fw={500} size="sm">
            {t('exchangeImport.appliedTitle')}
          </Text>
          <Table maw={520} verticalSpacing={4} data-testid="applied-counts">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('exchangeImport.table')}</Table.Th>
                <Table.Th>{t('exchangeImport.count')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {tables.map(([table, count]) => (
                <Table.Tr key={table}>
                  <Table.Td>{tableLabel(table)}</Table.Td>
                  <Table.Td>{count}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
          {outcome.attachments > 0 && (
            <Text size="sm" c="dimmed">
              {t('exchangeImport.attachments', { count: outcome.attachments })}
            </Text>
          )}
        </div>
      )}
      {outcome.refusedCount > 0 && (
        <div>
          <Text fw={500} size="sm" c="red">
            {t('exchangeImport.refusedTitle', { count: outcome.refusedCount })}
          </Text>
          <Table verticalSpacing={4} data-testid="refused-records">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('exchangeImport.table')}</Table.Th>
                <Table.Th>{t('exchangeImport.recordId')}</Table.Th>
                <Table.Th>{t('exchangeImport.reason')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {outcome.refused.map((r) => (
                <Table.Tr key={`${r.table}/${r.id}`}>
                  <Table.Td>{tableLabel(r.table)}</Table.Td>
                  <Table.Td ff="monospace">{r.id}</Table.Td>
                  <Table.Td>{knownText(`recordRefusals.${r.reason}`) ?? r.reason}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
          {outcome.refusedCount > outcome.refused.length && (
            <Text size="sm" c="dimmed">
              {t('exchangeImport.refusedMore', { count: outcome.refusedCount - outcome.refused.length })}
            </Text>
          )}
        </div>
      )}
      {outcome.receipt && (
        <div>
          <ReceiptButton receipt={outcome.receipt} />
          <Text size="xs" c="dimmed" mt={4}>
            {t('exchangeImport.receiptHint')}
          </Text>
        </div>
      )}
    </Stack>
  );
}
