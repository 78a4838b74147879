/**
 * The import as one flow: the picked file, the clerk's mapping and policy, the preview and the commit. Changing
 * the file, the mapping or the policy forgets the preview, so what is imported is always what was previewed.
 */
import { useState } from 'react';
import type { DuplicatePolicy } from '@shared/contract/roster-import';
import type { AppErrorShape } from '@shared/errors';
import { bridge, toErrorShape } from '../../api/client';
import { useMutation } from '../../api/hooks';
import { useJob } from '../../api/jobs';
import type { CommitResult } from './CommitStep';
import { assignField, columnsFromMapping, mappingFromColumns, type ColumnFields, type ImportPlan, type PickedFile } from './import-plan';
import type { PreviewResult } from './PreviewStep';

export const IMPORT_ACCEPT = ['.xlsx', '.xls', '.csv'];
export const IMPORT_MAX_BYTES = 300 * 1024 * 1024;

export type ImportStep = 0 | 1 | 2 | 3;

export function useRosterImport(onCommitted: () => void) {
  const [step, setStep] = useState<ImportStep>(0);
  const [picked, setPicked] = useState<PickedFile | null>(null);
  const [pickError, setPickError] = useState<AppErrorShape | null>(null);
  const [columns, setColumns] = useState<ColumnFields>([]);
  const [policy, setPolicyState] = useState<DuplicatePolicy>('update');
  const [previewResult, setPreviewResult] = useState<PreviewResult | null>(null);
  const [commitResult, setCommitResult] = useState<CommitResult | null>(null);
  const inspect = useMutation('rosterImport.inspect');
  const preview = useJob('rosterImport.preview');
  const commit = useJob('rosterImport.commit');

  const plan: ImportPlan | null = picked && {
    uploadId: picked.uploadId,
    fileName: picked.fileName,
    mapping: mappingFromColumns(columns),
    policy,
  };

  const pick = async () => {
    setPickError(null);
    let upload;
    try {
      upload = await bridge.pickFile({ accept: IMPORT_ACCEPT, maxBytes: IMPORT_MAX_BYTES });
    } catch (thrown) {
      setPickError(toErrorShape(thrown));
      return;
    }
    if (!upload) return;
    setPicked(null);
    const result = await inspect.run({ uploadId: upload.uploadId, fileName: upload.name });
    if (!result.ok) return;
    setPicked({ uploadId: upload.uploadId, fileName: upload.name, inspection: result.data });
    setColumns(columnsFromMapping(result.data.suggested, result.data.headers.length));
    setPreviewResult(null);
    setCommitResult(null);
  };

  const setColumn = (column: number, field: ColumnFields[number]) => {
    setColumns((current) => assignField(current, column, field));
    setPreviewResult(null);
  };
  const setPolicy = (next: DuplicatePolicy) => {
    setPolicyState(next);
    setPreviewResult(null);
  };

  const runPreview = async () => {
    if (!plan) return;
    setStep(2);
    setPreviewResult(null);
    const result = await preview.run(plan);
    if (result.ok) setPreviewResult(result.data);
  };

  const runCommit = async () => {
    if (!plan) return;
    setStep(3);
    setCommitResult(null);
    const result = await commit.run(plan);
    if (result.ok) {
      setCommitResult(result.data);
      onCommitted();
    }
  };

  const restart = () => {
    setStep(0);
    setPicked(null);
    setColumns([]);
    setPreviewResult(null);
    setCommitResult(null);
    inspect.reset();
  };

  const busy = inspect.running || preview.running || commit.running;
  return {
    step,
    /** Back to an earlier step (not while a job runs, nor after the import is done). */
    goTo: (target: ImportStep) => {
      if (target < step && !busy && !commitResult) setStep(target);
    },
    next: () => setStep((current) => (current < 3 ? ((current + 1) as ImportStep) : current)),
    picked,
    pick,
    reading: inspect.running,
    fileError: pickError ?? inspect.error,
    columns,
    setColumn,
    policy,
    setPolicy,
    plan,
    preview,
    previewResult,
    runPreview,
    commit,
    commitResult,
    runCommit,
    restart,
  };
}
