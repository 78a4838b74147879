import { Alert, Button, Paper, Text } from '@mantine/core';
import { IconFileExport, IconFileUpload, IconRepeat } from '@tabler/icons-react';
import { useState } from 'react';
import type { SentBatchInfo } from '@shared/contract/exchange-export';
import { useMutation, useQuery } from '../../api/hooks';
import { notifyError, notifySuccess } from '../../components/notify';
import { PageHeader } from '../../components/PageHeader';
import { pickFileOrNotify } from '../../components/pick-file';
import { QueryStatus } from '../../components/QueryStatus';
import { formatDateTime } from '../../components/format';
import { useT } from '../../i18n';
import { BatchTable } from './BatchTable';
import { ExportAgainModal } from './ExportAgainModal';
import { ExportBatchModal } from './ExportBatchModal';
import { ReceiptRefusedModal } from './ReceiptRefusedModal';

/** A receipt is small; this bound only keeps a wrong pick (a backup, a video) from being copied in. */
const MAX_RECEIPT_BYTES = 16 * 1024 * 1024;

/**
 * 上报批次 (centre mode, clerk): the batches written for the federation, the next one with its progress, 补发 of
 * kept batches for a lost stick, and the federation's receipts with what it refused.
 */
export function ExportBatchesPage() {
  const t = useT();
  const list = useQuery('exchange.sentBatches', {});
  const importReceipt = useMutation('exchange.importReceipt');
  const [exporting, setExporting] = useState(false);
  const [again, setAgain] = useState(false);
  const [shown, setShown] = useState<SentBatchInfo | null>(null);

  const pickReceipt = async () => {
    const upload = await pickFileOrNotify({ accept: ['.bfr'], maxBytes: MAX_RECEIPT_BYTES });
    if (!upload) return;
    const result = await importReceipt.run({ uploadId: upload.uploadId, fileName: upload.name });
    if (!result.ok) return notifyError(result.error);
    const { batch, outcome } = result.data;
    list.reload();
    if (outcome === 'same') return notifySuccess(t('exchangeBatches.receiptSame', { sequence: batch.sequence }));
    notifySuccess(t('exchangeBatches.receiptDone', { sequence: batch.sequence, state: t(`batchStates.${batch.state}`) }));
    if (batch.state === 'problems') setShown(batch);
  };

  const data = list.data;
  const ready = Boolean(data?.federation);
  const batches = data?.batches ?? [];
  return (
    <>
      <PageHeader title={t('exchangeBatches.title')}>
        <Button
          variant="default"
          leftSection={<IconFileUpload size={16} />}
          disabled={!ready}
          loading={importReceipt.running}
          onClick={() => void pickReceipt()}
        >
          {t('exchangeBatches.importReceipt')}
        </Button>
        <Button
          variant="default"
          leftSection={<IconRepeat size={16} />}
          disabled={!ready || batches.length === 0}
          onClick={() => setAgain(true)}
        >
          {t('exchangeBatches.exportAgain')}
        </Button>
        <Button leftSection={<IconFileExport size={16} />} disabled={!ready} onClick={() => setExporting(true)}>
          {t('exchangeBatches.generate')}
        </Button>
      </PageHeader>
      <Text size="sm" c="dimmed" mb="md" maw={820}>
        {t('exchangeBatches.intro')}
      </Text>
      <QueryStatus loading={list.loading && !data} error={list.error} onRetry={list.reload} />
      {data && !data.federation && (
        <Alert color="yellow" mb="md" maw={820} data-testid="no-federation">
          {t('exchangeBatches.noFederation')}
        </Alert>
      )}
      {data?.fullBatchDueSince && (
        <Alert color="blue" mb="md" maw={820} title={t('exchangeBatches.fullDueTitle')} data-testid="full-batch-due">
          {t('exchangeBatches.fullDue', { time: formatDateTime(data.fullBatchDueSince) })}
        </Alert>
      )}
      {data?.federation && (
        <Text size="sm" mb="md">
          {t('exchangeBatches.federation', { name: data.federation.name, code: data.federation.code })}
        </Text>
      )}
      {data && (
        <Paper withBorder radius="md" p="md" maw={1180}>
          {batches.length === 0 ? (
            <Text size="sm" c="dimmed">
              {t('exchangeBatches.empty')}
            </Text>
          ) : (
            <BatchTable batches={batches} onShowReceipt={setShown} />
          )}
        </Paper>
      )}
      <ExportBatchModal opened={exporting} onClose={() => setExporting(false)} onExported={list.reload} />
      <ExportAgainModal batches={batches} opened={again} onClose={() => setAgain(false)} />
      <ReceiptRefusedModal batch={shown} onClose={() => setShown(null)} />
    </>
  );
}
