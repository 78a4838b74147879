import type { Role } from '@shared/roles';
import { t } from '../../i18n';

/** In the order an administrator most often needs them: most new accounts are clerks. */
const ROLE_ORDER: Role[] = ['clerk', 'reviewer', 'viewer', 'admin'];

export function roleOptions(): { value: Role; label: string }[] {
  return ROLE_ORDER.map((role) => ({ value: role, label: t(`roles.${role}`) }));
}

export function asRole(value: string): Role {
  return ROLE_ORDER.find((role) => role === value) ?? 'clerk';
}
