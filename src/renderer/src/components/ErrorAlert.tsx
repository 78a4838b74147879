import { Alert } from '@mantine/core';
import { IconAlertCircle } from '@tabler/icons-react';
import type { AppErrorShape } from '@shared/errors';
import { errorMessage } from '../i18n/errors';
import { useT } from '../i18n';

/** An error from the core, in the clerk's words; renders nothing when there is no error. */
export function ErrorAlert({ error, onClose }: { error: AppErrorShape | null | undefined; onClose?: () => void }) {
  useT();
  if (!error) return null;
  return (
    <Alert
      color="red"
      variant="light"
      role="alert"
      icon={<IconAlertCircle size={18} />}
      withCloseButton={Boolean(onClose)}
      onClose={onClose}
    >
      {errorMessage(error)}
    </Alert>
  );
}
