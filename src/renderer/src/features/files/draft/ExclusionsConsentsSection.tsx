import { Checkbox, Paper, SimpleGrid, Stack, Title } from '@mantine/core';
import { exclusions as exclusionsSchema } from '@shared/contract/hardship';
import { ClerkDateInput } from '../../../components/ClerkDateInput';
import { useT } from '../../../i18n';
import { fieldId } from './draft-checks';
import type { DraftState, Dispatch } from './draft-state';

/** The exclusions in the contract's order (the order they are shown in). */
const EXCLUSIONS = exclusionsSchema.keyof().options;
const CONSENTS = ['incomeVerification', 'publicNotice', 'reportUpward'] as const;

/** 排除情形 (any one blocks filing) and the three written consents with the day each was signed. */
export function ExclusionsConsentsSection({ state, dispatch, today }: { state: DraftState; dispatch: Dispatch; today: string }) {
  const t = useT();
  return (
    <Paper withBorder radius="md" p="md">
      <Title order={4} mb="sm">
        {t('files.exclusionsTitle')}
      </Title>
      <Stack gap={6}>
        {EXCLUSIONS.map((e) => (
          <Checkbox
            key={e}
            label={t(`exclusionLabels.${e}`)}
            checked={state.exclusions[e]}
            onChange={(ev) => dispatch({ type: 'set', change: { exclusions: { ...state.exclusions, [e]: ev.currentTarget.checked } } })}
          />
        ))}
      </Stack>
      <Title order={5} mt="md" mb="xs">
        {t('files.consentsTitle')}
      </Title>
      <SimpleGrid cols={3}>
        {CONSENTS.map((c) => (
          // A consent is signed on paper before it is entered: a day after today is refused as typed.
          <ClerkDateInput
            key={c}
            id={fieldId.consent(c)}
            label={t(`consents.${c}`)}
            valueFormat="YYYY-MM-DD"
            clearable
            maxDate={today}
            value={state.consents[`${c}On`]}
            onChange={(v) => dispatch({ type: 'set', change: { consents: { ...state.consents, [`${c}On`]: v } } })}
            onProblem={(problem) => {
              const { [fieldId.consent(c)]: _old, ...others } = state.dateProblems;
              dispatch({ type: 'set', change: { dateProblems: problem ? { ...others, [fieldId.consent(c)]: problem } : others } });
            }}
          />
        ))}
      </SimpleGrid>
    </Paper>
  );
}
