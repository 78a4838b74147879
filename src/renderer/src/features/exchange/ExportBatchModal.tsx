import { Alert, Button, Group, List, Modal, Stack, Text } from '@mantine/core';
import { IconFileDownload } from '@tabler/icons-react';
import { useState } from 'react';
import type { FileRef } from '@shared/contract';
import { bridge } from '../../api/client';
import { useQuery } from '../../api/hooks';
import { useJob, type JobState } from '../../api/jobs';
import { ErrorAlert } from '../../components/ErrorAlert';
import { JobProgressBar } from '../../components/JobProgressBar';
import { QueryStatus } from '../../components/QueryStatus';
import { useT } from '../../i18n';
import { tableName } from './batch-words';

/**
 * 生成上报批次: what the next batch holds (counted before it starts), the job with its progress and cancel, then the
 * file to carry. The file is handed to the host's save dialog at once; it can be saved again from here.
 */
export function ExportBatchModal({ opened, onClose, onExported }: { opened: boolean; onClose: () => void; onExported: () => void }) {
  const t = useT();
  const job = useJob('exchange.exportBatch');
  // While it writes, the dialog stays: its cancel button is how to stop.
  return (
    <Modal opened={opened} onClose={job.running ? () => undefined : onClose} title={t('exchangeBatches.generate')} size="lg" centered>
      {opened && <ExportBatchBody job={job} onClose={onClose} onExported={onExported} />}
    </Modal>
  );
}

function ExportBatchBody({
  job,
  onClose,
  onExported,
}: {
  job: JobState<'exchange.exportBatch'>;
  onClose: () => void;
  onExported: () => void;
}) {
  const t = useT();
  const next = useQuery('exchange.nextBatch', {});
  const [done, setDone] = useState<{ sequence: number; file: FileRef } | null>(null);

  const save = async (file: FileRef) => {
    try {
      await bridge.saveFile(file);
    } catch {
      // The host's own dialog said what went wrong; the file can be saved again from here.
    }
  };
  const start = async () => {
    const result = await job.run({});
    if (!result.ok) return;
    setDone({ sequence: result.data.batch.sequence, file: result.data.file });
    onExported();
    await save(result.data.file);
  };

  if (done) {
    return (
      <Stack gap="md" data-testid="batch-done">
        <Alert color="green" title={t('exchangeBatches.doneTitle', { sequence: done.sequence })}>
          {t('exchangeBatches.done', { file: done.file.name })}
        </Alert>
        <Group justify="flex-end">
          <Button variant="default" leftSection={<IconFileDownload size={16} />} onClick={() => void save(done.file)}>
            {t('exchangeBatches.saveAgain')}
          </Button>
          <Button onClick={onClose}>{t('exchangeBatches.close')}</Button>
        </Group>
      </Stack>
    );
  }
  const info = next.data;
  return (
    <Stack gap="md">
      <QueryStatus loading={next.loading && !info} error={next.error} onRetry={next.reload} />
      {info && (
        <div data-testid="batch-preview">
          <Text fw={500}>{t('exchangeBatches.previewTitle', { sequence: info.sequence })}</Text>
          <Text size="sm" mt={4}>
            {t(
              info.afterRestore
                ? 'exchangeBatches.previewAfterRestore'
                : info.snapshot
                  ? 'exchangeBatches.previewSnapshot'
                  : 'exchangeBatches.previewChanges',
            )}
          </Text>
          {info.records <= 1 && info.attachments === 0 && !info.snapshot ? (
            <Text size="sm" c="dimmed" mt="xs">
              {t('exchangeBatches.previewNothing')}
            </Text>
          ) : (
            <List size="sm" mt="xs">
              {Object.entries(info.counts).map(([table, count]) => (
                <List.Item key={table}>{t('exchangeBatches.previewLine', { table: tableName(table), count })}</List.Item>
              ))}
              <List.Item>{t('exchangeBatches.previewAttachments', { count: info.attachments })}</List.Item>
            </List>
          )}
          <Text size="sm" mt="xs">
            {t('exchangeBatches.previewTotal', { count: info.records })}
          </Text>
        </div>
      )}
      {job.running && <JobProgressBar label={t('exchangeBatches.generate')} progress={job.progress} onCancel={job.cancel} />}
      {job.error?.code !== 'JOB_CANCELLED' && <ErrorAlert error={job.error} />}
      <Group justify="flex-end">
        <Button variant="default" onClick={onClose} disabled={job.running}>
          {t('common.cancel')}
        </Button>
        <Button onClick={() => void start()} loading={job.running} disabled={!info}>
          {t('exchangeBatches.start')}
        </Button>
      </Group>
    </Stack>
  );
}
