import type { AppErrorShape } from '@shared/errors';
import { formatYuan } from '@shared/domain/money';
import { knownText, t } from './index';

/**
 * The aid errors worded with what the core sends (features/aid): the most that may be paid, the budget left, the
 * reason a household cannot be paid, how many payments were the reviewer's own. Null: the code's plain message.
 */
export function aidErrorMessage(error: AppErrorShape): string | null {
  const params = error.params ?? {};
  const count = Number(params.count ?? 0);
  switch (error.code) {
    case 'AID_OVER_CAP':
      if (params.maxFen === 0) return t('aidErrors.capReached');
      if (typeof params.maxFen === 'number') return t('aidErrors.overCap', { max: formatYuan(params.maxFen) });
      return null;
    case 'AID_OVER_BUDGET':
      return typeof params.leftFen === 'number' ? t('aidErrors.overBudget', { left: formatYuan(params.leftFen) }) : null;
    case 'AID_NOT_ELIGIBLE': {
      const reason = knownText(`aidIneligible.${String(params.reason)}`);
      return reason === null ? null : t('aidErrors.notEligible', { reason });
    }
    case 'AID_OWN_ENTRY': {
      if (count === 0) return null;
      if (!Array.isArray(params.fileNos) || params.fileNos.length === 0) return t('aidErrors.ownEntry', { count });
      // The first few by file number (what the list shows that is not personal data), then 等 n 笔.
      const named = (params.fileNos as string[]).map((fileNo) =>
        fileNo ? t('aidErrors.ownEntryFile', { fileNo }) : t('aidErrors.ownEntryEmergency'),
      );
      const more = count > named.length ? ` ${t('aidErrors.ownEntryMore', { count })}` : '';
      return t('aidErrors.ownEntryNamed', { count, names: named.join(t('common.listJoin')) + more });
    }
    case 'AID_WRONG_STATE':
      if (params.expected === 'notReissued') return t('aidErrors.alreadyReissued');
      return count > 0 ? t('aidErrors.wrongState', { count }) : null;
    case 'AID_PROGRAM_INVALID': {
      const key = (
        {
          standardKind: 'programStandardKind',
          noCategory: 'programNoCategory',
          noStage: 'programNoStage',
          zeroAmount: 'programZeroAmount',
          typeOrYearWithPayments: 'programTypeOrYear',
        } as const
      )[params.problem as 'noStage'];
      if (!key) return null;
      const expected = knownText(`standardKinds.${String(params.expected)}`) ?? '';
      return t(`aidErrors.${key}`, { expected });
    }
    default:
      return null;
  }
}
