import type { DuplicatePolicy } from '@shared/contract/roster-import';
import type { MessageKey } from '../../i18n';

/** The duplicate policies in the order the clerk reads them, each with its one-line explanation. */
export const DUPLICATE_POLICIES: { value: DuplicatePolicy; label: MessageKey; hint: MessageKey }[] = [
  { value: 'update', label: 'rosterImport.policyUpdate', hint: 'rosterImport.policyUpdateHint' },
  { value: 'skip', label: 'rosterImport.policySkip', hint: 'rosterImport.policySkipHint' },
  { value: 'stop', label: 'rosterImport.policyStop', hint: 'rosterImport.policyStopHint' },
];
