import { Button, Center, Group, Loader } from '@mantine/core';
import type { AppErrorShape } from '@shared/errors';
import { useT } from '../i18n';
import { ErrorAlert } from './ErrorAlert';

/** What a page shows while its data loads, or when loading failed (with a way to try again). */
export function QueryStatus({ loading, error, onRetry }: { loading: boolean; error: AppErrorShape | null; onRetry: () => void }) {
  const t = useT();
  if (error) {
    return (
      <Group align="flex-start" wrap="nowrap">
        <div style={{ flex: 1 }}>
          <ErrorAlert error={error} />
        </div>
        <Button variant="light" onClick={onRetry}>
          {t('app.retry')}
        </Button>
      </Group>
    );
  }
  if (loading) {
    return (
      <Center py="xl">
        <Loader size="sm" aria-label={t('app.loading')} />
      </Center>
    );
  }
  return null;
}
