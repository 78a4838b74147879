import { ActionIcon, Badge, Button, Group, Text, Tooltip } from '@mantine/core';
import { IconKey, IconLock, IconLogout } from '@tabler/icons-react';
import type { ComponentType } from 'react';
import { LanguageSwitch } from '../../components/LanguageSwitch';
import { useT } from '../../i18n';
import { useSession } from '../session/session-context';

interface HeaderAction {
  label: string;
  icon: ComponentType<{ size?: number }>;
  color?: string;
  onClick: () => void;
}

/**
 * A labelled button on wide windows, an icon with the same accessible name (and a tooltip) on narrow ones. Only
 * one of the two is displayed, so tests and screen readers always find exactly one button by its name.
 */
function ResponsiveButton({ label, icon: Icon, color, onClick }: HeaderAction) {
  return (
    <>
      <Button variant="subtle" size="compact-sm" color={color} leftSection={<Icon size={16} />} onClick={onClick} visibleFrom="lg">
        {label}
      </Button>
      <Tooltip label={label}>
        <ActionIcon variant="subtle" color={color} aria-label={label} onClick={onClick} hiddenFrom="lg">
          <Icon size={18} />
        </ActionIcon>
      </Tooltip>
    </>
  );
}

export function HeaderActions({ onChangePassword }: { onChangePassword: () => void }) {
  const t = useT();
  const { session, lockNow, signOut } = useSession();
  const { user } = session;
  return (
    <Group gap="xs" wrap="nowrap">
      <Text fw={500} truncate maw={160}>
        {user.displayName}
      </Text>
      <Badge variant="light" visibleFrom="sm">
        {t(`roles.${user.role}`)}
      </Badge>
      <ResponsiveButton label={t('shell.lock')} icon={IconLock} onClick={lockNow} />
      <ResponsiveButton label={t('shell.changePassword')} icon={IconKey} onClick={onChangePassword} />
      <ResponsiveButton label={t('shell.signOut')} icon={IconLogout} color="gray" onClick={() => void signOut()} />
      <LanguageSwitch />
    </Group>
  );
}
