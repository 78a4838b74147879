import { Alert, Text } from '@mantine/core';
import { useEffect, useState } from 'react';
import { onSignal } from '../../api/signals';
import { CenteredPage } from '../../components/CenteredPage';
import { useT } from '../../i18n';

/**
 * Whether the web host was started again since this tab opened (api/web-bridge.ts). Once it was, every call of
 * this tab is refused for good: the flag never goes back.
 */
export function useHostRestarted(): boolean {
  const [restarted, setRestarted] = useState(false);
  useEffect(
    () =>
      onSignal((signal) => {
        if (signal === 'host-restarted') setRestarted(true);
      }),
    [],
  );
  return restarted;
}

/** Replaces every screen of a tab the restarted host no longer answers, and says what to do instead. */
export function HostRestartedScreen() {
  const t = useT();
  return (
    <CenteredPage title={t('hostRestarted.title')} width={520}>
      <Alert color="orange" role="alert">
        <Text size="sm">{t('hostRestarted.body')}</Text>
      </Alert>
    </CenteredPage>
  );
}
