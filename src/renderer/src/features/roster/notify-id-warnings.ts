import type { Member } from '@shared/contract/roster';
import { notifyWarning } from '../../components/notify';
import { getLanguage, t } from '../../i18n';

/**
 * What the core noticed about a saved member's ID number (a region code not in the list, an old 15-digit number
 * converted). Said once after saving: roster.get reports the region warning later, but not the conversion.
 */
export function notifyIdWarnings(member: Member): void {
  if (member.warnings.length === 0) return;
  const separator = getLanguage() === 'en' ? '; ' : '；';
  notifyWarning(t('memberForm.savedWithWarnings', { warnings: member.warnings.map((w) => t(`idWarnings.${w}`)).join(separator) }));
}
