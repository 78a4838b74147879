import type { FileRef } from '@shared/contract';
import type { Result } from '@shared/errors';
import { bridge } from '../api/client';
import { notifyError, notifySuccess } from './notify';

/**
 * An export job's file handed to the host (a save dialog in Electron, a download in the browser): the job's error
 * shown unless the clerk cancelled it, and `savedText` once the file is saved. A dialog the host closed or failed adds
 * nothing to what it showed.
 */
export async function saveExportedFile(result: Result<FileRef>, savedText: string): Promise<void> {
  if (!result.ok) {
    if (result.error.code !== 'JOB_CANCELLED') notifyError(result.error);
    return;
  }
  const { saved } = await bridge.saveFile(result.data).catch(() => ({ saved: false }));
  if (saved) notifySuccess(savedText);
}
