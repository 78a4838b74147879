import { Button, PasswordInput, Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import type { SessionInfo } from '@shared/contract/auth';
import { useMutation, useQuery } from '../../api/hooks';
import { CenteredPage } from '../../components/CenteredPage';
import { StackedForm } from '../../components/StackedForm';
import { useT } from '../../i18n';

export function SignInScreen({ onSignedIn }: { onSignedIn: (info: SessionInfo) => void }) {
  const t = useT();
  const status = useQuery('system.status', {});
  const signIn = useMutation('auth.signIn');
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');

  const submit = async () => {
    const result = await signIn.run({ username, password });
    if (result.ok) onSignedIn(result.data);
    else setPassword('');
  };

  return (
    <CenteredPage title={t('app.title')} width={400}>
      {status.data?.orgName && (
        <Text c="dimmed" mt={-8}>
          {status.data.orgName}
        </Text>
      )}
      <StackedForm onSubmit={submit} error={signIn.error}>
        <TextInput
          label={t('signIn.username')}
          value={username}
          onChange={(event) => setUsername(event.currentTarget.value)}
          autoComplete="username"
          autoCapitalize="none"
          spellCheck={false}
          autoFocus
        />
        <PasswordInput
          label={t('signIn.password')}
          value={password}
          onChange={(event) => setPassword(event.currentTarget.value)}
          autoComplete="current-password"
        />
        <Button type="submit" loading={signIn.running} fullWidth>
          {t('signIn.submit')}
        </Button>
      </StackedForm>
    </CenteredPage>
  );
}
