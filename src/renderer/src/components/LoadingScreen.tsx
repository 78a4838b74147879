import { Center, Loader, Stack, Text } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useT } from '../i18n';

/** How long a wait may look like any other before `slowHint` explains it. */
const SLOW_AFTER_MS = 5_000;

/**
 * A whole-window wait. `slowHint` says, once the wait has lasted SLOW_AFTER_MS, why it may last much longer (the
 * start after an upgrade backs up and migrates the database first: a minute or more at a million records), so that
 * the clerk does not close the program in the middle of it.
 */
export function LoadingScreen({ slowHint }: { slowHint?: string }) {
  const t = useT();
  const [slow, setSlow] = useState(false);
  useEffect(() => {
    if (!slowHint) return;
    const timer = setTimeout(() => setSlow(true), SLOW_AFTER_MS);
    return () => clearTimeout(timer);
  }, [slowHint]);
  return (
    <Center mih="100vh">
      <Stack align="center" gap="xs" maw={480}>
        <Loader />
        <Text c="dimmed">{t('app.loading')}</Text>
        {slow && (
          <Text size="sm" ta="center" data-testid="slow-start">
            {slowHint}
          </Text>
        )}
      </Stack>
    </Center>
  );
}
