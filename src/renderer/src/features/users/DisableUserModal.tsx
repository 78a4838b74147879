import { Button, Group, Modal, Stack, Text } from '@mantine/core';
import type { User } from '@shared/contract/users';
import { useT } from '../../i18n';

interface DisableUserModalProps {
  /** The user about to be disabled; null = closed. */
  user: User | null;
  running: boolean;
  onConfirm: (user: User) => void;
  onClose: () => void;
}

/**
 * Disabling signs a colleague out of the program at once: one stray click in the list must not do it. Says what
 * happens and that it can be undone.
 */
export function DisableUserModal({ user, running, onConfirm, onClose }: DisableUserModalProps) {
  const t = useT();
  return (
    <Modal opened={user !== null} onClose={running ? () => undefined : onClose} title={t('users.disableTitle')} centered>
      <Stack gap="md">
        <Text>{t('users.disableConfirm', { name: user?.displayName ?? '', username: user?.username ?? '' })}</Text>
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose} disabled={running}>
            {t('common.cancel')}
          </Button>
          <Button color="red" onClick={() => user && onConfirm(user)} loading={running}>
            {t('users.disableButton')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
