import { Alert, Button, Stack } from '@mantine/core';
import { IconShieldCheck } from '@tabler/icons-react';
import type { ChannelOutput } from '@shared/contract';
import { useState } from 'react';
import { useMutation } from '../../api/hooks';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useT } from '../../i18n';

/** Recomputes the audit log's hash chain in the core and says whether any entry was removed or altered. */
export function VerifyChain() {
  const t = useT();
  // audit.verify changes nothing, but it runs on demand like an action, so it uses the mutation hook.
  const verify = useMutation('audit.verify');
  const [result, setResult] = useState<ChannelOutput<'audit.verify'> | null>(null);

  const run = async () => {
    setResult(null);
    const outcome = await verify.run({});
    if (outcome.ok) setResult(outcome.data);
  };

  return (
    <Stack gap="sm" mb="md">
      <div>
        <Button variant="light" leftSection={<IconShieldCheck size={18} />} loading={verify.running} onClick={() => void run()}>
          {t('audit.verify')}
        </Button>
      </div>
      <ErrorAlert error={verify.error} />
      {result?.ok && (
        <Alert color="green" variant="light" role="status">
          {t('audit.verifyOk', { count: result.checked })}
        </Alert>
      )}
      {result && !result.ok && (
        <Alert color="red" variant="filled" role="alert" title={t('audit.verifyBroken', { seq: result.firstBrokenSeq ?? '?' })}>
          {t('audit.verifyBrokenHint', { count: result.checked })}
        </Alert>
      )}
    </Stack>
  );
}
