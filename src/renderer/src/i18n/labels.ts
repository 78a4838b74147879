/** Labels for coded values that may arrive with codes this version does not know: those show as they are. */
import { t, type MessageKey } from './index';

function labelOrCode(section: 'recordTypes', code: string): string {
  const key = `${section}.${code}`;
  const label = t(key as MessageKey);
  return label === key ? code : label;
}

export function recordTypeLabel(recordType: string): string {
  return labelOrCode('recordTypes', recordType);
}
