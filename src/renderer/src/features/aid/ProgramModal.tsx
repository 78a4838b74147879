import { Alert, Select, SimpleGrid, TextInput, Title } from '@mantine/core';
import { useState } from 'react';
import type { ProgramItem } from '@shared/contract/aid-types';
import { AID_TYPES, FUND_SOURCES, STANDARD_KIND, type AidType, type FundSource } from '@shared/domain/aid';
import { useMutation, useQuery } from '../../api/hooks';
import { FormActions } from '../../components/FormActions';
import { GuardedModal, useDialogValues } from '../../components/GuardedModal';
import { StackedForm } from '../../components/StackedForm';
import { useT } from '../../i18n';
import { emptyProgramForm, programForm, readProgramForm, type ProgramFormValues } from './program-form';
import { StandardFields } from './StandardFields';
import { YuanInput } from './YuanInput';

interface ProgramFormProps {
  /** The program to change, or none for a new one. */
  program: ProgramItem | null;
  year: number;
  onClose: () => void;
  onSaved: (program: ProgramItem) => void;
}

function ProgramForm({ program, year, onClose, onSaved }: ProgramFormProps) {
  const t = useT();
  const save = useMutation('aid.saveProgram');
  const [values, setValues] = useState<ProgramFormValues>(() => (program ? programForm(program) : emptyProgramForm(year)));
  useDialogValues(values);
  const set = (change: Partial<ProgramFormValues>) => setValues((v) => ({ ...v, ...change }));
  const read = readProgramForm(t, values, program?.id);
  // 生活救助 is months of the 低保 line: without one in force every household is refused (noLowLine), so say so here.
  const lowLineKind = STANDARD_KIND[values.type] === 'lowLineMonths';
  const policy = useQuery('policy.list', {}, { enabled: lowLineKind });
  const lowLineMissing = lowLineKind && !!policy.data?.inForce.some((v) => v.key === 'lowIncomeLine' && v.value === null);
  const years = [year - 1, year, year + 1].map(String);
  if (!years.includes(values.year)) years.push(values.year);

  const submit = async () => {
    if (!read.input) return;
    const result = await save.run(read.input);
    if (result.ok) onSaved(result.data);
  };

  return (
    <StackedForm onSubmit={submit} error={save.error}>
      <SimpleGrid cols={2} spacing="sm">
        <Select
          label={t('aidPrograms.type')}
          data={AID_TYPES.map((type) => ({ value: type, label: t(`aidTypes.${type}`) }))}
          value={values.type}
          onChange={(next) => next && set({ type: next as AidType })}
          allowDeselect={false}
          // Payments already made keep the standard they were made under; a program does not change its kind of money.
          disabled={program !== null}
        />
        <TextInput
          label={t('aidPrograms.name')}
          value={values.name}
          onChange={(e) => set({ name: e.currentTarget.value })}
          maxLength={60}
        />
        <Select
          label={t('aidPrograms.year')}
          data={years}
          value={values.year}
          onChange={(next) => next && set({ year: next })}
          allowDeselect={false}
        />
        <Select
          label={t('aidPrograms.fundSource')}
          data={FUND_SOURCES.map((f) => ({ value: f, label: t(`fundSources.${f}`) }))}
          value={values.fundSource}
          onChange={(next) => next && set({ fundSource: next as FundSource })}
          allowDeselect={false}
        />
        <YuanInput
          label={t('aidPrograms.budget')}
          description={t('aidPrograms.budgetHint')}
          value={values.budget}
          onChange={(budget) => set({ budget })}
        />
        <TextInput
          label={t('aidPrograms.note')}
          description={t('aidPrograms.noteHint')}
          value={values.note}
          onChange={(e) => set({ note: e.currentTarget.value })}
          maxLength={200}
        />
      </SimpleGrid>
      <Title order={4} size="h5">
        {t('aidPrograms.standard')}
      </Title>
      {lowLineMissing && (
        <Alert color="orange" data-testid="program-no-low-line">
          {t('aidPrograms.noLowLine')}
        </Alert>
      )}
      <StandardFields values={values} set={set} />
      {program && program.usage.payments > 0 && (
        <Alert color="yellow" data-testid="program-edit-keeps-paid">
          {t('aidPrograms.editKeepsPaid')}
        </Alert>
      )}
      <FormActions submitLabel={t('common.save')} loading={save.running} missing={read.missing} onCancel={onClose} sticky />
    </StackedForm>
  );
}

/** 新建救助项目 / 修改救助项目: the program with its standard. */
export function ProgramModal({ opened, ...props }: ProgramFormProps & { opened: boolean }) {
  const t = useT();
  return (
    <GuardedModal
      opened={opened}
      onClose={props.onClose}
      title={props.program ? t('aidPrograms.editTitle') : t('aidPrograms.newTitle')}
      size="xl"
      centered
    >
      {opened && <ProgramForm {...props} />}
    </GuardedModal>
  );
}
