import { bridge, toErrorShape } from '../../api/client';
import { useJob } from '../../api/jobs';
import { notifyError, notifySuccess } from '../../components/notify';
import type { ImportPlan } from './import-plan';

/**
 * Makes the file that goes back to the grassroots union (rejected rows, and the warnings on a sheet 提示) and saves
 * it through the host's dialog; `savedText` is said once it is saved.
 */
export function useSaveImportFile(plan: ImportPlan, savedText: string) {
  const save = useJob('rosterImport.rejectedFile');
  const run = async () => {
    const result = await save.run(plan);
    if (!result.ok) return;
    try {
      const { saved } = await bridge.saveFile(result.data);
      if (saved) notifySuccess(savedText);
    } catch (thrown) {
      notifyError(toErrorShape(thrown));
    }
  };
  return { ...save, save: () => void run() };
}
