/**
 * 信息比对: the kinds of outside list a centre compares its files with, and who "should" be on each. A list says who
 * another body supports; the comparison shows our households on it, our 在档 households that should be on it but are
 * not, and people on it with no file of ours (docs/domain.md "Comparison with outside lists").
 */

/** 民政 低保, 民政 特困, 残联 (disability certificates), a hospital's list, anything else. */
export const COMPARE_LIST_KINDS = ['dibao', 'tekun', 'disability', 'hospital', 'other'] as const;
export type CompareListKind = (typeof COMPARE_LIST_KINDS)[number];

/**
 * Who among our 在档 households should appear on a list of this kind, or null when nobody must (a hospital's list
 * or 特困, which only some 深度困难 households get, say nothing about the ones not on them):
 * - 低保: every 深度困难 household (the means test puts a household below the 低保 line there, docs/domain.md);
 * - 残联: every household with a member recorded as disabled (health 'disabled'): that member should hold a
 *   disability certificate and so be on the 残联 list.
 */
export type ExpectedOnList = { by: 'category'; category: string } | { by: 'disabledMember' } | null;

export function expectedOnList(kind: CompareListKind): ExpectedOnList {
  switch (kind) {
    case 'dibao':
      return { by: 'category', category: 'deep' };
    case 'disability':
      return { by: 'disabledMember' };
    default:
      return null;
  }
}

/** 在档: the statuses of a file that is on record (an annual review keeps it on record until decided). */
export const ON_RECORD_STATUSES = ['active', 'annualReview'] as const;
