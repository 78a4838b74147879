import { Alert, Button, Stack } from '@mantine/core';
import { IconShieldCheck } from '@tabler/icons-react';
import type { ChannelOutput } from '@shared/contract';
import { useState } from 'react';
import { useMutation } from '../../api/hooks';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useLanguage, useT } from '../../i18n';

/** Recomputes the audit log's hash chain in the core and says whether any entry was removed or altered. */
export function VerifyChain({ onChecked }: { onChecked: () => void }) {
  const t = useT();
  const language = useLanguage();
  // audit.verify changes nothing, but it runs on demand like an action, so it uses the mutation hook.
  const verify = useMutation('audit.verify');
  const [result, setResult] = useState<ChannelOutput<'audit.verify'> | null>(null);

  const run = async () => {
    setResult(null);
    const outcome = await verify.run({});
    if (outcome.ok) setResult(outcome.data);
    if (outcome.ok && outcome.data.problems.length > 0) onChecked();
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
      {result && result.firstBrokenSeq !== null && (
        <Alert color="red" variant="filled" role="alert" title={t('audit.verifyBroken', { seq: result.firstBrokenSeq })}>
          {t('audit.verifyBrokenHint', { count: result.checked })}
        </Alert>
      )}
      {result && result.problems.length > 0 && (
        <Alert color="red" variant="light" role="alert">
          {t('audit.verifyProblems', {
            problems: result.problems.map((kind) => t(`auditAlarmKinds.${kind}`)).join(language === 'en' ? ', ' : '、'),
          })}
        </Alert>
      )}
    </Stack>
  );
}
