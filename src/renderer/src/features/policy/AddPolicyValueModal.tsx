import { NumberInput, Select, Stack, Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import type { PolicyValueItem } from '@shared/contract/policy';
import { isValidRegionCode } from '@shared/domain/region-code';
import { regionName } from '@shared/domain/region-codes';
import { POLICY_KEYS, POLICY_RULES, policyValueProblem, type PolicyKey } from '@shared/domain/policy';
import { useMutation } from '../../api/hooks';
import { ClerkDateInput } from '../../components/ClerkDateInput';
import { RegionCodeInput } from '../../components/CodeInputs';
import { FormActions } from '../../components/FormActions';
import { GuardedModal, useDialogValues } from '../../components/GuardedModal';
import { formatYuan, parseYuan } from '../../components/money';
import { requiredField } from '../../components/required-field';
import { StackedForm } from '../../components/StackedForm';
import { useT } from '../../i18n';

interface AddPolicyValueFormProps {
  /** The office's own region: where a 低保 line is usually set. */
  regionCode: string;
  today: string;
  onClose: () => void;
  onAdded: (value: PolicyValueItem) => void;
}

function AddPolicyValueForm({ regionCode: officeRegion, today, onClose, onAdded }: AddPolicyValueFormProps) {
  const t = useT();
  const add = useMutation('policy.add');
  const [key, setKey] = useState<PolicyKey>('lowIncomeLine');
  const [regionCode, setRegionCode] = useState(officeRegion);
  const [effectiveFrom, setEffectiveFrom] = useState<string | null>(today);
  const [yuan, setYuan] = useState('');
  const [count, setCount] = useState<number | string>('');
  const [submitted, setSubmitted] = useState(false);
  useDialogValues({ key, regionCode, effectiveFrom, yuan, count });

  const rule = POLICY_RULES[key];
  const value = rule.unit === 'fen' ? parseYuan(yuan) : typeof count === 'number' ? count : null;
  const region = rule.byRegion ? regionCode : null;
  const valueProblem = value === null || policyValueProblem(key, value, region) === 'OUT_OF_RANGE';
  const range =
    rule.unit === 'fen'
      ? t('policy.valueRange', { min: formatYuan(rule.min), max: formatYuan(rule.max) })
      : t('policy.valueRange', { min: rule.min, max: rule.max });

  const submit = async () => {
    setSubmitted(true);
    if (value === null || valueProblem || !effectiveFrom || (rule.byRegion && !isValidRegionCode(regionCode))) return;
    const result = await add.run({ key, regionCode: region, effectiveFrom, value });
    if (result.ok) onAdded(result.data);
  };

  return (
    <StackedForm onSubmit={submit} error={add.error}>
      <Select
        label={t('policy.key')}
        data={POLICY_KEYS.map((k) => ({ value: k, label: t(`policyKeys.${k}`) }))}
        value={key}
        onChange={(next) => next && setKey(next as PolicyKey)}
        allowDeselect={false}
        {...requiredField}
      />
      {rule.byRegion && (
        <Stack gap={4}>
          <RegionCodeInput label={t('policy.regionCode')} value={regionCode} onChange={setRegionCode} showErrors={submitted} />
          <Text size="xs" c="dimmed">
            {regionName(regionCode) ?? t('policy.regionHint')}
          </Text>
        </Stack>
      )}
      <ClerkDateInput
        label={t('policy.effectiveFrom')}
        description={t('policy.effectiveFromHint')}
        valueFormat="YYYY-MM-DD"
        value={effectiveFrom}
        onChange={setEffectiveFrom}
        {...requiredField}
        error={submitted && !effectiveFrom ? t('validation.required') : undefined}
      />
      {rule.unit === 'fen' ? (
        <TextInput
          label={t(rule.per === 'householdYear' ? 'policy.valueYuanYear' : 'policy.valueYuan')}
          description={range}
          value={yuan}
          onChange={(event) => setYuan(event.currentTarget.value)}
          inputMode="decimal"
          maxLength={16}
          {...requiredField}
          error={submitted && (parseYuan(yuan) === null ? t('policy.moneyInvalid') : valueProblem ? t('policy.valueInvalid') : undefined)}
        />
      ) : (
        <NumberInput
          label={t('policy.valueNumber', { unit: t(`policy.units.${rule.unit}`) })}
          description={range}
          value={count}
          onChange={setCount}
          // Decimals are let in to be refused: with allowDecimal off, 80.5 would quietly become 805.
          allowNegative={false}
          clampBehavior="none"
          {...requiredField}
          error={
            submitted &&
            (typeof count === 'number' && !Number.isInteger(count)
              ? t('policy.wholeNumber')
              : valueProblem
                ? t('policy.valueInvalid')
                : undefined)
          }
        />
      )}
      <FormActions submitLabel={t('policy.add')} loading={add.running} onCancel={onClose} />
    </StackedForm>
  );
}

/** 新增数值: a new value with the date it takes effect (values are never edited). */
export function AddPolicyValueModal({ opened, ...props }: AddPolicyValueFormProps & { opened: boolean }) {
  const t = useT();
  return (
    <GuardedModal opened={opened} onClose={props.onClose} title={t('policy.addTitle')} centered>
      {opened && <AddPolicyValueForm {...props} />}
    </GuardedModal>
  );
}
