import { Button, Group, Text } from '@mantine/core';
import { IconDatabaseExport, IconFileUpload } from '@tabler/icons-react';
import { useState } from 'react';
import type { BackupEntry } from '@shared/contract/backup';
import { bridge, toErrorShape } from '../../api/client';
import { useMutation, useQuery } from '../../api/hooks';
import { useJob } from '../../api/jobs';
import { DataTable, type DataColumn } from '../../components/DataTable';
import { JobProgressBar } from '../../components/JobProgressBar';
import { useSession } from '../../app/session/session-context';
import { formatBytes, formatDateTime } from '../../components/format';
import { notifyError, notifySuccess } from '../../components/notify';
import { PageHeader } from '../../components/PageHeader';
import { QueryStatus } from '../../components/QueryStatus';
import { useT } from '../../i18n';
import { RestoreConfirmModal } from './RestoreConfirmModal';

type RestoreTarget = { label: string; input: { backupId: string } | { uploadId: string } };

export function BackupPage() {
  const t = useT();
  const { reboot } = useSession();
  const backups = useQuery('backup.list', {});
  const create = useJob('backup.create');
  const restore = useMutation('backup.restore');
  const copy = useMutation('backup.copy');
  const [target, setTarget] = useState<RestoreTarget | null>(null);

  const backupLabel = (backup: BackupEntry) => `${formatDateTime(backup.createdAt)} · ${t(`backupKinds.${backup.kind}`)}`;

  const createNow = async () => {
    const result = await create.run({});
    if (!result.ok) return result.error.code === 'JOB_CANCELLED' ? undefined : notifyError(result.error);
    notifySuccess(t('backup.created'));
    backups.reload();
  };

  const pickFile = async () => {
    try {
      const upload = await bridge.pickFile({ accept: ['.db'] });
      if (upload) setTarget({ label: upload.name, input: { uploadId: upload.uploadId } });
    } catch (thrown) {
      notifyError(toErrorShape(thrown));
    }
  };

  // To a USB stick: the save dialog (a download in the browser) gets the backup file as it is, still encrypted.
  const copyOut = async (backup: BackupEntry) => {
    const result = await copy.run({ backupId: backup.id });
    if (!result.ok) return notifyError(result.error);
    try {
      const { saved } = await bridge.saveFile(result.data);
      if (saved) notifySuccess(t('backup.copied'));
    } catch (thrown) {
      notifyError(toErrorShape(thrown));
    }
  };

  const confirmRestore = async () => {
    if (!target) return;
    const result = await restore.run(target.input);
    if (!result.ok) return;
    setTarget(null);
    notifySuccess(t('backup.restored', { time: formatDateTime(result.data.restored.createdAt) }));
    // Everyone was signed out and the database is another one: start again from the system state.
    reboot();
  };

  const columns: DataColumn<BackupEntry>[] = [
    { key: 'time', header: t('backup.time'), nowrap: true, render: (backup) => formatDateTime(backup.createdAt) },
    { key: 'kind', header: t('backup.kind'), render: (backup) => t(`backupKinds.${backup.kind}`) },
    { key: 'size', header: t('backup.size'), align: 'right', render: (backup) => formatBytes(backup.bytes) },
    {
      key: 'actions',
      header: t('common.actions'),
      render: (backup) => (
        <Group gap={4} wrap="nowrap">
          <Button size="compact-sm" variant="subtle" loading={copy.running} onClick={() => void copyOut(backup)}>
            {t('backup.copy')}
          </Button>
          <Button
            size="compact-sm"
            variant="subtle"
            color="red"
            onClick={() => setTarget({ label: backupLabel(backup), input: { backupId: backup.id } })}
          >
            {t('backup.restore')}
          </Button>
        </Group>
      ),
    },
  ];

  const lastAutoAt = backups.data?.lastAutoAt;
  return (
    <>
      <PageHeader title={t('backup.title')}>
        <Button variant="default" leftSection={<IconFileUpload size={18} />} onClick={() => void pickFile()}>
          {t('backup.restoreFromFile')}
        </Button>
        <Button leftSection={<IconDatabaseExport size={18} />} loading={create.running} onClick={() => void createNow()}>
          {t('backup.createNow')}
        </Button>
      </PageHeader>
      {create.running && <JobProgressBar label={t('backup.inProgress')} progress={create.progress} onCancel={create.cancel} />}
      <QueryStatus loading={backups.loading && !backups.data} error={backups.error} onRetry={backups.reload} />
      {backups.data && (
        <>
          <Text mb="sm" c={lastAutoAt ? undefined : 'dimmed'}>
            {lastAutoAt ? t('backup.lastAuto', { time: formatDateTime(lastAutoAt) }) : t('backup.noAuto')}
          </Text>
          <Text mb="sm" size="sm" c="dimmed">
            {t('backup.copyNote')}
          </Text>
          <DataTable
            columns={columns}
            rows={backups.data.backups}
            rowKey={(backup) => backup.id}
            empty={t('backup.empty')}
            minWidth={480}
            maxWidth={820}
          />
        </>
      )}
      <RestoreConfirmModal
        source={target?.label ?? null}
        running={restore.running}
        error={restore.error}
        onConfirm={() => void confirmRestore()}
        onClose={() => {
          restore.reset();
          setTarget(null);
        }}
      />
    </>
  );
}
