import { Alert, Button, Group, Stack, Text } from '@mantine/core';
import { IconRestore } from '@tabler/icons-react';
import { useState } from 'react';
import type { KeptPendingRun, KeptReimported } from '@shared/contract/exchange-import';
import { useJob } from '../../api/jobs';
import { JobProgressBar } from '../../components/JobProgressBar';
import { notifyError } from '../../components/notify';
import { knownText, useT } from '../../i18n';

/**
 * 本机保存、尚未导入的批次 (features/exchange/import-kept.ts): the batches whose files this federation keeps but whose rows a
 * restore rolled back (or an import that stopped before its commit never wrote), with one button that imports them
 * again in order; then what each one did. Shown only when there is something to say.
 */
export function KeptPendingPanel({ runs, onDone }: { runs: KeptPendingRun[]; onDone: () => void }) {
  const t = useT();
  const job = useJob('exchangeImport.reimportKept');
  const [done, setDone] = useState<KeptReimported[] | null>(null);
  if (runs.length === 0 && done === null) return null;

  const reimport = async () => {
    setDone(null);
    const result = await job.run({});
    if (!result.ok) {
      if (result.error.code !== 'JOB_CANCELLED') notifyError(result.error);
      return;
    }
    setDone(result.data.batches);
    onDone();
  };

  // Green once nothing is left and everything applied; a refusal stays on yellow, named in red.
  const allApplied = runs.length === 0 && (done ?? []).every((b) => b.outcome === 'applied' || b.outcome === 'repeat');
  return (
    <Alert color={allApplied ? 'green' : 'yellow'} maw={1080} mb="lg" title={t('exchangeImport.keptTitle')} data-testid="kept-pending">
      <Stack gap="xs">
        {runs.length > 0 && (
          <>
            <Text size="sm">{t('exchangeImport.keptIntro')}</Text>
            {runs.map((run) => (
              <Text size="sm" fw={600} key={run.code} data-testid="kept-run">
                {t('exchangeImport.keptRun', { name: run.name, range: run.from === run.to ? String(run.from) : `${run.from}–${run.to}` })}
              </Text>
            ))}
            <Group>
              <Button leftSection={<IconRestore size={16} />} loading={job.running} onClick={() => void reimport()}>
                {t('exchangeImport.keptReimport')}
              </Button>
            </Group>
          </>
        )}
        {job.running && <JobProgressBar label={t('exchangeImport.keptReimporting')} progress={job.progress} onCancel={job.cancel} />}
        {done?.map((b) => (
          <Text
            size="sm"
            key={`${b.code}-${b.sequence}`}
            c={b.outcome === 'applied' || b.outcome === 'repeat' ? undefined : 'red'}
            data-testid="kept-outcome"
          >
            {b.outcome === 'applied' || b.outcome === 'repeat'
              ? t('exchangeImport.keptApplied', { name: b.name, sequence: b.sequence })
              : b.reason === 'unknown-sender'
                ? t('exchangeImport.keptNoCard', { name: b.name, sequence: b.sequence })
                : t('exchangeImport.keptRefused', {
                    name: b.name,
                    sequence: b.sequence,
                    reason: knownText(`batchRefusalNames.${b.reason ?? ''}`) ?? b.reason ?? '',
                  })}
          </Text>
        ))}
      </Stack>
    </Alert>
  );
}
