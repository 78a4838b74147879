import { Button, Group, Paper, Progress, Text } from '@mantine/core';
import type { JobProgress } from '../api/jobs';
import { useT } from '../i18n';

/** A running job: what it is doing, how far it got, and a way to stop it. */
export function JobProgressBar({ label, progress, onCancel }: { label: string; progress: JobProgress | null; onCancel: () => void }) {
  const t = useT();
  const percent = progress && progress.total > 0 ? (progress.done / progress.total) * 100 : 0;
  return (
    <Paper withBorder radius="md" p="md" mb="md" maw={820} role="status" aria-label={label}>
      <Group justify="space-between" mb="xs">
        <Text size="sm">{label}</Text>
        <Group gap="sm">
          {progress && (
            <Text size="sm" c="dimmed">
              {t('common.jobProgress', { done: progress.done, total: progress.total })}
            </Text>
          )}
          <Button size="xs" variant="default" onClick={onCancel}>
            {t('common.cancelJob')}
          </Button>
        </Group>
      </Group>
      <Progress value={percent} animated />
    </Paper>
  );
}
