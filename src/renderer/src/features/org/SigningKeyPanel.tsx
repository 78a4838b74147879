import { Button, Code, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { IconFileDownload, IconPrinter } from '@tabler/icons-react';
import { bridge } from '../../api/client';
import { useQuery } from '../../api/hooks';
import { useJob } from '../../api/jobs';
import { formatDateTime } from '../../components/format';
import { notifyError, notifySuccess } from '../../components/notify';
import { QueryStatus } from '../../components/QueryStatus';
import { useT } from '../../i18n';

/**
 * The organisation's signing key (administrator): its fingerprint, to be read to the federation over the phone,
 * and the key card, as the signed .bfkey file for the federation or as the A4 page to compare and sign.
 */
export function SigningKeyPanel() {
  const t = useT();
  const key = useQuery('org.signingKey', {});
  const exportCard = useJob('org.exportKeyCard');

  const run = async (as: 'card' | 'pdf') => {
    const result = await exportCard.run({ as });
    if (!result.ok) return result.error.code === 'JOB_CANCELLED' ? undefined : notifyError(result.error);
    try {
      if (as === 'pdf') await bridge.openFile(result.data);
      else if ((await bridge.saveFile(result.data)).saved) notifySuccess(t('signingKey.cardSaved'));
    } catch {
      // The host's own dialog was closed or failed: nothing to add to what it showed.
    }
  };

  const half = key.data ? Math.ceil(key.data.fingerprint.length / 2) : 0;
  return (
    <Paper withBorder radius="md" p="lg" maw={640} mt="lg" aria-labelledby="signing-key-title">
      <Title order={3} size="h4" id="signing-key-title">
        {t('signingKey.title')}
      </Title>
      <Text size="sm" c="dimmed" mt={4}>
        {t('signingKey.intro')}
      </Text>
      <QueryStatus loading={key.loading && !key.data} error={key.error} onRetry={key.reload} />
      {key.data && (
        <Stack gap="xs" mt="md">
          <Text size="sm" fw={500}>
            {t('signingKey.fingerprint')}
          </Text>
          <Code block fz="xl" fw={700} data-testid="key-fingerprint" aria-label={t('signingKey.fingerprint')}>
            {`${key.data.fingerprint.slice(0, half).join(' ')}\n${key.data.fingerprint.slice(half).join(' ')}`}
          </Code>
          <Text size="sm" c="dimmed">
            {t('signingKey.createdAt', { time: formatDateTime(key.data.createdAt) })}
          </Text>
          <Group mt="sm">
            <Button
              variant="default"
              leftSection={<IconFileDownload size={16} />}
              loading={exportCard.running}
              onClick={() => void run('card')}
            >
              {t('signingKey.exportCard')}
            </Button>
            <Button variant="default" leftSection={<IconPrinter size={16} />} loading={exportCard.running} onClick={() => void run('pdf')}>
              {t('signingKey.printCard')}
            </Button>
          </Group>
        </Stack>
      )}
    </Paper>
  );
}
