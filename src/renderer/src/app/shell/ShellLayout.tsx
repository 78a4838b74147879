import { AppShell, Burger, Group, NavLink, Title } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { Link, Outlet, useLocation } from 'react-router';
import { roleAllows } from '@shared/roles';
import { AuditAlarmBanner } from '../../features/audit/AuditAlarmBanner';
import { ChangePasswordModal } from '../../features/auth/ChangePasswordModal';
import { useT } from '../../i18n';
import { useSession } from '../session/session-context';
import { AREAS, type Area } from './areas';
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
  const areas = AREAS.filter(
    (area) => roleAllows(user.role, area.role) && (!area.modes || (org !== undefined && area.modes.includes(org.mode))),
  );

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
        {areas.map((area, index) => {
          if (area.hidden) return null;
          const link = (a: Area) => {
            const to = `/${a.path}`;
            const active = a.path === '' ? location.pathname === '/' : location.pathname.startsWith(to);
            return (
              <NavLink
                key={a.path}
                component={Link}
                to={to}
                label={t(a.label)}
                leftSection={<a.icon size={18} />}
                active={active}
                aria-current={active ? 'page' : undefined}
                onClick={nav.close}
              />
            );
          };
          if (!area.group) return link(area);
          // A group is listed once, at its first area, with every area of the group under its heading.
          if (areas.findIndex((a) => a.group === area.group) !== index) return null;
          const members = areas.filter((a) => a.group === area.group && !a.hidden);
          return (
            <NavLink key={area.group} label={t(area.group)} leftSection={<area.icon size={18} />} defaultOpened childrenOffset={12}>
              {members.map(link)}
            </NavLink>
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
