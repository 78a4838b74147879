import { Select } from '@mantine/core';
import { ETHNICITIES } from '@shared/domain/ethnicity';
import { useT } from '../../i18n';

const OPTIONS = ETHNICITIES.map(({ code, name }) => ({ value: code, label: name }));

/** 民族 by GB 3304: type a few characters (维吾尔, 满) to find it. The names are the standard's, in Chinese. */
export function EthnicitySelect({ value, onChange }: { value: string | null; onChange: (code: string | null) => void }) {
  const t = useT();
  return (
    <Select
      label={t('memberForm.ethnicity')}
      value={value}
      onChange={onChange}
      data={OPTIONS}
      searchable
      clearable
      nothingFoundMessage={t('memberForm.ethnicityNotFound')}
    />
  );
}
