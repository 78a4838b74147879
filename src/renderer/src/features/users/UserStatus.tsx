import { Badge, Group } from '@mantine/core';
import type { User } from '@shared/contract/users';
import { formatDateTime } from '../../components/format';
import { useT } from '../../i18n';

// A squeezed table column must wrap the badges, not cut their words.
const NO_SHRINK = { flexShrink: 0 };

/** 启用 / 停用 / 锁定至 …, plus a note when the user still has a temporary password. */
export function UserStatus({ user }: { user: User }) {
  const t = useT();
  let badge;
  if (user.disabled) {
    badge = (
      <Badge style={NO_SHRINK} color="gray" variant="light">
        {t('users.disabled')}
      </Badge>
    );
  } else if (user.lockedUntil) {
    badge = (
      <Badge style={NO_SHRINK} color="orange" variant="light">
        {t('users.lockedUntil', { time: formatDateTime(user.lockedUntil) })}
      </Badge>
    );
  } else {
    badge = (
      <Badge style={NO_SHRINK} color="green" variant="light">
        {t('users.enabled')}
      </Badge>
    );
  }
  return (
    <Group gap={6}>
      {badge}
      {user.mustChangePassword && !user.disabled && (
        <Badge style={NO_SHRINK} color="blue" variant="outline">
          {t('users.mustChange')}
        </Badge>
      )}
    </Group>
  );
}
