import { Center, Loader, Stack, Text } from '@mantine/core';
import { useT } from '../i18n';

export function LoadingScreen() {
  const t = useT();
  return (
    <Center mih="100vh">
      <Stack align="center" gap="xs">
        <Loader />
        <Text c="dimmed">{t('app.loading')}</Text>
      </Stack>
    </Center>
  );
}
