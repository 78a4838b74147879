import { Select } from '@mantine/core';
import { ALL_CENTRES } from '@shared/contract/reports';
import { useQuery } from '../../api/hooks';
import { useT } from '../../i18n';

/**
 * Federation mode: whose records the report counts, 各中心合计 or one centre by name and code (the centres of 各中心,
 * as federation.centres lists them). Picking one runs the report again for it.
 */
export function CentrePicker({ value, onChange }: { value: string; onChange: (centre: string) => void }) {
  const t = useT();
  const centres = useQuery('federation.centres', {});
  const options = [
    { value: ALL_CENTRES, label: t('reports.allCentres') },
    ...(centres.data?.centres ?? []).map((c) => ({ value: c.code, label: t('reports.centreOption', { name: c.name, code: c.code }) })),
  ];
  return (
    <Select
      label={t('reports.centre')}
      description={t('reports.centreHint')}
      data={options}
      value={value}
      onChange={(next) => next && onChange(next)}
      allowDeselect={false}
      w={420}
      maw="100%"
    />
  );
}
