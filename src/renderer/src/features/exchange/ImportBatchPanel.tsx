import { Button, Group, Paper, Text, Title } from '@mantine/core';
import { IconFileUpload } from '@tabler/icons-react';
import { useState } from 'react';
import type { BatchImportResult } from '@shared/contract/exchange-import';
import { useJob } from '../../api/jobs';
import { JobProgressBar } from '../../components/JobProgressBar';
import { notifyError } from '../../components/notify';
import { pickFileOrNotify } from '../../components/pick-file';
import { useT } from '../../i18n';
import { ImportOutcome } from './ImportOutcome';

/** 导入批次: pick a centre's .bfb, import it as a job with progress, then show what happened and offer the receipt. */
export function ImportBatchPanel({ onImported }: { onImported: () => void }) {
  const t = useT();
  const job = useJob('exchangeImport.importBatch');
  const [outcome, setOutcome] = useState<BatchImportResult | null>(null);

  const pickAndImport = async () => {
    const upload = await pickFileOrNotify({ accept: ['.bfb'] });
    if (!upload) return;
    setOutcome(null);
    const result = await job.run({ uploadId: upload.uploadId, fileName: upload.name });
    if (!result.ok) {
      if (result.error.code !== 'JOB_CANCELLED') notifyError(result.error);
      return;
    }
    setOutcome(result.data);
    onImported();
  };

  return (
    <Paper withBorder radius="md" p="lg" maw={1080} aria-labelledby="import-batch-title">
      <Group justify="space-between" align="flex-start" mb="md">
        <div>
          <Title order={3} size="h4" id="import-batch-title">
            {t('exchangeImport.importBatch').replace('…', '')}
          </Title>
          <Text size="sm" c="dimmed" mt={4} maw={720}>
            {t('exchangeImport.intro')}
          </Text>
        </div>
        <Button leftSection={<IconFileUpload size={16} />} loading={job.running} onClick={() => void pickAndImport()}>
          {t('exchangeImport.importBatch')}
        </Button>
      </Group>
      {job.running && <JobProgressBar label={t('exchangeImport.importing')} progress={job.progress} onCancel={job.cancel} />}
      {outcome && <ImportOutcome outcome={outcome} />}
    </Paper>
  );
}
