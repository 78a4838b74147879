import type { FileDetail } from '@shared/contract/hardship';
import type { FileAction } from '@shared/domain/hardship-lifecycle';
import type { HouseholdRow, StoredDraft } from './files.repo';

/** Blockers the lifecycle module cannot see because they depend on the file's contents. */
type ServiceBlocker = 'HOUSEHOLD_MISSING' | 'MAIN_CAUSE_MISSING' | 'MEANS_TEST_MISSING' | 'NOT_ELIGIBLE';

/**
 * A file is submitted with its household and its main cause; it is approved, or kept at its annual review, only
 * when the means test (with the policy in force today) gives a category.
 */
export function serviceBlockers(
  action: FileAction,
  household: HouseholdRow[],
  draft: StoredDraft,
  meansTest: FileDetail['meansTest'],
): ServiceBlocker[] {
  const blockers: ServiceBlocker[] = [];
  if (action === 'submit') {
    if (household.length === 0) blockers.push('HOUSEHOLD_MISSING');
    if (draft.mainCause === null) blockers.push('MAIN_CAUSE_MISSING');
  }
  if (action === 'approve' || action === 'keep') {
    if (!meansTest.result) blockers.push('MEANS_TEST_MISSING');
    else if (meansTest.result.outcome !== 'eligible') blockers.push('NOT_ELIGIBLE');
  }
  return blockers;
}
