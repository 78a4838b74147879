/** 信息比对's codes in the clerk's words: why a row of a list was left out. */
import type { JobResult } from '@shared/contract';
import { knownText, t } from '../../i18n';

type RowProblem = JobResult<'compare.import'>['problems'][number];

/** 第 5 行：最后一位校验码不对，请逐位核对 — ID problems in the roster's words; an unknown code shows as it is. */
export function rowProblemText(problem: RowProblem): string {
  const words =
    problem.problem === 'DUPLICATE_IN_FILE'
      ? t('compare.duplicateRow', { first: problem.firstRow ?? '?' })
      : (knownText(`idProblems.${problem.problem}`) ?? problem.problem);
  return t('compare.rowProblem', { row: problem.rowNumber, problem: words });
}

/** A column of the list as the clerk sees it: 第 3 列：身份证号. */
export function columnLabel(headers: string[], column: number): string {
  return t('compare.column', { n: column + 1, header: headers[column] || '—' });
}
