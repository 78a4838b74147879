import { Grid, Textarea, TextInput } from '@mantine/core';
import { ClerkDateInput } from '../../components/ClerkDateInput';
import { useState } from 'react';
import type { AppErrorShape } from '@shared/errors';
import { FormActions } from '../../components/FormActions';
import { useDialogValues } from '../../components/GuardedModal';
import { todayIso } from '../../components/format';
import { requiredField } from '../../components/required-field';
import { StackedForm } from '../../components/StackedForm';
import { useT } from '../../i18n';
import { EthnicitySelect } from './EthnicitySelect';
import { IdNumberField } from './IdNumberField';
import { IdNumberLockedField, type LockedIdNumber } from './IdNumberLockedField';
import { memberValuesAcceptable, NAME_MAX, nameValid, NOTE_MAX, type MemberFormValues } from './member-form-values';
import { MemberSaveError } from './MemberSaveError';
import { PhoneInput } from './PhoneInput';
import { UnitNameInput } from './UnitNameInput';

interface MemberFormProps {
  initial: MemberFormValues;
  submitLabel: string;
  saving: boolean;
  error: AppErrorShape | null;
  /** `idEdited`: the ID field was editable (a new member, or the clerk chose 修改身份证号). */
  onSubmit: (values: MemberFormValues, idEdited: boolean) => unknown;
  onCancel: () => void;
  onOpenMember: (memberId: string) => void;
  onReload?: () => void;
  idDescription?: string;
  /** Editing: the ID number is shown masked until the clerk chooses to change it. */
  lockedId?: LockedIdNumber;
}

/** The fields of a member, for adding and for editing: the same checks as the core and the import. */
export function MemberForm({
  initial,
  submitLabel,
  saving,
  error,
  onSubmit,
  onCancel,
  onOpenMember,
  onReload,
  idDescription,
  lockedId,
}: MemberFormProps) {
  const t = useT();
  const [today] = useState(todayIso);
  const [values, setValues] = useState(initial);
  const [submitted, setSubmitted] = useState(false);
  const [idLocked, setIdLocked] = useState(lockedId !== undefined);
  const [unlocking, setUnlocking] = useState(false);
  // Text in the join date box that was not taken (cannot be read, no such day, after today): the value is then
  // empty, and saving would quietly drop the date the clerk meant.
  const [joinedOnProblem, setJoinedOnProblem] = useState<string | null>(null);
  useDialogValues(values);
  const set =
    <K extends keyof MemberFormValues>(key: K) =>
    (value: MemberFormValues[K]) =>
      setValues((v) => ({ ...v, [key]: value }));

  const submit = () => {
    setSubmitted(true);
    if (joinedOnProblem || !memberValuesAcceptable(values, today, !idLocked)) return;
    return onSubmit(values, !idLocked);
  };

  const unlockId = async () => {
    if (!lockedId) return;
    setUnlocking(true);
    const idNumber = await lockedId.reveal();
    setUnlocking(false);
    if (idNumber === null) return;
    setValues((v) => ({ ...v, idNumber }));
    setIdLocked(false);
  };

  const dateProps = { valueFormat: 'YYYY-MM-DD', placeholder: t('memberForm.datePlaceholder'), clearable: true, maxDate: today };
  return (
    <StackedForm onSubmit={submit}>
      <MemberSaveError error={error} onOpenMember={onOpenMember} onReload={onReload} />
      <Grid gap="md">
        <Grid.Col span={6}>
          <TextInput
            label={t('memberForm.name')}
            value={values.name}
            onChange={(event) => set('name')(event.currentTarget.value)}
            maxLength={NAME_MAX}
            autoComplete="off"
            {...requiredField}
            data-autofocus
            error={submitted && !nameValid(values.name) ? t('memberForm.nameRequired') : undefined}
          />
        </Grid.Col>
        <Grid.Col span={6}>
          <EthnicitySelect value={values.ethnicity} onChange={set('ethnicity')} />
        </Grid.Col>
        <Grid.Col span={12}>
          {lockedId && idLocked ? (
            <IdNumberLockedField locked={lockedId} unlocking={unlocking} onUnlock={() => void unlockId()} />
          ) : (
            <IdNumberField
              value={values.idNumber}
              onChange={set('idNumber')}
              today={today}
              showErrors={submitted}
              description={idDescription}
            />
          )}
        </Grid.Col>
        <Grid.Col span={6}>
          <PhoneInput value={values.phone} onChange={set('phone')} showErrors={submitted} />
        </Grid.Col>
        <Grid.Col span={6}>
          <ClerkDateInput
            {...dateProps}
            label={t('memberForm.joinedOn')}
            value={values.joinedOn}
            onChange={set('joinedOn')}
            onProblem={setJoinedOnProblem}
          />
        </Grid.Col>
        <Grid.Col span={6}>
          <UnitNameInput kind="employer" label={t('memberForm.unitName')} value={values.unitName} onChange={set('unitName')} />
        </Grid.Col>
        <Grid.Col span={6}>
          <UnitNameInput kind="union" label={t('memberForm.unionName')} value={values.unionName} onChange={set('unionName')} />
        </Grid.Col>
        <Grid.Col span={4}>
          <TextInput
            label={t('memberForm.cardNo')}
            value={values.cardNo}
            onChange={(event) => set('cardNo')(event.currentTarget.value)}
            maxLength={40}
            autoComplete="off"
          />
        </Grid.Col>
        <Grid.Col span={8}>
          <Textarea
            label={t('memberForm.note')}
            value={values.note}
            onChange={(event) => set('note')(event.currentTarget.value)}
            maxLength={NOTE_MAX}
            autosize
            minRows={1}
            maxRows={5}
          />
        </Grid.Col>
      </Grid>
      <FormActions submitLabel={submitLabel} loading={saving} onCancel={onCancel} />
    </StackedForm>
  );
}
