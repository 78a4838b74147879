import { Stack } from '@mantine/core';
import { useState } from 'react';
import type { FileDetail } from '@shared/contract/hardship';
import type { AppErrorShape } from '@shared/errors';
import { useMutation } from '../../../api/hooks';
import { todayIso } from '../../../components/format';
import { useT } from '../../../i18n';
import { CausesSection } from './CausesSection';
import { draftProblems, serverProblem } from './draft-checks';
import { toInput, useDraftState, type Dispatch } from './draft-state';
import { ExclusionsConsentsSection } from './ExclusionsConsentsSection';
import { HouseholdSection } from './HouseholdSection';
import { HousingContactsSection } from './HousingContactsSection';
import { IncomeSection } from './IncomeSection';
import { SaveSummary } from './SaveSummary';

/**
 * 填写档案: the household, income and spending, exclusions and consents, causes, housing and contacts, saved together.
 * The state lives in one reducer (draft-state.ts); the checks run as the clerk types (draft-checks.ts) and, once a save
 * is tried, are listed beside the save button with links to their fields, together with what the core refused.
 * A person already on the list is sent by their row (their ID number is never shown whole); a new one with the ID
 * number typed.
 */
export function DraftForm({ file, onSaved }: { file: FileDetail; onSaved: (file: FileDetail) => void }) {
  const t = useT();
  const save = useMutation('files.saveDraft');
  const [today] = useState(todayIso);
  const { state, dispatch: change } = useDraftState(file);
  // The core's refusal of the last save, until the clerk changes a value (then it may no longer hold).
  const [refused, setRefused] = useState<AppErrorShape | null>(null);
  const [attempt, setAttempt] = useState(0);
  const dispatch: Dispatch = (action) => {
    if (action.type !== 'left') setRefused(null);
    change(action);
  };
  const problems = draftProblems(t, state, today);
  const fromCore = refused ? [serverProblem(t, state, refused)] : [];
  const shown = [...problems, ...fromCore];
  const errors: Record<string, string> = {};
  for (const p of shown) if (p.field && !errors[p.field]) errors[p.field] = p.short;

  const submit = async () => {
    change({ type: 'set', change: { submitted: true } });
    setRefused(null);
    setAttempt((n) => n + 1);
    if (draftProblems(t, state, today, true).length > 0) return;
    const result = await save.run(toInput(file, state));
    if (result.ok) onSaved(result.data);
    else {
      setRefused(result.error);
      setAttempt((n) => n + 1);
    }
  };

  return (
    <Stack gap="lg" maw={1200}>
      <HouseholdSection file={file} state={state} errors={errors} dispatch={dispatch} />
      <IncomeSection file={file} state={state} errors={errors} dispatch={dispatch} />
      <ExclusionsConsentsSection state={state} dispatch={dispatch} today={today} />
      <CausesSection file={file} state={state} errors={errors} dispatch={dispatch} />
      <HousingContactsSection state={state} errors={errors} dispatch={dispatch} />
      <SaveSummary problems={state.submitted ? shown : []} onSave={() => void submit()} saving={save.running} attempt={attempt} />
    </Stack>
  );
}
