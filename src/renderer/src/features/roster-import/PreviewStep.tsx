import { Alert, Button, Group, Stack, Text } from '@mantine/core';
import { IconAlertTriangle, IconRefresh } from '@tabler/icons-react';
import type { JobResult } from '@shared/contract';
import type { AppErrorShape } from '@shared/errors';
import type { JobProgress } from '../../api/jobs';
import { JobProgressBar } from '../../components/JobProgressBar';
import { useT } from '../../i18n';
import type { ImportPlan } from './import-plan';
import { importErrorMessage } from './import-text';
import { ImportCounts } from './ImportCounts';
import { ImportWarnings } from './ImportWarnings';
import { RejectedRows } from './RejectedRows';

export type PreviewResult = JobResult<'rosterImport.preview'>;

interface PreviewStepProps {
  plan: ImportPlan;
  running: boolean;
  progress: JobProgress | null;
  error: AppErrorShape | null;
  result: PreviewResult | null;
  onCancel: () => void;
  onRetry: () => void;
  onBack: () => void;
  onCommit: () => void;
}

/** Step 3: every row checked with the chosen mapping and policy; nothing is written yet. */
export function PreviewStep({ plan, running, progress, error, result, onCancel, onRetry, onBack, onCommit }: PreviewStepProps) {
  const t = useT();
  const stops = result !== null && plan.policy === 'stop' && result.existing > 0;
  const nothing = result !== null && result.counts.new + result.counts.updated === 0;
  return (
    <Stack gap="md">
      {running && <JobProgressBar label={t('rosterImport.previewing')} progress={progress} onCancel={onCancel} />}
      {error && !running && (
        <Alert color="red" variant="light" role="alert" maw={820}>
          <Group justify="space-between" wrap="nowrap">
            <Text size="sm">{importErrorMessage(error)}</Text>
            <Button size="xs" variant="white" color="red" leftSection={<IconRefresh size={14} />} onClick={onRetry}>
              {t('app.retry')}
            </Button>
          </Group>
        </Alert>
      )}
      {result && (
        <>
          <ImportCounts counts={result.counts} />
          {result.warnings.rows > 0 && (
            <Text size="sm" fw={500} c="orange.9" data-testid="import-warnings-summary">
              {t('rosterImport.warningsSummary', { imported: result.counts.new + result.counts.updated, warned: result.warnings.rows })}
            </Text>
          )}
          {result.existing > 0 && !stops && (
            <Text size="sm" c="dimmed">
              {t('rosterImport.existing', { count: result.existing })}
            </Text>
          )}
          {stops && (
            <Alert color="yellow" variant="light" role="note" icon={<IconAlertTriangle size={18} />} maw={820}>
              {t('rosterImport.stopWillStop', { count: result.existing })}
            </Alert>
          )}
          {nothing && !stops && (
            <Alert color="yellow" variant="light" role="note" icon={<IconAlertTriangle size={18} />} maw={820}>
              {t('rosterImport.nothingToImport')}
            </Alert>
          )}
          {result.counts.rejected > 0 && <RejectedRows plan={plan} rows={result.rejected} total={result.counts.rejected} />}
          {result.warnings.rows > 0 && <ImportWarnings plan={plan} warnings={result.warnings} hasRejected={result.counts.rejected > 0} />}
        </>
      )}
      <Group justify="space-between" maw={820}>
        <Button variant="default" onClick={onBack} disabled={running}>
          {t('common.back')}
        </Button>
        <Button onClick={onCommit} disabled={!result || running || stops || nothing}>
          {t('rosterImport.startImport')}
        </Button>
      </Group>
    </Stack>
  );
}
