import { Button, Text } from '@mantine/core';
import { useSession } from '../../app/session/session-context';
import { CenteredPage } from '../../components/CenteredPage';
import { notifySuccess } from '../../components/notify';
import { useT } from '../../i18n';
import { ChangePasswordForm } from './ChangePasswordForm';

/** Shown instead of everything else while the user still has the temporary password an administrator set. */
export function ForcedPasswordChange() {
  const t = useT();
  const { session, acceptSession, signOut } = useSession();
  return (
    <CenteredPage title={t('password.forcedTitle')} width={460}>
      <Text>{t('password.forcedBody')}</Text>
      <ChangePasswordForm
        username={session.user.username}
        temporary
        onChanged={(info) => {
          notifySuccess(t('password.changed'));
          acceptSession(info);
        }}
        extraActions={
          <Button variant="subtle" color="gray" onClick={() => void signOut()}>
            {t('shell.signOut')}
          </Button>
        }
      />
    </CenteredPage>
  );
}
