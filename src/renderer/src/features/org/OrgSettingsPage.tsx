import { NumberInput, Paper, Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import type { OrgSettings } from '@shared/contract/org';
import { checkPhone } from '@shared/domain/phone';
import { isValidRegionCode } from '@shared/domain/region-code';
import { useMutation, useQuery } from '../../api/hooks';
import { useSession } from '../../app/session/session-context';
import { CreditCodeInput, RegionCodeInput, creditCodeBlocks, orgNameValid } from '../../components/CodeInputs';
import { FormActions } from '../../components/FormActions';
import { notifySuccess, notifyWarning } from '../../components/notify';
import { PageHeader } from '../../components/PageHeader';
import { QueryStatus } from '../../components/QueryStatus';
import { StackedForm } from '../../components/StackedForm';
import { useT } from '../../i18n';
import { requiredField } from '../../components/required-field';

function idleLockValid(minutes: number | string): minutes is number {
  return typeof minutes === 'number' && Number.isInteger(minutes) && minutes >= 1 && minutes <= 120;
}

function OrgSettingsForm({ settings, onSaved }: { settings: OrgSettings; onSaved: () => void }) {
  const t = useT();
  const update = useMutation('org.update');
  const [name, setName] = useState(settings.name);
  const [creditCode, setCreditCode] = useState(settings.creditCode);
  const [regionCode, setRegionCode] = useState(settings.regionCode);
  const [idleLockMinutes, setIdleLockMinutes] = useState<number | string>(settings.idleLockMinutes);
  const [contactPhone, setContactPhone] = useState(settings.contactPhone ?? '');
  const [contactAddress, setContactAddress] = useState(settings.contactAddress ?? '');
  const [submitted, setSubmitted] = useState(false);
  const [phoneLeft, setPhoneLeft] = useState(false);
  const phoneBad = contactPhone.trim() !== '' && !checkPhone(contactPhone).ok;

  const submit = async () => {
    setSubmitted(true);
    if (!orgNameValid(name) || creditCodeBlocks(creditCode) || !isValidRegionCode(regionCode)) return;
    if (!idleLockValid(idleLockMinutes) || phoneBad) return;
    const result = await update.run({ name, creditCode, regionCode, idleLockMinutes, contactPhone, contactAddress });
    if (!result.ok) return;
    notifySuccess(t('org.saved'));
    if (result.data.warnings.includes('CREDIT_CODE_CHECK')) notifyWarning(t('setup.creditCodeWarning'));
    onSaved();
  };

  return (
    <StackedForm onSubmit={submit} error={update.error}>
      <TextInput
        label={t('org.name')}
        value={name}
        onChange={(event) => setName(event.currentTarget.value)}
        maxLength={100}
        {...requiredField}
        error={submitted && !orgNameValid(name) ? t('validation.orgName') : undefined}
      />
      <CreditCodeInput label={t('org.creditCode')} value={creditCode} onChange={setCreditCode} showErrors={submitted} />
      <RegionCodeInput label={t('org.regionCode')} value={regionCode} onChange={setRegionCode} showErrors={submitted} showPlace />
      <NumberInput
        label={t('org.idleLock')}
        description={t('org.idleLockHint')}
        value={idleLockMinutes}
        onChange={setIdleLockMinutes}
        min={1}
        max={120}
        allowDecimal={false}
        allowNegative={false}
        clampBehavior="none"
        {...requiredField}
        w={220}
        error={submitted && !idleLockValid(idleLockMinutes) ? t('validation.idleLock') : undefined}
      />
      <TextInput
        label={t('org.contactPhone')}
        description={t('org.contactPhoneHint')}
        value={contactPhone}
        onChange={(event) => setContactPhone(event.currentTarget.value)}
        onBlur={() => setPhoneLeft(true)}
        maxLength={30}
        inputMode="tel"
        w={320}
        error={(submitted || phoneLeft) && phoneBad ? t('org.contactPhoneInvalid') : undefined}
      />
      <TextInput
        label={t('org.contactAddress')}
        value={contactAddress}
        onChange={(event) => setContactAddress(event.currentTarget.value)}
        maxLength={100}
      />
      <TextInput
        label={t('org.mode')}
        description={t('org.modeHint')}
        value={t(`modes.${settings.mode}`)}
        readOnly
        variant="filled"
        w={220}
      />
      <FormActions submitLabel={t('common.save')} loading={update.running} justify="flex-start" />
    </StackedForm>
  );
}

export function OrgSettingsPage() {
  const t = useT();
  const org = useQuery('org.get', {});
  const session = useSession();
  const saved = () => {
    org.reload();
    // The header shows the organisation's name, and the idle limit comes with the session.
    session.reloadOrg();
    void session.refresh();
  };
  return (
    <>
      <PageHeader title={t('org.title')} />
      <QueryStatus loading={org.loading && !org.data} error={org.error} onRetry={org.reload} />
      {org.data && (
        <Paper withBorder radius="md" p="lg" maw={640}>
          <OrgSettingsForm settings={org.data} onSaved={saved} />
        </Paper>
      )}
      <Text size="sm" c="dimmed" mt="md">
        {t('org.keysMoved')}
      </Text>
    </>
  );
}
