import { Alert, Radio, Stack, TextInput } from '@mantine/core';
import { useState } from 'react';
import { checkCreditCode } from '@shared/domain/credit-code';
import { isValidRegionCode } from '@shared/domain/region-code';
import { CreditCodeInput, RegionCodeInput, creditCodeBlocks, orgNameValid } from '../../components/CodeInputs';
import { FormActions } from '../../components/FormActions';
import { StackedForm } from '../../components/StackedForm';
import { useT } from '../../i18n';
import type { OrgValues } from './setup-values';
import { requiredField } from '../../components/required-field';

interface OrgStepProps {
  values: OrgValues;
  onChange: (values: OrgValues) => void;
  onNext: () => void;
}

export function OrgStep({ values, onChange, onNext }: OrgStepProps) {
  const t = useT();
  const [submitted, setSubmitted] = useState(false);
  // The credit code whose failed check character the clerk has seen before 下一步 and kept (early codes fail it).
  const [keptBadCheck, setKeptBadCheck] = useState<string | null>(null);
  const set = <K extends keyof OrgValues>(key: K, value: OrgValues[K]) => onChange({ ...values, [key]: value });
  const badCheck = checkCreditCode(values.creditCode) === 'bad-check';
  const askAboutCheck = badCheck && keptBadCheck === values.creditCode;

  const submit = () => {
    setSubmitted(true);
    const ok = orgNameValid(values.name) && !creditCodeBlocks(values.creditCode) && isValidRegionCode(values.regionCode);
    if (!ok) return;
    // A wrong check character is usually a typo: the first 下一步 stops and says so; the second keeps the code.
    if (badCheck && keptBadCheck !== values.creditCode) {
      setKeptBadCheck(values.creditCode);
      return;
    }
    onNext();
  };

  return (
    <StackedForm onSubmit={submit}>
      <TextInput
        label={t('setup.orgName')}
        value={values.name}
        onChange={(event) => set('name', event.currentTarget.value)}
        maxLength={100}
        {...requiredField}
        autoFocus
        error={submitted && !orgNameValid(values.name) ? t('validation.orgName') : undefined}
      />
      <CreditCodeInput
        label={t('setup.creditCode')}
        value={values.creditCode}
        onChange={(value) => set('creditCode', value)}
        showErrors={submitted}
      />
      {askAboutCheck && (
        <Alert color="orange" variant="light" role="alert" data-testid="credit-code-confirm">
          {t('setup.creditCodeConfirm')}
        </Alert>
      )}
      <RegionCodeInput
        label={t('setup.regionCode')}
        value={values.regionCode}
        onChange={(value) => set('regionCode', value)}
        showErrors={submitted}
        showPlace
      />
      <Radio.Group
        label={t('setup.mode')}
        value={values.mode}
        onChange={(value) => set('mode', value === 'federation' ? 'federation' : 'centre')}
        {...requiredField}
      >
        <Stack gap="sm" mt="xs">
          <Radio value="centre" label={t('modes.centre')} description={t('setup.modeCentreHint')} />
          <Radio value="federation" label={t('modes.federation')} description={t('setup.modeFederationHint')} />
        </Stack>
      </Radio.Group>
      <FormActions submitLabel={askAboutCheck ? t('setup.keepCreditCode') : t('common.next')} />
    </StackedForm>
  );
}
