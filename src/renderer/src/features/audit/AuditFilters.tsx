import { Group, Select } from '@mantine/core';
import { ClerkDateInput } from '../../components/ClerkDateInput';
import type { User } from '@shared/contract/users';
import { actionLabel, useT } from '../../i18n';

export interface AuditFilterValues {
  userId: string;
  action: string;
  from: string | null;
  to: string | null;
}

export const NO_FILTERS: AuditFilterValues = { userId: '', action: '', from: null, to: null };

interface AuditFiltersProps {
  values: AuditFilterValues;
  onChange: (values: AuditFilterValues) => void;
  users: User[];
  actions: string[];
}

export function AuditFilters({ values, onChange, users, actions }: AuditFiltersProps) {
  const t = useT();
  const set = <K extends keyof AuditFilterValues>(key: K, value: AuditFilterValues[K]) => onChange({ ...values, [key]: value });
  const all = { value: '', label: t('common.all') };
  // Typed as YYYY-MM-DD or picked from the calendar; the core reads them as local calendar days.
  const day = { valueFormat: 'YYYY-MM-DD', placeholder: t('audit.datePlaceholder'), clearable: true, w: 160 };

  return (
    <Group align="flex-end" gap="md" mb="md">
      <Select
        label={t('audit.user')}
        value={values.userId}
        onChange={(value) => set('userId', value ?? '')}
        allowDeselect={false}
        data={[all, ...users.map((u) => ({ value: u.id, label: `${u.displayName} (${u.username})` }))]}
        w={220}
      />
      <Select
        label={t('audit.action')}
        value={values.action}
        onChange={(value) => set('action', value ?? '')}
        allowDeselect={false}
        data={[all, ...actions.map((action) => ({ value: action, label: actionLabel(action) }))]}
        w={200}
      />
      <ClerkDateInput
        {...day}
        label={t('audit.from')}
        value={values.from}
        onChange={(value) => set('from', value)}
        maxDate={values.to ?? undefined}
      />
      <ClerkDateInput
        {...day}
        label={t('audit.to')}
        value={values.to}
        onChange={(value) => set('to', value)}
        minDate={values.from ?? undefined}
      />
    </Group>
  );
}
