import { Alert, Button, Code, Group, Modal, Paper, Stack, Text, Title } from '@mantine/core';
import { IconFileDownload, IconKey, IconPrinter } from '@tabler/icons-react';
import { useState } from 'react';
import type { OrgMode } from '@shared/contract/org';
import { bridge } from '../../api/client';
import { useMutation, useQuery } from '../../api/hooks';
import { useJob } from '../../api/jobs';
import { ErrorAlert } from '../../components/ErrorAlert';
import { formatDateTime } from '../../components/format';
import { notifyError, notifySuccess } from '../../components/notify';
import { QueryStatus } from '../../components/QueryStatus';
import { useT } from '../../i18n';
import { FingerprintBlock } from './FingerprintBlock';

/**
 * This office's keys (administrator): the fingerprint over both keys, read to the other office over the phone, and
 * the key card, as the signed .bfkey file or the A4 page to compare and sign. Replacing the keys is here too.
 */
export function OwnKeyCardPanel({ mode }: { mode: OrgMode | undefined }) {
  const t = useT();
  const key = useQuery('org.signingKey', {});
  const exportCard = useJob('org.exportKeyCard');
  const replace = useMutation('org.replaceKeys');
  const [asking, setAsking] = useState(false);

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
  const confirmReplace = async () => {
    const result = await replace.run({ confirm: true });
    if (!result.ok) return;
    setAsking(false);
    notifySuccess(t('exchangeKeys.replaced'));
    key.reload();
  };

  return (
    <Paper withBorder radius="md" p="lg" maw={720} aria-labelledby="signing-key-title">
      <Title order={3} size="h4" id="signing-key-title">
        {t('signingKey.title')}
      </Title>
      <Text size="sm" c="dimmed" mt={4}>
        {t('signingKey.intro')}
      </Text>
      {mode && (
        <Text size="sm" mt="xs">
          {t('exchangeKeys.mode', { mode: t(`modes.${mode}`) })}
        </Text>
      )}
      <QueryStatus loading={key.loading && !key.data} error={key.error} onRetry={key.reload} />
      {key.data && (
        <Stack gap="xs" mt="md">
          <Text size="sm" fw={500}>
            {t('signingKey.fingerprint')}
          </Text>
          <FingerprintBlock groups={key.data.fingerprint} testId="key-fingerprint" label={t('signingKey.fingerprint')} />
          <Text size="sm" c="dimmed">
            {t('signingKey.createdAt', { time: formatDateTime(key.data.createdAt) })}
          </Text>
          {key.data.replaced && (
            <Alert color="blue" data-testid="keys-replaced">
              {t('exchangeKeys.replacedNote', { time: formatDateTime(key.data.replaced.at), fingerprint: key.data.replaced.fingerprint })}
            </Alert>
          )}
          <Text size="xs" c="dimmed">
            {t('signingKey.recipient')} <Code>{key.data.exchangeRecipient}</Code>
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
            <Button variant="subtle" color="red" leftSection={<IconKey size={16} />} onClick={() => setAsking(true)}>
              {t('exchangeKeys.replace')}
            </Button>
          </Group>
        </Stack>
      )}
      <Modal
        opened={asking}
        onClose={replace.running ? () => undefined : () => setAsking(false)}
        title={t('exchangeKeys.replaceTitle')}
        centered
      >
        <Stack gap="md">
          <Text size="sm">{t('exchangeKeys.replaceBody')}</Text>
          <ErrorAlert error={replace.error} />
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setAsking(false)} disabled={replace.running}>
              {t('common.cancel')}
            </Button>
            <Button color="red" loading={replace.running} onClick={() => void confirmReplace()}>
              {t('exchangeKeys.replaceConfirm')}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </Paper>
  );
}
