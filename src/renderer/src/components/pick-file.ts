/** Asking the host for a file where a refusal has no form to be shown in. */
import type { Upload } from '@shared/bridge';
import { bridge, toErrorShape } from '../api/client';
import { notifyError } from './notify';

/**
 * The file the clerk picked, or null when they picked none — or when the host refused it (too large, unreadable):
 * that is said in a notification, as the core never sees the file.
 */
export async function pickFileOrNotify(options: { accept: string[]; maxBytes?: number }): Promise<Upload | null> {
  try {
    return await bridge.pickFile(options);
  } catch (thrown) {
    notifyError(toErrorShape(thrown));
    return null;
  }
}
