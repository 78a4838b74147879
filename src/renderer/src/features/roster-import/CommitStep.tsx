import { Alert, Button, Group, Stack, Text } from '@mantine/core';
import { IconCircleCheck } from '@tabler/icons-react';
import type { JobResult } from '@shared/contract';
import type { AppErrorShape } from '@shared/errors';
import type { JobProgress } from '../../api/jobs';
import { JobProgressBar } from '../../components/JobProgressBar';
import { useT } from '../../i18n';
import { importErrorMessage } from './import-text';
import { ImportCounts } from './ImportCounts';

export type CommitResult = JobResult<'rosterImport.commit'>;

interface CommitStepProps {
  running: boolean;
  progress: JobProgress | null;
  error: AppErrorShape | null;
  result: CommitResult | null;
  onCancel: () => void;
  onBack: () => void;
  onAgain: () => void;
  onRoster: () => void;
}

/** Step 4: the import itself (all or nothing, cancellable), then what it did. */
export function CommitStep({ running, progress, error, result, onCancel, onBack, onAgain, onRoster }: CommitStepProps) {
  const t = useT();
  return (
    <Stack gap="md" maw={820}>
      {running && (
        <>
          <JobProgressBar label={t('rosterImport.importing')} progress={progress} onCancel={onCancel} />
          <Text size="sm" c="dimmed">
            {t('rosterImport.importingHint')}
          </Text>
        </>
      )}
      {error && !running && (
        <>
          <Alert
            color={error.code === 'JOB_CANCELLED' ? 'yellow' : 'red'}
            variant="light"
            role="alert"
            title={t('rosterImport.failedTitle')}
          >
            {importErrorMessage(error)}
          </Alert>
          <Group>
            <Button variant="default" onClick={onBack}>
              {t('rosterImport.backToPreview')}
            </Button>
          </Group>
        </>
      )}
      {result && (
        <>
          <Alert color="green" variant="light" role="status" icon={<IconCircleCheck size={18} />} title={t('rosterImport.doneTitle')}>
            <Text size="sm">{t('rosterImport.doneSummary', { ...result.counts })}</Text>
            {/* Its own line: a space joining the two sentences would stray into the Chinese text. */}
            {result.warnings.rows > 0 && <Text size="sm">{t('rosterImport.doneWarnings', { count: result.warnings.rows })}</Text>}
          </Alert>
          <ImportCounts counts={result.counts} />
          <Group>
            <Button onClick={onRoster}>{t('rosterImport.toRoster')}</Button>
            <Button variant="default" onClick={onAgain}>
              {t('rosterImport.again')}
            </Button>
          </Group>
        </>
      )}
    </Stack>
  );
}
