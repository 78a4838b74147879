import { Button, Group, Modal, Select, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import type { SentBatchInfo } from '@shared/contract/exchange-export';
import { bridge } from '../../api/client';
import { useJob } from '../../api/jobs';
import { ErrorAlert } from '../../components/ErrorAlert';
import { formatDateTime } from '../../components/format';
import { JobProgressBar } from '../../components/JobProgressBar';
import { notifySuccess } from '../../components/notify';
import { useT } from '../../i18n';
import { saveAll } from './batch-words';

/**
 * 重新导出 (补发): the kept files of a chosen batch and every later one, as first written; each is saved through the
 * host's dialog in turn (no archive: one .bfb per batch, as the federation imports them).
 */
export function ExportAgainModal({ batches, opened, onClose }: { batches: SentBatchInfo[]; opened: boolean; onClose: () => void }) {
  const t = useT();
  const job = useJob('exchange.exportAgain');
  const [from, setFrom] = useState<string | null>(null);

  const start = async () => {
    if (!from) return;
    const result = await job.run({ from: Number(from) });
    if (!result.ok) return;
    const { files } = result.data;
    try {
      if (await saveAll((i) => bridge.saveFile(files[i]!), files.length))
        notifySuccess(t('exchangeBatches.againDone', { count: files.length }));
    } catch {
      // The host's own dialog said what went wrong.
    }
    onClose();
  };

  return (
    <Modal opened={opened} onClose={job.running ? () => undefined : onClose} title={t('exchangeBatches.againTitle')} centered>
      <Stack gap="md">
        <Text size="sm">{t('exchangeBatches.againBody')}</Text>
        <Select
          label={t('exchangeBatches.againFrom')}
          data={batches.map((b) => ({
            value: String(b.sequence),
            label: t('exchangeBatches.againBatch', { sequence: b.sequence, time: formatDateTime(b.createdAt) }),
          }))}
          value={from}
          onChange={setFrom}
          allowDeselect={false}
        />
        {job.running && <JobProgressBar label={t('exchangeBatches.againTitle')} progress={job.progress} onCancel={job.cancel} />}
        {job.error?.code !== 'JOB_CANCELLED' && <ErrorAlert error={job.error} />}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose} disabled={job.running}>
            {t('common.cancel')}
          </Button>
          <Button onClick={() => void start()} loading={job.running} disabled={!from}>
            {t('exchangeBatches.againStart')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
