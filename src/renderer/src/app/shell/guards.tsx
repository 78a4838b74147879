import { Alert, Button, Stack, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { useNavigate } from 'react-router';
import { roleAllows, type Role } from '@shared/roles';
import { useT } from '../../i18n';
import { useSession } from '../session/session-context';

function MessagePage({ title, body }: { title: string; body: string }) {
  const t = useT();
  const navigate = useNavigate();
  return (
    <Stack gap="md" maw={560}>
      <Title order={2}>{title}</Title>
      <Alert color="yellow" variant="light" role="note">
        {body}
      </Alert>
      <div>
        {/* A button, not a second link named like the navigation's 首页 link. */}
        <Button variant="light" onClick={() => void navigate('/')}>
          {t('shell.backHome')}
        </Button>
      </div>
    </Stack>
  );
}

/** The core refuses the calls anyway (FORBIDDEN); this keeps a typed address from showing a broken page. */
export function RequireRole({ role, children }: { role: Role; children: ReactNode }) {
  const t = useT();
  const { session } = useSession();
  if (roleAllows(session.user.role, role)) return children;
  return <MessagePage title={t('shell.noAccessTitle')} body={t('shell.noAccessBody', { role: t(`roles.${session.user.role}`) })} />;
}

export function NotFoundPage() {
  const t = useT();
  return <MessagePage title={t('shell.notFoundTitle')} body={t('shell.notFoundBody')} />;
}
