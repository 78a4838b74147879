import type { ChannelOutput } from '@shared/contract';
import type { FileDetail } from '@shared/contract/hardship';
import { percentAsMultiple, shownComparison } from '@shared/domain/means-test';
import { formatYuan } from '../../components/money';
import type { t as translate } from '../../i18n';

type T = typeof translate;
type Blocker = FileDetail['actions'][number]['blockers'][number];
type ExistingProblem = ChannelOutput<'files.checkExisting'>['problems'][number];

/** A blocker in words, with its parameters (a date, a count, which consent). */
export function blockerText(t: T, blocker: Blocker): string {
  const params: Record<string, string | number> = {};
  for (const [name, value] of Object.entries(blocker)) {
    if (name !== 'code' && (typeof value === 'string' || typeof value === 'number')) params[name] = value;
  }
  if (typeof blocker.consent === 'string') params.consent = t(`consents.${blocker.consent as 'publicNotice'}`);
  return t(`fileBlockers.${blocker.code as 'ROLE'}`, params);
}

/** The means test in sentences, as docs/domain.md words it: "人均月收入 ¥412.50，低于本地低保标准 ¥940.00 → 深度困难". */
export function meansTestLines(t: T, meansTest: FileDetail['meansTest']): string[] {
  if (meansTest.missing.includes('household')) return [t('files.missingHousehold')];
  if (meansTest.missing.includes('lowIncomeLine') || !meansTest.result) return [t('files.missingLine')];
  const r = meansTest.result;
  const category = t(`hardshipCategories.${r.category}`);
  const lines: string[] = [];
  // The shown figures agree with the exact comparison: a fraction of a fen below the line never shows as the line.
  const shown = shownComparison(r);
  const head = t('files.perCapita', { amount: formatYuan(shown.perCapitaFen) });
  if (r.incomeTest === 'below-line')
    lines.push(`${head}${t('files.clauseJoin')}${t('files.belowLine', { line: formatYuan(r.lowIncomeLineFen), category })}`);
  else if (r.incomeTest === 'below-double-line')
    lines.push(
      `${head}${t('files.clauseJoin')}${t('files.belowDouble', { times: percentAsMultiple(r.relativeLinePercent), double: formatYuan(shown.relativeLineFen), category })}`,
    );
  else
    lines.push(
      `${head}${t('files.clauseJoin')}${t('files.aboveDouble', { times: percentAsMultiple(r.relativeLinePercent), double: formatYuan(shown.relativeLineFen) })}`,
    );
  if (r.spendingExceedsIncome) lines.push(t('files.spendingExceeds'));
  if (r.accidentTest === 'passed')
    lines.push(
      t('files.accidentPassed', {
        share: ((r.accidentShareBasisPoints ?? 10_000) / 100).toFixed(2),
        threshold: r.accidentThresholdPercent,
      }),
    );
  if (r.excludedBy.length > 0)
    lines.push(
      t('files.excluded', { list: r.excludedBy.map((c) => t(`exclusionCodes.${c as 'private-vehicle'}`)).join(t('files.listJoin')) }),
    );
  return lines;
}

/** What is wrong with a row of an old-files sheet, with what the sheet holds (the ID problem, the other row …). */
export function existingProblemText(t: T, p: ExistingProblem): string {
  const detail = p.detail ?? '';
  switch (p.problem) {
    case 'ID_INVALID':
      return t('files.import.problems.ID_INVALID', { problem: t(`idProblems.${detail as 'EMPTY'}`) });
    case 'MEMBER_LEFT':
      return t('files.import.problems.MEMBER_LEFT', { status: t(`memberStatuses.${detail as 'withdrawn'}`) });
    case 'FILE_NO_TAKEN':
      return p.detail ? t('files.import.problems.FILE_NO_TWICE', { row: detail }) : t('files.import.problems.FILE_NO_TAKEN');
    default:
      return t(`files.import.problems.${p.problem}`, { detail });
  }
}
