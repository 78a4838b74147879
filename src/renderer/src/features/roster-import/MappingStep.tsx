import { Alert, Button, Group, Radio, Stack, Text } from '@mantine/core';
import { IconAlertCircle } from '@tabler/icons-react';
import type { DuplicatePolicy } from '@shared/contract/roster-import';
import { getLanguage, useT } from '../../i18n';
import { missingRequired, type ColumnFields, type Inspection } from './import-plan';
import { fieldLabel } from './import-text';
import { MappingTable } from './MappingTable';
import { DUPLICATE_POLICIES } from './policies';

interface MappingStepProps {
  inspection: Inspection;
  columns: ColumnFields;
  onColumn: (column: number, field: ColumnFields[number]) => void;
  policy: DuplicatePolicy;
  onPolicy: (policy: DuplicatePolicy) => void;
  onBack: () => void;
  onNext: () => void;
}

/** Step 2: which column is which member field, and what to do with people already in the roster. */
export function MappingStep({ inspection, columns, onColumn, policy, onPolicy, onBack, onNext }: MappingStepProps) {
  const t = useT();
  const missing = missingRequired(columns);
  return (
    <Stack gap="md">
      <Text size="sm" c="dimmed">
        {t('rosterImport.mappingIntro')}
      </Text>
      <Text size="sm" c="dimmed">
        {t('rosterImport.mappingWarningsNote')}
      </Text>
      <MappingTable inspection={inspection} columns={columns} onChange={onColumn} />
      {missing.length > 0 && (
        <Alert color="red" variant="light" role="alert" icon={<IconAlertCircle size={18} />} maw={820}>
          {t('rosterImport.missingRequired', { fields: missing.map(fieldLabel).join(getLanguage() === 'en' ? ', ' : '、') })}
        </Alert>
      )}
      <Radio.Group
        value={policy}
        onChange={(value) => onPolicy(DUPLICATE_POLICIES.find((p) => p.value === value)?.value ?? 'update')}
        label={t('rosterImport.policy')}
      >
        <Stack gap="xs" mt="xs">
          {DUPLICATE_POLICIES.map((option) => (
            <Radio key={option.value} value={option.value} label={t(option.label)} description={t(option.hint)} />
          ))}
        </Stack>
      </Radio.Group>
      <Group justify="space-between">
        <Button variant="default" onClick={onBack}>
          {t('common.back')}
        </Button>
        <Button onClick={onNext} disabled={missing.length > 0}>
          {t('rosterImport.toPreview')}
        </Button>
      </Group>
    </Stack>
  );
}
