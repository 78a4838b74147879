import { Box, Button, Center, Group, Paper, PasswordInput, Stack, Text, Title } from '@mantine/core';
import { IconLock } from '@tabler/icons-react';
import { useEffect, useId, useState, type FormEvent } from 'react';
import type { SessionInfo } from '@shared/contract/auth';
import { useMutation } from '../../api/hooks';
import { ErrorAlert } from '../../components/ErrorAlert';
import { notifyError } from '../../components/notify';
import { useT } from '../../i18n';
import { useSession } from './session-context';

/**
 * Mantine renders modals and notifications in portals beside #root. While locked they are made inert too, so
 * neither the keyboard nor a screen reader reaches what the overlay covers; they stay mounted all the same.
 */
function useInertOutsideRoot(): void {
  useEffect(() => {
    const root = document.getElementById('root');
    const others = [...document.body.children].filter(
      (element): element is HTMLElement => element instanceof HTMLElement && element !== root && !element.inert,
    );
    for (const element of others) element.inert = true;
    return () => {
      for (const element of others) element.inert = false;
    };
  }, []);
}

/** Puts the caret back where the clerk was typing before the lock took the focus away. */
function useRestoreFocus(): void {
  // Read while rendering, before the app turns inert and the password field takes the focus.
  const [previous] = useState(() => document.activeElement);
  useEffect(() => {
    return () => {
      // After the overlay is gone and the app is no longer inert.
      window.setTimeout(() => {
        if (previous instanceof HTMLElement && previous.isConnected) previous.focus();
      });
    };
  }, [previous]);
}

/**
 * The lock screen: an opaque full-window layer above the still-mounted app. Only the signed-in user's password
 * opens it again (auth.unlock); signing out from here is the way for someone else to use the computer.
 */
export function LockOverlay({ onUnlocked }: { onUnlocked: (info: SessionInfo) => void }) {
  const t = useT();
  const titleId = useId();
  const { session, signOut, refresh } = useSession();
  const [password, setPassword] = useState('');
  const unlock = useMutation('auth.unlock');
  useRestoreFocus();
  useInertOutsideRoot();

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const result = await unlock.run({ password });
    setPassword('');
    if (result.ok) {
      onUnlocked(result.data);
    } else if (result.error.code === 'ACCOUNT_LOCKED') {
      // Too many wrong passwords end the session in the core: say why, then the sign-in screen follows.
      notifyError(result.error);
      await refresh();
    }
  };

  return (
    <Box
      role="dialog"
      aria-modal="true"
      aria-labelledby={titleId}
      pos="fixed"
      inset={0}
      bg="gray.2"
      style={{ zIndex: 10000, overflow: 'auto' }}
    >
      <Center mih="100%" p="md">
        <Paper withBorder shadow="md" radius="md" p="xl" w="100%" maw={420}>
          <form onSubmit={(event) => void submit(event)}>
            <Stack gap="md">
              <Group gap="xs">
                <IconLock size={24} aria-hidden />
                <Title order={2} size="h3" id={titleId}>
                  {t('lock.title')}
                </Title>
              </Group>
              <Text>{t('lock.body', { name: session.user.displayName })}</Text>
              <ErrorAlert error={unlock.error} />
              <PasswordInput
                label={t('lock.password')}
                value={password}
                onChange={(event) => setPassword(event.currentTarget.value)}
                autoComplete="current-password"
                autoFocus
              />
              <Group justify="space-between">
                <Button variant="subtle" color="gray" onClick={() => void signOut()}>
                  {t('lock.signOut')}
                </Button>
                <Button type="submit" loading={unlock.running} disabled={!password}>
                  {t('lock.unlock')}
                </Button>
              </Group>
            </Stack>
          </form>
        </Paper>
      </Center>
    </Box>
  );
}
