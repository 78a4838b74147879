import { Select } from '@mantine/core';
import type { UnitKind } from '@shared/contract/roster';
import { useQuery } from '../api/hooks';
import { useT } from '../i18n';

interface UnitFilterSelectProps {
  kind: UnitKind;
  label: string;
  value: string;
  onChange: (unitId: string) => void;
  /** Narrower in a crowded filter row (发放记录 at 1366×768). */
  w?: number;
}

/** Narrows a list (the roster, the files) to one 工作单位 or 基层工会; typing filters the list, the clear button shows everyone again. */
export function UnitFilterSelect({ kind, label, value, onChange, w = 220 }: UnitFilterSelectProps) {
  const t = useT();
  const units = useQuery('units.list', { kind, query: '' });
  const data = (units.data?.units ?? []).map((unit) => ({ value: unit.id, label: unit.name }));
  // A unit merged away meanwhile is no longer listed: keep the filter readable rather than blank.
  if (value && units.data && !data.some((option) => option.value === value)) data.unshift({ value, label: t('common.unknownUnit') });
  return (
    <Select
      label={label}
      placeholder={t('common.all')}
      value={value || null}
      onChange={(next) => onChange(next ?? '')}
      data={data}
      searchable
      clearable
      nothingFoundMessage={t('roster.noUnitFound')}
      comboboxProps={{ width: 320, position: 'bottom-start' }}
      w={w}
    />
  );
}
