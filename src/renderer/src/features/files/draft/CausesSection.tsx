import { Checkbox, MultiSelect, Paper, Select, SimpleGrid, Stack, Textarea, TextInput } from '@mantine/core';
import type { FileDetail } from '@shared/contract/hardship';
import { CAUSES, MAX_SECONDARY_CAUSES, WORKER_TYPES } from '@shared/domain/hardship-codes';
import { requiredField } from '../../../components/required-field';
import { useT } from '../../../i18n';
import { LabourFields } from '../LabourFields';
import { fieldId } from './draft-checks';
import type { DraftState, Dispatch } from './draft-state';

const FLAGS = ['singleParent', 'zeroEmployment', 'modelWorker'] as const;

/** 致困原因, the worker type (a migrant's labour relationship), the household's flags, needs, measures and the bank. */
export function CausesSection({
  file,
  state,
  errors,
  dispatch,
}: {
  file: FileDetail;
  state: DraftState;
  errors: Record<string, string>;
  dispatch: Dispatch;
}) {
  const t = useT();
  const set = (change: Partial<DraftState>) => dispatch({ type: 'set', change });
  const { text } = state;
  return (
    <Paper withBorder radius="md" p="md">
      <SimpleGrid cols={2}>
        <Select
          id={fieldId.mainCause}
          label={t('files.mainCause')}
          data={CAUSES.map((c) => ({ value: c, label: t(`causes.${c}`) }))}
          value={state.mainCause}
          onChange={(v) => set({ mainCause: v, secondary: state.secondary.filter((s) => s !== v) })}
          clearable
          error={errors[fieldId.mainCause]}
          {...requiredField}
        />
        <MultiSelect
          label={t('files.secondaryCauses')}
          data={CAUSES.filter((c) => c !== state.mainCause).map((c) => ({ value: c, label: t(`causes.${c}`) }))}
          value={state.secondary}
          onChange={(secondary) => set({ secondary })}
          maxValues={MAX_SECONDARY_CAUSES}
          disabled={!state.mainCause}
        />
        <Select
          label={t('files.workerType')}
          data={WORKER_TYPES.map((w) => ({ value: w, label: t(`workerTypes.${w}`) }))}
          value={state.workerType}
          onChange={(v) => v && set({ workerType: v as DraftState['workerType'] })}
          allowDeselect={false}
        />
        <Stack gap={6} pt="lg">
          {FLAGS.map((flag) => (
            <Checkbox
              key={flag}
              label={t(`files.${flag}`)}
              checked={state.flags[flag]}
              onChange={(e) => set({ flags: { ...state.flags, [flag]: e.currentTarget.checked } })}
            />
          ))}
        </Stack>
      </SimpleGrid>
      {state.workerType === 'migrant' && <LabourFields labour={state.labour} onChange={(labour) => set({ labour })} />}
      <SimpleGrid cols={2} mt="md">
        <Textarea
          label={t('files.needs')}
          value={text.needs}
          onChange={(e) => set({ text: { ...text, needs: e.currentTarget.value } })}
          maxLength={500}
          autosize
          minRows={2}
        />
        <Textarea
          label={t('files.measures')}
          value={text.measures}
          onChange={(e) => set({ text: { ...text, measures: e.currentTarget.value } })}
          maxLength={500}
          autosize
          minRows={2}
        />
        <TextInput
          label={t('files.bankName')}
          value={text.bankName}
          onChange={(e) => set({ text: { ...text, bankName: e.currentTarget.value } })}
          maxLength={60}
        />
        <TextInput
          id={fieldId.bankAccount}
          label={t('files.bankAccount')}
          placeholder={file.draft.bankAccountMasked ?? ''}
          value={text.bankAccount}
          onChange={(e) => set({ text: { ...text, bankAccount: e.currentTarget.value } })}
          onBlur={() => dispatch({ type: 'left', field: fieldId.bankAccount })}
          maxLength={40}
          inputMode="numeric"
          error={errors[fieldId.bankAccount]}
        />
      </SimpleGrid>
    </Paper>
  );
}
