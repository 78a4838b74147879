import { SimpleGrid, TextInput } from '@mantine/core';
import { ClerkDateInput } from '../../components/ClerkDateInput';
import { todayIso } from '../../components/format';
import { requiredField } from '../../components/required-field';
import { useT } from '../../i18n';

export interface Labour {
  since: string | null;
  employer: string;
}

/**
 * 困难农民工: the labour relationship (a year at least by the day the file is submitted, docs/domain.md), shown for
 * a migrant worker's file only. The core checks it; the form only asks for it.
 */
export function LabourFields({ labour, onChange }: { labour: Labour; onChange: (labour: Labour) => void }) {
  const t = useT();
  return (
    <SimpleGrid cols={2} mt="md">
      <ClerkDateInput
        label={t('files.labourSince')}
        description={t('files.labourHint')}
        valueFormat="YYYY-MM-DD"
        clearable
        maxDate={todayIso()}
        value={labour.since}
        onChange={(since) => onChange({ ...labour, since })}
        {...requiredField}
      />
      <TextInput
        label={t('files.labourEmployer')}
        value={labour.employer}
        onChange={(e) => onChange({ ...labour, employer: e.currentTarget.value })}
        maxLength={100}
        {...requiredField}
      />
    </SimpleGrid>
  );
}
