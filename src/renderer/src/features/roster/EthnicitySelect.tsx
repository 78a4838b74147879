import { Select } from '@mantine/core';
import { ETHNICITIES } from '@shared/domain/ethnicity';
import { useT } from '../../i18n';

const OPTIONS = ETHNICITIES.map(({ code, name }) => ({ value: code, label: name }));

/** 民族 by GB 3304: type a few characters (维吾尔, 满) to find it. The names are the standard's, in Chinese. */
export function EthnicitySelect({
  value,
  onChange,
  size,
  label,
  ariaLabel,
}: {
  value: string | null;
  onChange: (code: string | null) => void;
  size?: 'xs' | 'sm';
  /** null: no label above (a table cell), named by ariaLabel instead. */
  label?: null;
  ariaLabel?: string;
}) {
  const t = useT();
  return (
    <Select
      size={size}
      aria-label={ariaLabel}
      placeholder={label === null ? t('memberForm.ethnicity') : undefined}
      label={label === null ? undefined : t('memberForm.ethnicity')}
      value={value}
      onChange={onChange}
      data={OPTIONS}
      searchable
      clearable
      nothingFoundMessage={t('memberForm.ethnicityNotFound')}
    />
  );
}
