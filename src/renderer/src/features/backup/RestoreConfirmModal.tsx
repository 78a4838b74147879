import { Button, Group, List, Modal, Stack, Text } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import type { AppErrorShape } from '@shared/errors';
import { useSession } from '../../app/session/session-context';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useT } from '../../i18n';

interface RestoreConfirmModalProps {
  /** What will be restored, as the clerk knows it (a backup's time and kind, or a file name); null = closed. */
  source: string | null;
  running: boolean;
  error: AppErrorShape | null;
  onConfirm: () => void;
  onClose: () => void;
}

/** Restoring replaces everything: say so plainly, and that nothing is lost (the current data is kept). */
export function RestoreConfirmModal({ source, running, error, onConfirm, onClose }: RestoreConfirmModalProps) {
  const t = useT();
  const { org } = useSession();
  return (
    <Modal opened={source !== null} onClose={running ? () => undefined : onClose} title={t('backup.confirmTitle')} centered size="lg">
      <Stack gap="md">
        <Text fw={500}>{t('backup.confirmSource', { source: source ?? '' })}</Text>
        <List spacing="xs" icon={<IconAlertTriangle size={16} color="var(--mantine-color-orange-7)" />}>
          <List.Item>{t('backup.confirmReplace')}</List.Item>
          <List.Item>{t('backup.confirmKeep')}</List.Item>
          <List.Item>{t('backup.confirmLater')}</List.Item>
          {org?.mode === 'centre' && <List.Item>{t('backup.confirmBatches')}</List.Item>}
          {org?.mode === 'federation' && <List.Item>{t('backup.confirmReceived')}</List.Item>}
          <List.Item>{t('backup.confirmSignOut')}</List.Item>
        </List>
        <ErrorAlert error={error} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose} disabled={running}>
            {t('common.cancel')}
          </Button>
          <Button color="red" onClick={onConfirm} loading={running}>
            {t('backup.confirmButton')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
