import { Button, Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useMutation } from '../../api/hooks';
import { CenteredPage } from '../../components/CenteredPage';
import { MONOSPACE } from '../../components/CodeInputs';
import { notifySuccess } from '../../components/notify';
import { StackedForm } from '../../components/StackedForm';
import { useT } from '../../i18n';

/** The key store lost the database key (a new Windows profile): the printed recovery code opens the data again. */
export function RecoveryScreen({ onDone }: { onDone: () => void }) {
  const t = useT();
  const recover = useMutation('system.recover');
  const [code, setCode] = useState('');

  const submit = async () => {
    const result = await recover.run({ recoveryCode: code });
    if (!result.ok) return;
    notifySuccess(t('recovery.done'));
    onDone();
  };

  return (
    <CenteredPage title={t('recovery.title')} width={520}>
      <Text>{t('recovery.body')}</Text>
      <StackedForm onSubmit={submit} error={recover.error}>
        <TextInput
          label={t('recovery.code')}
          description={t('recovery.codeHint')}
          value={code}
          onChange={(event) => setCode(event.currentTarget.value)}
          maxLength={64}
          styles={{ input: MONOSPACE }}
          autoComplete="off"
          autoCapitalize="characters"
          spellCheck={false}
          autoFocus
        />
        <Button type="submit" loading={recover.running} disabled={!code.trim()}>
          {t('recovery.submit')}
        </Button>
      </StackedForm>
    </CenteredPage>
  );
}
