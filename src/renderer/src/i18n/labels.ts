/** Labels for coded values that may arrive with codes this version does not know: those show as they are. */
import { knownText } from './index';

export function recordTypeLabel(recordType: string): string {
  return knownText(`recordTypes.${recordType}`) ?? recordType;
}
