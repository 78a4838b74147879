import { AppShell, Burger, Group, NavLink, Title } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { Link, Outlet, useLocation } from 'react-router';
import { roleAllows } from '@shared/roles';
import { AuditAlarmBanner } from '../../features/audit/AuditAlarmBanner';
import { ChangePasswordModal } from '../../features/auth/ChangePasswordModal';
import { useT } from '../../i18n';
import { useSession } from '../session/session-context';
import { AREAS } from './areas';
import { HeaderActions } from './HeaderActions';
import { useShortcuts } from './useShortcuts';

export function ShellLayout() {
  const t = useT();
  const { session, org } = useSession();
  const [navOpened, nav] = useDisclosure(false);
  const [passwordOpened, passwordModal] = useDisclosure(false);
  const location = useLocation();
  const { user } = session;
  useShortcuts();
  const areas = AREAS.filter((area) => roleAllows(user.role, area.role));

  return (
    <AppShell header={{ height: 60 }} navbar={{ width: 200, breakpoint: 'sm', collapsed: { mobile: !navOpened } }} padding="lg">
      <AppShell.Header>
        <Group h="100%" px="md" justify="space-between" wrap="nowrap">
          <Group gap="sm" wrap="nowrap" miw={0}>
            <Burger opened={navOpened} onClick={nav.toggle} hiddenFrom="sm" size="sm" aria-label={t('shell.toggleNav')} />
            <Title order={1} size="h4" lineClamp={1}>
              {org?.name ?? t('app.title')}
            </Title>
          </Group>
          <HeaderActions onChangePassword={passwordModal.open} />
        </Group>
      </AppShell.Header>

      <AppShell.Navbar p="xs" component="nav" aria-label={t('shell.navLabel')}>
        {areas.map((area) => {
          const to = `/${area.path}`;
          const active = area.path === '' ? location.pathname === '/' : location.pathname.startsWith(to);
          return (
            <NavLink
              key={area.path}
              component={Link}
              to={to}
              label={t(area.label)}
              leftSection={<area.icon size={18} />}
              active={active}
              aria-current={active ? 'page' : undefined}
              onClick={nav.close}
            />
          );
        })}
      </AppShell.Navbar>

      <AppShell.Main bg="gray.0">
        <AuditAlarmBanner enabled={user.role === 'admin' && !user.mustChangePassword} />
        <Outlet />
      </AppShell.Main>

      <ChangePasswordModal opened={passwordOpened} onClose={passwordModal.close} />
    </AppShell>
  );
}
