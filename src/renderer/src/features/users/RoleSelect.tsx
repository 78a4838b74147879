import { Select } from '@mantine/core';
import type { Role } from '@shared/roles';
import { requiredField } from '../../components/required-field';
import { useT } from '../../i18n';

/** In the order an administrator most often needs them: most new accounts are clerks. */
const ROLE_ORDER: Role[] = ['clerk', 'reviewer', 'viewer', 'admin'];

function asRole(value: string): Role {
  return ROLE_ORDER.find((role) => role === value) ?? 'clerk';
}

/** One of the four roles; there is always one chosen. */
export function RoleSelect({ label, value, onChange }: { label: string; value: Role; onChange: (role: Role) => void }) {
  const t = useT();
  return (
    <Select
      label={label}
      value={value}
      onChange={(next) => onChange(asRole(next ?? value))}
      data={ROLE_ORDER.map((role) => ({ value: role, label: t(`roles.${role}`) }))}
      allowDeselect={false}
      {...requiredField}
    />
  );
}
