import { Autocomplete } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import type { UnitKind } from '@shared/contract/roster';
import { useQuery } from '../../api/hooks';
import { useT } from '../../i18n';

interface UnitNameInputProps {
  kind: UnitKind;
  label: string;
  value: string;
  onChange: (name: string) => void;
}

/**
 * 工作单位 / 基层工会 by name: the units already known are offered as the clerk types, and a new name is allowed
 * (the core registers the unit when the member is saved). Choosing a known spelling avoids two records for one unit.
 */
export function UnitNameInput({ kind, label, value, onChange }: UnitNameInputProps) {
  const t = useT();
  const [query] = useDebouncedValue(value.trim(), 200);
  const units = useQuery('units.list', { kind, query });
  const names = [...new Set((units.data?.units ?? []).map((unit) => unit.name))];
  return (
    <Autocomplete
      label={label}
      value={value}
      onChange={onChange}
      data={names}
      limit={30}
      maxLength={100}
      placeholder={t('memberForm.unitHint')}
      comboboxProps={{ withinPortal: true }}
    />
  );
}
