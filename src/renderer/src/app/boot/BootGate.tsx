import { Alert, Button, Stack, Text } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useQuery } from '../../api/hooks';
import { onSignal } from '../../api/signals';
import { CenteredPage } from '../../components/CenteredPage';
import { ErrorAlert } from '../../components/ErrorAlert';
import { LoadingScreen } from '../../components/LoadingScreen';
import { useT } from '../../i18n';
import { DamagedScreen } from '../../features/recovery/DamagedScreen';
import { RecoveryScreen } from '../../features/recovery/RecoveryScreen';
import { SetupWizard } from '../../features/setup/SetupWizard';
import { SessionGate } from '../session/SessionGate';

/**
 * The first decision: which screen the program's state calls for (system.status). It is asked again after a
 * setup, a recovery or a restore, and whenever a call reports that the state changed under us.
 */
export function BootGate() {
  const t = useT();
  const status = useQuery('system.status', {});
  // Remounts the session layer on every reboot, so a restored database is never shown with the old session.
  const [bootCount, setBootCount] = useState(0);
  const { reload } = status;

  useEffect(
    () =>
      onSignal((signal) => {
        if (signal !== 'system-state-changed') return;
        setBootCount((n) => n + 1);
        reload();
      }),
    [reload],
  );

  const reboot = () => {
    setBootCount((n) => n + 1);
    reload();
  };

  if (status.error && !status.loading) {
    return (
      <CenteredPage title={t('boot.failedTitle')}>
        <ErrorAlert error={status.error} />
        <Text>{t('boot.failedBody')}</Text>
        <Button onClick={reload}>{t('app.retry')}</Button>
      </CenteredPage>
    );
  }
  if (!status.data || status.loading) return <LoadingScreen slowHint={t('boot.slowStart')} />;

  const { state, version } = status.data;
  switch (state) {
    case 'needs-setup':
      return <SetupWizard onDone={reboot} />;
    case 'key-missing':
      return <RecoveryScreen onDone={reboot} />;
    case 'db-too-new':
      return (
        <CenteredPage title={t('boot.dbTooNewTitle')} width={560}>
          <Stack gap="sm">
            <Alert color="red" variant="light" role="alert">
              {t('boot.dbTooNewBody', { version })}
            </Alert>
            <Text fw={500}>{t('boot.dbTooNewAction')}</Text>
          </Stack>
        </CenteredPage>
      );
    case 'damaged':
      return <DamagedScreen onDone={reboot} />;
    case 'ready':
      return <SessionGate key={bootCount} reboot={reboot} />;
  }
}
