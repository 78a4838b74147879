import { Alert, Button, Stack, Text } from '@mantine/core';
import { useMutation, useQuery } from '../../api/hooks';
import { CenteredPage } from '../../components/CenteredPage';
import { ErrorAlert } from '../../components/ErrorAlert';
import { formatDateTime } from '../../components/format';
import { notifySuccess } from '../../components/notify';
import { QueryStatus } from '../../components/QueryStatus';
import { useT } from '../../i18n';

/**
 * The database fails its check at start (or is missing in a folder that was set up): say so plainly — it is not
 * the key — and offer the newest backup that passes its check, or tell the clerk to call the administrator.
 */
export function DamagedScreen({ onDone }: { onDone: () => void }) {
  const t = useT();
  const report = useQuery('system.damage', {});
  const restore = useMutation('system.restoreDamaged');
  const backup = report.data?.backup ?? null;

  const restoreBackup = async () => {
    if (!backup) return;
    const result = await restore.run({ backupId: backup.id });
    if (!result.ok) return;
    notifySuccess(t('damaged.restored', { time: formatDateTime(result.data.restored.createdAt) }));
    onDone();
  };

  return (
    <CenteredPage title={t('damaged.title')} width={560}>
      <Alert color="red" variant="light" role="alert">
        {t(report.data?.damage === 'missing' ? 'damaged.bodyMissing' : 'damaged.bodyDamaged')}
      </Alert>
      {report.loading && <Text c="dimmed">{t('damaged.checking')}</Text>}
      <QueryStatus loading={report.loading} error={report.error} onRetry={report.reload} />
      {report.data && backup && (
        <Stack gap="sm">
          <Text fw={500}>
            {t('damaged.backupFound', { time: formatDateTime(backup.createdAt), kind: t(`backupKinds.${backup.kind}`) })}
          </Text>
          <Text size="sm">{t('damaged.backupLoss')}</Text>
          <Text size="sm">{t('damaged.backupKeep')}</Text>
          {restore.error && <ErrorAlert error={restore.error} />}
          <Button onClick={restoreBackup} loading={restore.running}>
            {t('damaged.restore')}
          </Button>
        </Stack>
      )}
      {report.data && !backup && <Text fw={500}>{t('damaged.noBackup')}</Text>}
      {report.data && <Text size="sm">{t(backup ? 'damaged.callAdminIfUnsure' : 'damaged.callAdmin')}</Text>}
    </CenteredPage>
  );
}
